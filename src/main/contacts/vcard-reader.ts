/**
 * Reads .vcf files (vCard 3.0 and 4.0 through ical.js, plus the 2.1 dialect older phones and
 * Outlook still export) into ImportedRecords. Each card is parsed on its own, so one damaged card
 * is reported and skipped instead of failing the whole file.
 */
import ICAL from 'ical.js';

import type { ImportedFile, ImportedRecord } from './imported-record';

/** The properties an address book needs; PHOTO, NOTE and the rest are dropped before parsing. */
const KEPT_PROPERTIES = new Set([
  'begin',
  'end',
  'version',
  'fn',
  'n',
  'org',
  'tel',
  'impp',
  'x-ablabel',
]);

/** vCard TYPE values that say what a number is, in the words the UI shows; first match wins. */
const TYPE_LABELS: [string, string][] = [
  ['fax', 'fax'],
  ['pager', 'pager'],
  ['cell', 'mobile'],
  ['iphone', 'mobile'],
  ['text', 'mobile'],
  ['work', 'work'],
  ['home', 'home'],
  ['main', 'main'],
  ['car', 'car'],
];

/** One card's text, and whether it ended (END:VCARD) before the next began or the file ended. */
interface CardText {
  text: string;
  complete: boolean;
}

/** Splits a file into cards; lines outside BEGIN/END are ignored. */
function splitCards(text: string): CardText[] {
  const cards: CardText[] = [];
  let current: string[] | null = null;
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (/^begin:vcard\s*$/i.test(line)) {
      // A card that never ended is cut off where the next one begins.
      if (current !== null) cards.push({ text: current.join('\r\n'), complete: false });
      current = [];
    }
    if (current === null) continue;
    current.push(line);
    if (/^end:vcard\s*$/i.test(line)) {
      cards.push({ text: current.join('\r\n'), complete: true });
      current = null;
    }
  }
  if (current !== null) cards.push({ text: current.join('\r\n'), complete: false });
  return cards;
}

/** Joins RFC folding (CRLF + space) and 2.1 quoted-printable soft line breaks ("=" at line end). */
function unfold(card: string): string[] {
  const lines: string[] = [];
  for (const line of card.split('\r\n')) {
    const previous = lines[lines.length - 1];
    if (previous !== undefined && /^[ \t]/.test(line)) {
      lines[lines.length - 1] = previous + line.slice(1);
    } else if (
      previous !== undefined &&
      /quoted-printable/i.test(previous) &&
      previous.endsWith('=')
    ) {
      lines[lines.length - 1] = previous.slice(0, -1) + line;
    } else {
      lines.push(line);
    }
  }
  return lines;
}

/** Splits on `separator` outside double quotes. */
function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const character of text) {
    if (character === '"') quoted = !quoted;
    if (character === separator && !quoted) {
      parts.push(current);
      current = '';
    } else {
      current += character;
    }
  }
  parts.push(current);
  return parts;
}

function decodeQuotedPrintable(value: string, charset: string): string {
  const bytes: number[] = [];
  for (let index = 0; index < value.length; index += 1) {
    const hex = value.slice(index + 1, index + 3);
    if (value[index] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      index += 2;
    } else {
      bytes.push(value.charCodeAt(index) & 0xff);
    }
  }
  try {
    return new TextDecoder(charset).decode(new Uint8Array(bytes));
  } catch {
    return new TextDecoder('utf-8').decode(new Uint8Array(bytes));
  }
}

/** Re-escapes a decoded 2.1 value so ical.js reads it back unchanged (keeping ";" structure). */
function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\r?\n/g, '\\n').replace(/,/g, '\\,');
}

/**
 * Rewrites one property line into the 3.0 form ical.js accepts: bare 2.1 parameters
 * ("TEL;CELL;VOICE:") become TYPE=…, quoted-printable values are decoded with their CHARSET.
 * Returns null for properties an address book does not need.
 */
function cleanLine(line: string): string | null {
  const colon = splitOutsideQuotes(line, ':');
  const head = colon[0] ?? '';
  const value = colon.slice(1).join(':');
  const [nameWithGroup = '', ...parameters] = splitOutsideQuotes(head, ';');
  const name = nameWithGroup.split('.').pop()?.toLowerCase() ?? '';
  if (!KEPT_PROPERTIES.has(name)) return null;
  if (colon.length < 2) {
    // Usually an unclosed quote in a parameter: guessing where the value starts could dial junk.
    throw new Error(`the line "${line.slice(0, 40)}" has no readable value`);
  }
  // ical.js knows the 3.0 and 4.0 grammars; a cleaned 2.1 card is read as 3.0.
  if (name === 'version') return 'VERSION:' + (value.trim() === '4.0' ? '4.0' : '3.0');
  const kept: string[] = [];
  const types: string[] = [];
  let encoding = '';
  let charset = 'utf-8';
  for (const parameter of parameters) {
    const [key = '', ...rest] = parameter.split('=');
    const parameterValue = rest.join('=');
    if (rest.length === 0) types.push(key);
    else if (key.toLowerCase() === 'encoding') encoding = parameterValue.toLowerCase();
    else if (key.toLowerCase() === 'charset') charset = parameterValue;
    else kept.push(parameter);
  }
  if (types.length > 0) kept.push(`TYPE=${types.join(',')}`);
  const cleanValue =
    encoding === 'quoted-printable' ? escapeText(decodeQuotedPrintable(value, charset)) : value;
  return [nameWithGroup, ...kept].join(';') + ':' + cleanValue;
}

/** A property value as one string; structured values (ORG's company;unit) joined by `glue`. */
function text(value: unknown, glue = ' '): string {
  if (Array.isArray(value)) {
    return value
      .map((part) => text(part))
      .filter((part) => part !== '')
      .join(glue);
  }
  return typeof value === 'string' ? value.trim() : '';
}

/** "Alice Q. Smith" from N's family;given;additional;prefix;suffix. */
function nameFromN(value: unknown): string {
  if (!Array.isArray(value)) return text(value);
  const [family, given, additional, prefix, suffix] = value.map((part) => text(part));
  return [prefix, given, additional, family, suffix].filter((part) => part).join(' ');
}

function labelFor(property: ICAL.Property, appleLabels: Map<string, string>): string {
  const group = property.getParameter('group');
  const apple = typeof group === 'string' ? appleLabels.get(group) : undefined;
  // Apple writes its built-in labels as "_$!<Mobile>!$_".
  if (apple) return apple.replace(/^_\$!<(.*)>!\$_$/, '$1');
  const typeParameter = property.getParameter('type');
  const types = (Array.isArray(typeParameter) ? typeParameter : [typeParameter ?? ''])
    .flatMap((type) => String(type).split(','))
    .map((type) => type.toLowerCase());
  return TYPE_LABELS.find(([type]) => types.includes(type))?.[1] ?? 'phone';
}

function readCard(card: string, record: number): ImportedRecord {
  const lines = unfold(card)
    .map(cleanLine)
    .filter((line) => line !== null);
  const component = new ICAL.Component(ICAL.parse(lines.join('\r\n') + '\r\n'));
  const appleLabels = new Map<string, string>();
  for (const property of component.getAllProperties('x-ablabel')) {
    const group = property.getParameter('group');
    if (typeof group === 'string') appleLabels.set(group, text(property.getFirstValue()));
  }
  const numbers = component.getAllProperties('tel').map((property) => ({
    label: labelFor(property, appleLabels),
    number: text(property.getFirstValue()),
  }));
  for (const property of component.getAllProperties('impp')) {
    const value = text(property.getFirstValue());
    if (/^sips?:/i.test(value)) numbers.push({ label: 'SIP', number: value });
  }
  const company = text(component.getFirstPropertyValue('org'), ', ');
  const name =
    text(component.getFirstPropertyValue('fn')) ||
    nameFromN(component.getFirstPropertyValue('n')) ||
    company;
  return { record, name, company, numbers: numbers.filter((number) => number.number !== '') };
}

/** Reads every card of a .vcf file; unreadable cards are listed in `skipped` with the reason. */
export function readVcards(content: string): ImportedFile {
  const result: ImportedFile = { records: [], skipped: [] };
  splitCards(content).forEach((card, index) => {
    const record = index + 1;
    if (!card.complete) {
      // Read anyway, a cut-off card could import half a contact: say what is wrong instead.
      result.skipped.push({
        record,
        reason:
          'the card is cut off: it has no END:VCARD line, so the file may be incomplete (export it again)',
      });
      return;
    }
    try {
      result.records.push(readCard(card.text, record));
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      result.skipped.push({
        record,
        reason: `the card is not written the way vCard files are, so it could not be read (${detail})`,
      });
    }
  });
  return result;
}
