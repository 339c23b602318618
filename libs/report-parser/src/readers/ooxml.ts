import { XMLParser } from 'fast-xml-parser';
import { ParseError, ParseErrorCode } from '../errors';

/**
 * Shared handling of the XML parts inside .docx/.xlsx. Entity processing is off (no DTD, no expansion, nothing
 * external is ever fetched) and a part that carries a DOCTYPE at all is refused: Office never writes one, so it can
 * only be an XXE or billion-laughs attempt.
 */

/** One node of fast-xml-parser's `preserveOrder` output: a single tag key plus optional attributes under ':@'. */
export type XmlNode = { [tag: string]: XmlNode[] | string | Record<string, string> | undefined } & {
  ':@'?: Record<string, string>;
  '#text'?: string;
};

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  processEntities: false,
  htmlEntities: false,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

const DOCTYPE = /<!DOCTYPE|<!ENTITY/i;

export function parseXmlPart(bytes: Uint8Array, partName: string): XmlNode[] {
  const xml = new TextDecoder('utf-8').decode(bytes);
  if (DOCTYPE.test(xml)) {
    throw new ParseError(ParseErrorCode.Corrupt, undefined, `${partName} declares a DOCTYPE (entities are not accepted)`);
  }
  try {
    return parser.parse(xml) as XmlNode[];
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ParseError(ParseErrorCode.Corrupt, undefined, `${partName} is not well-formed XML: ${detail}`);
  }
}

/** The element name of a preserveOrder node ('#text' for text). */
export function tagOf(node: XmlNode): string {
  for (const key of Object.keys(node)) if (key !== ':@') return key;
  return '';
}

export function childrenOf(node: XmlNode): XmlNode[] {
  const value = node[tagOf(node)];
  return Array.isArray(value) ? value : [];
}

export function attr(node: XmlNode, name: string): string | undefined {
  return node[':@']?.[name];
}

export function findChild(node: XmlNode, tag: string): XmlNode | undefined {
  return childrenOf(node).find((c) => tagOf(c) === tag);
}

const ENTITY = /&(?:#(\d+)|#x([0-9a-fA-F]+)|(lt|gt|amp|quot|apos));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** The five predefined XML entities and character references; nothing else is expanded. */
export function decodeXmlText(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name) return NAMED[name];
    const code = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex ?? '', 16);
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

export function textOf(node: XmlNode): string {
  const value = node['#text'];
  return typeof value === 'string' ? decodeXmlText(value) : '';
}
