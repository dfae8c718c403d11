/**
 * Reads the XML a phone posts: root `PolycomIPPhone` holding one event element (or a bare event
 * element), tolerant of what firmware varies — `CallReference` and `CallState` as attributes or
 * elements, or only inside `CallInfo`; `LineNumber` missing; empty elements; unknown events.
 *
 * Strict about what could hurt: a document type declaration (and so every entity definition,
 * internal or external) is refused before parsing, the parser expands no entities (only the five
 * predefined ones and character references are decoded, here, which cannot nest), nesting is
 * bounded, and malformed XML is refused by fast-xml-parser's validator rather than guessed at.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

import { pushEventKind, type PushEvent } from './push-event';

/** Events read from one document; more are refused as malformed (phones send one). */
const MAX_EVENTS = 20;
const MAX_DEPTH = 16;

export type PushBodyReading = { ok: true; events: PushEvent[] } | { ok: false; reason: string };

/** A parsed element: child elements as arrays, attributes as `@_name`, mixed text as `#text`. */
type XmlNode = { [name: string]: XmlValue };
type XmlValue = string | XmlValue[] | XmlNode;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  trimValues: true,
  maxNestedTags: MAX_DEPTH,
  // Every element as a list, so one shape holds whether the phone repeats an element or not.
  isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
});

/** Reads a posted body; `reason` names what is wrong, without quoting the body. */
export function readPushBody(text: string): PushBodyReading {
  if (text.trim() === '') return { ok: false, reason: 'the body is empty' };
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
    return { ok: false, reason: 'a document type or entity declaration is not accepted' };
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) return { ok: false, reason: `the XML is malformed (${valid.err.code})` };
  let parsed: XmlValue;
  try {
    parsed = parser.parse(text) as XmlValue;
  } catch {
    return { ok: false, reason: 'the XML could not be read' };
  }
  const root = firstElement(parsed);
  if (root === null) return { ok: false, reason: 'the XML has no element' };
  const elements = root.name.toLowerCase() === 'polycomipphone' ? childElements(root.node) : [root];
  if (elements.length === 0) return { ok: false, reason: 'PolycomIPPhone holds no event' };
  if (elements.length > MAX_EVENTS) {
    return { ok: false, reason: `more than ${MAX_EVENTS} events in one document` };
  }
  return { ok: true, events: elements.map(({ name, node }) => toEvent(name, node)) };
}

interface Element {
  name: string;
  node: XmlNode;
}

function isNode(value: XmlValue | undefined): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The document's root element. */
function firstElement(document: XmlValue): Element | null {
  if (!isNode(document)) return null;
  return childElements(document)[0] ?? null;
}

/** Every child element of `node`, in document order per name. */
function childElements(node: XmlNode): Element[] {
  const out: Element[] = [];
  for (const [name, value] of Object.entries(node)) {
    if (name.startsWith('@_') || name === '#text' || !Array.isArray(value)) continue;
    for (const item of value) {
      // A leaf element reads as its text; an element with children or attributes as a node.
      out.push({
        name,
        node: isNode(item) ? item : { '#text': typeof item === 'string' ? item : '' },
      });
    }
  }
  return out;
}

/** The child element `name` (any case) of `node`, if present. */
function child(node: XmlNode | null, name: string): XmlNode | null {
  if (node === null) return null;
  const wanted = name.toLowerCase();
  return childElements(node).find((element) => element.name.toLowerCase() === wanted)?.node ?? null;
}

/** Text of attribute `name`, else of child element `name` (any case), else ''. */
function field(node: XmlNode | null, name: string): string {
  if (node === null) return '';
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(node)) {
    if (
      key.startsWith('@_') &&
      key.slice(2).toLowerCase() === wanted &&
      typeof value === 'string'
    ) {
      return decodeText(value.trim());
    }
  }
  const element = child(node, name);
  const text = element?.['#text'];
  return typeof text === 'string' ? decodeText(text.trim()) : '';
}

/** The first non-empty of several fields. */
function firstField(nodes: readonly (XmlNode | null)[], ...names: string[]): string {
  for (const node of nodes) {
    for (const name of names) {
      const value = field(node, name);
      if (value !== '') return value;
    }
  }
  return '';
}

function toEvent(element: string, node: XmlNode): PushEvent {
  const lineInfo = child(node, 'CallLineInfo');
  const callInfo = child(lineInfo, 'CallInfo') ?? child(node, 'CallInfo');
  const both = [node, callInfo];
  const line = Number.parseInt(firstField([node, lineInfo], 'LineNumber', 'LineKeyNum'), 10);
  return {
    kind: pushEventKind(element),
    element,
    phoneIp: field(node, 'PhoneIP'),
    macAddress: field(node, 'MACAddress').toLowerCase(),
    timeStamp: field(node, 'TimeStamp'),
    callReference: firstField(both, 'CallReference'),
    callState: firstField(both, 'CallState'),
    callType: firstField(both, 'CallType'),
    callingPartyName: firstField(both, 'CallingPartyName'),
    callingPartyNumber: firstField(both, 'CallingPartyNumber', 'CallingPartyDirNum'),
    calledPartyName: firstField(both, 'CalledPartyName'),
    calledPartyNumber: firstField(both, 'CalledPartyNumber', 'CalledPartyDirNum'),
    line: Number.isInteger(line) && line >= 1 && line <= 48 ? line : null,
  };
}

const NAMED: Readonly<Record<string, string>> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
};

/** Decodes the predefined entities and character references; anything else stays as written. */
function decodeText(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,4});/gi, (whole, body: string) => {
    if (body.startsWith('#')) {
      const code =
        body[1] === 'x' || body[1] === 'X'
          ? Number.parseInt(body.slice(2), 16)
          : Number.parseInt(body.slice(1), 10);
      // Control characters other than tab and newlines would only garble a caller's name.
      if (code > 0x10ffff || (code < 0x20 && code !== 9 && code !== 10 && code !== 13)) return '';
      return String.fromCodePoint(code);
    }
    return NAMED[body] ?? whole;
  });
}
