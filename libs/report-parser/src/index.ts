export type { DocCell, DocRow, DocumentModel, FileKind } from './document';
export { ParseError, ParseErrorCode, parseErrorMessage } from './errors';
export { PARSER_VERSION, parseDocument, parseReport, type ParseOptions } from './parse-report';
export { DEFAULT_READER_LIMITS, detectFileKind, readDocument, type ReaderLimits } from './readers';
export { readPlainText } from './readers/text-reader';
export { parseCellValue, type CellValue } from './tables/cell-value';
export { mapTables, type TableReading } from './tables/map-tables';
