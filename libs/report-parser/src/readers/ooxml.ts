import { ParseError, ParseErrorCode } from '../errors';

/**
 * Shared handling of the XML parts inside .docx/.xlsx. Nothing here expands entities beyond the five predefined ones
 * and character references, nothing external is ever fetched, and a part that carries a DOCTYPE at all is refused:
 * Office never writes one, so it can only be an XXE or billion-laughs attempt.
 */

const DOCTYPE = /<!DOCTYPE|<!ENTITY/i;

export function decodeXmlPart(bytes: Uint8Array, partName: string): string {
  const xml = new TextDecoder('utf-8').decode(bytes);
  if (DOCTYPE.test(xml)) {
    throw new ParseError(ParseErrorCode.Corrupt, undefined, `${partName} declares a DOCTYPE (entities are not accepted)`);
  }
  return xml;
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
