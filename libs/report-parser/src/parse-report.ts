import { checkReport, type ParsedReport, type SectionKey } from '@nianbao/report-format';
import type { DocumentModel } from './document';
import { ParseError, ParseErrorCode } from './errors';
import { checkNarrative } from './metadata/narrative';
import { readMetadata } from './metadata/read-metadata';
import { splitSections } from './metadata/split-sections';
import { readDocument, type ReadOptions } from './readers';
import { whileParsing } from './normalise';
import { mapTables } from './tables/map-tables';

/** Stored with every parsed version, so that a re-parse with a newer parser can be told apart. */
export const PARSER_VERSION = '1.0.0';

export type ParseOptions = ReadOptions;

/**
 * Document model → everything the parser reads: the tables by canonical key (format of each table decided by its
 * own headers), the metadata, the six sections and the findings (rules, undecidable cells, narrative mismatches).
 * Throws `not_annual_report` when the document has neither a report title nor any standard table.
 */
export function parseDocument(doc: DocumentModel): ParsedReport {
  return whileParsing(() => parseModel(doc));
}

function parseModel(doc: DocumentModel): ParsedReport {
  const tables = mapTables(doc);
  const metadata = readMetadata(doc);
  const sections = splitSections(doc);
  if (!tables.tablesSeen && metadata.title === null) {
    throw new ParseError(ParseErrorCode.NotAnnualReport);
  }
  const sectionKeys = Object.keys(sections) as SectionKey[];
  const findings = [
    ...checkReport({ values: tables.values, tableFormats: tables.tableFormats, sections: sectionKeys }),
    ...tables.findings,
    ...checkNarrative(sections, tables.values),
  ];
  return {
    format: tables.proactiveFormat ?? 'unknown',
    tableFormats: tables.tableFormats,
    title: metadata.title,
    agency: metadata.agency,
    region: metadata.region,
    year: metadata.year,
    statisticsPeriod: metadata.statisticsPeriod,
    values: tables.values,
    cells: tables.cells,
    findings,
    sections,
  };
}

/** Bytes → ParsedReport: the type is sniffed from the content, read, then mapped. Throws ParseError. */
export async function parseReport(bytes: Uint8Array, options: ParseOptions = {}): Promise<ParsedReport> {
  return whileParsing(async () => parseDocument(await readDocument(bytes, options)));
}
