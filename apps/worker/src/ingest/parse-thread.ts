import { ParseError, parseReport, type ParseErrorCode } from '@nianbao/report-parser';
import type { ParsedReport } from '@nianbao/report-format';

/**
 * The entry of the worker's parse thread (a piscina worker). The parser is loaded once, when the thread starts, and
 * serves every parse the thread is given. Only plain data crosses the thread boundary: a ParseError comes back as
 * its code and message, since a cloned error would lose its class and code.
 */

export interface ParseTask {
  bytes: Uint8Array;
  fileName: string;
}

export type ParseThreadResult =
  | { ok: true; report: ParsedReport }
  | { ok: false; code: ParseErrorCode; message: string };

export default async function parse(task: ParseTask): Promise<ParseThreadResult> {
  try {
    return { ok: true, report: await parseReport(task.bytes, { fileName: task.fileName }) };
  } catch (error) {
    if (error instanceof ParseError) return { ok: false, code: error.code, message: error.message };
    throw error;
  }
}

/** Answers once the thread has loaded the parser: the pool waits for it before it starts a parse's clock. */
export function ready(): true {
  return true;
}
