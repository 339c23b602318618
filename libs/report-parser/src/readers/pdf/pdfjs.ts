import * as path from 'node:path';
import * as vm from 'node:vm';

/**
 * Loading pdfjs-dist (an ES module) from CommonJS output. A plain `import()` would be rewritten to `require()` by the
 * TypeScript CommonJS emit, so the import is built at run time. Under Jest, whose module sandbox refuses dynamic
 * imports without --experimental-vm-modules, it falls back to Node's own loader through `vm`.
 *
 * Only the slice of the pdfjs API the PDF reader uses is typed here.
 */

export interface PdfTextRun {
  str: string;
  dir: string;
  transform: number[];
  width: number;
  height: number;
}

export interface PdfViewport {
  width: number;
  height: number;
  transform: number[];
}

export interface PdfPage {
  getViewport(options: { scale: number }): PdfViewport;
  getTextContent(): Promise<{ items: (PdfTextRun | { type: string })[] }>;
  cleanup(): boolean;
}

export interface PdfDocument {
  numPages: number;
  getPage(pageNumber: number): Promise<PdfPage>;
  destroy(): Promise<void>;
}

export interface PdfLoadingTask {
  promise: Promise<PdfDocument>;
  destroy(): Promise<void>;
}

export interface PdfDocumentOptions {
  data: Uint8Array;
  cMapUrl: string;
  cMapPacked: boolean;
  standardFontDataUrl: string;
  isEvalSupported: boolean;
  disableFontFace: boolean;
  useSystemFonts: boolean;
  stopAtErrors: boolean;
  verbosity: number;
}

export interface PdfjsModule {
  getDocument(options: PdfDocumentOptions): PdfLoadingTask;
  Util: { transform(m1: number[], m2: number[]): number[] };
}

type ModuleImporter = (specifier: string) => Promise<unknown>;

const nativeImport = new Function('specifier', 'return import(specifier)') as ModuleImporter;

function sandboxedImport(): ModuleImporter {
  const script = new vm.Script('(specifier) => import(specifier)', {
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  return script.runInThisContext() as ModuleImporter;
}

async function importModule(specifier: string): Promise<unknown> {
  try {
    return await nativeImport(specifier);
  } catch (error) {
    if ((error as { code?: string }).code !== 'ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING' && !/dynamic import callback/i.test(String(error))) {
      throw error;
    }
    return sandboxedImport()(specifier);
  }
}

let loading: Promise<PdfjsModule> | undefined;

/**
 * The legacy build installs core-js versions of built-ins over Node's own, for the whole process: `Array.prototype.push`
 * (a generic loop, in every hot path of pdfjs and of this parser: about a tenth of the CPU time of a PDF) and
 * `JSON.parse` (every job payload the worker reads). They only refine corner cases of the specification that neither
 * pdfjs nor this code meets (arrays near 2^32 elements, the `source` of a JSON reviver), so Node's own are put back.
 */
const NATIVE_PUSH = Array.prototype.push;
const NATIVE_JSON_PARSE = JSON.parse;

function restoreNatives(): void {
  const restore = (target: object, name: string, native: unknown) => {
    if (Reflect.get(target, name) !== native) {
      Object.defineProperty(target, name, { value: native, writable: true, enumerable: false, configurable: true });
    }
  };
  restore(Array.prototype, 'push', NATIVE_PUSH);
  restore(JSON, 'parse', NATIVE_JSON_PARSE);
}

/**
 * The minified legacy build: the same code as `pdf.mjs`, without a `sourceMappingURL`. Under a loader that enables
 * source maps (tsx, --enable-source-maps) the plain build makes Node parse and keep 8 MB of maps, about 100 MB of
 * heap. The worker module is imported first: it registers itself on `globalThis.pdfjsWorker`, which pdfjs uses as
 * its in-thread worker instead of importing one by path. Node's own built-ins are put back once both are loaded.
 */
export function loadPdfjs(): Promise<PdfjsModule> {
  loading ??= importModule(require.resolve('pdfjs-dist/legacy/build/pdf.worker.min.mjs'))
    .then(() => importModule(require.resolve('pdfjs-dist/legacy/build/pdf.min.mjs')))
    .then((m) => {
      restoreNatives();
      return m as PdfjsModule;
    });
  return loading;
}

/** The package's CJK character maps and standard font metrics, as directory paths with a trailing separator. */
export function pdfjsDataPaths(): { cMapUrl: string; standardFontDataUrl: string } {
  const root = path.dirname(require.resolve('pdfjs-dist/package.json'));
  return {
    cMapUrl: path.join(root, 'cmaps') + path.sep,
    standardFontDataUrl: path.join(root, 'standard_fonts') + path.sep,
  };
}
