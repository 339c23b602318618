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
 * The minified legacy build: the same code as `pdf.mjs`, without a `sourceMappingURL`. Under a loader that enables
 * source maps (tsx, --enable-source-maps) the plain build makes Node parse and keep 8 MB of maps, about 100 MB of
 * heap. The worker module is imported first: it registers itself on `globalThis.pdfjsWorker`, which pdfjs uses as
 * its in-thread worker instead of importing one by path.
 */
export function loadPdfjs(): Promise<PdfjsModule> {
  loading ??= importModule(require.resolve('pdfjs-dist/legacy/build/pdf.worker.min.mjs'))
    .then(() => importModule(require.resolve('pdfjs-dist/legacy/build/pdf.min.mjs')))
    .then((m) => m as PdfjsModule);
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
