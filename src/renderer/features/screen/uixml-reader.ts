/**
 * Turns the phone's uixml into what the remote screen draws: elements with their text, kind
 * (softkey, line key, title…), selection and absolute rectangle in phone pixels.
 *
 * It reads the simulator's documented format (src/simulator/README.md) and any other XML: geometry
 * from common attribute spellings (absolute or relative to the parent: whichever fits the
 * document better), otherwise texts in document order. It never throws and always returns every
 * visible text it found, so the view is never blank.
 */
import { readXml, type XmlElement, type XmlNode } from './tolerant-xml';
import {
  contains,
  lowerAttributes,
  readRect,
  type LowerAttributes,
  type ScreenRect,
} from './uixml-geometry';

export type { ScreenRect } from './uixml-geometry';

export type ScreenElementKind = 'softkey' | 'linekey' | 'title' | 'button' | 'text';

export interface ScreenElement {
  /** Stable within one document: the element's position in document order. */
  key: string;
  kind: ScreenElementKind;
  text: string;
  /** Absolute rectangle in phone pixels; null when the document gives none. */
  rect: ScreenRect | null;
  selected: boolean;
  /** False when the document marks the element disabled (drawn dimmed). */
  enabled: boolean;
}

export interface ScreenModel {
  /** 'geometry': elements drawn where their rectangles say; 'flow': texts in document order. */
  layout: 'geometry' | 'flow';
  /** Canvas size in phone pixels: the model's screen, grown if the document draws beyond it. */
  width: number;
  height: number;
  /** Elements drawn at their rectangles (geometry layout), in document order. */
  placed: ScreenElement[];
  /** Text elements without a usable rectangle, in document order (flow layout: all of them). */
  unplaced: ScreenElement[];
  /** Elements with text in reading order (top to bottom, left to right, then unplaced ones). */
  reading: ScreenElement[];
  /** The texts of `reading`. */
  texts: string[];
  /** What was odd about the XML, in words. */
  problems: string[];
}

const TEXT_ATTRIBUTES = ['text', 'label', 'title', 'caption', 'value', 'content', 'displaytext'];
const SELECTED_ATTRIBUTES = [
  'selected',
  'highlighted',
  'focused',
  'focus',
  'hasfocus',
  'checked',
  'current',
  'active',
  'pressed',
];
const HIDDEN_VALUES = /^(false|0|no|hidden|none)$/i;
const TRUE_VALUES = /^(true|1|yes|selected|on)$/i;

interface FlatElement {
  element: XmlElement;
  attributes: LowerAttributes;
  parent: number;
  rect: ScreenRect | null;
}
/** A text node, kept in document order between its siblings. */
interface FlatText {
  element: null;
  text: string;
  parent: number;
  rect: null;
}
type FlatItem = FlatElement | FlatText;

function isHidden(attributes: LowerAttributes): boolean {
  const visible = attributes.get('visible') ?? attributes.get('visibility');
  const hidden = attributes.get('hidden');
  return (
    (visible !== undefined && HIDDEN_VALUES.test(visible.trim())) ||
    (hidden !== undefined && TRUE_VALUES.test(hidden.trim()))
  );
}

/** Document order, without recursion (a deeply nested document must not overflow the stack). */
function flatten(root: XmlElement): FlatItem[] {
  const flat: FlatItem[] = [];
  const pending: { node: XmlNode; parent: number }[] = [];
  const pushChildren = (element: XmlElement, parent: number) => {
    for (let index = element.children.length - 1; index >= 0; index -= 1) {
      const node = element.children[index];
      if (node !== undefined) pending.push({ node, parent });
    }
  };
  pushChildren(root, -1);
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { node, parent } = next;
    if (typeof node === 'string') {
      const text = normalise(node);
      if (text !== '') flat.push({ element: null, text, parent, rect: null });
      continue;
    }
    const attributes = lowerAttributes(node.attributes);
    if (isHidden(attributes)) continue;
    flat.push({ element: node, attributes, parent, rect: readRect(attributes) });
    pushChildren(node, flat.length - 1);
  }
  return flat;
}

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function attributeText(attributes: LowerAttributes): string {
  for (const name of TEXT_ATTRIBUTES) {
    const value = attributes.get(name);
    if (value !== undefined && normalise(value) !== '') return normalise(value);
  }
  return '';
}

function childText(element: XmlElement): string {
  return normalise(element.children.filter((child) => typeof child === 'string').join(' '));
}

function kindOf(element: XmlElement, attributes: LowerAttributes): ScreenElementKind {
  const words = [
    element.name,
    attributes.get('class'),
    attributes.get('type'),
    attributes.get('role'),
    attributes.get('kind'),
    attributes.get('objectname'),
    attributes.get('id'),
    attributes.get('name'),
  ]
    .filter((word) => word !== undefined)
    .join(' ')
    .toLowerCase();
  if (/soft[-_ ]?key/.test(words)) return 'softkey';
  if (/line[-_ ]?key|\bline\b/.test(words)) return 'linekey';
  if (/title|header|status[-_ ]?bar/.test(words)) return 'title';
  if (/button/.test(words)) return 'button';
  return 'text';
}

function isEnabled(attributes: LowerAttributes): boolean {
  const enabled = attributes.get('enabled');
  const disabled = attributes.get('disabled');
  return !(
    (enabled !== undefined && HIDDEN_VALUES.test(enabled.trim())) ||
    (disabled !== undefined && TRUE_VALUES.test(disabled.trim()))
  );
}

function isSelected(attributes: LowerAttributes): boolean {
  if (SELECTED_ATTRIBUTES.some((name) => TRUE_VALUES.test(attributes.get(name)?.trim() ?? ''))) {
    return true;
  }
  return /^(selected|focused|highlighted|pressed)$/i.test(attributes.get('state')?.trim() ?? '');
}

interface Placement {
  rects: (ScreenRect | null)[];
  /** Per element: the rectangle of its nearest ancestor that has one (null: the screen). */
  frames: (ScreenRect | null)[];
}

/**
 * Absolute rectangles for every element, reading geometry either as absolute or as relative to
 * the nearest placed ancestor. Parents come before children in `flat`, so one pass suffices.
 */
function place(flat: FlatItem[], relative: boolean): Placement {
  const rects: (ScreenRect | null)[] = [];
  const frames: (ScreenRect | null)[] = [];
  for (const item of flat) {
    const frame = item.parent >= 0 ? (rects[item.parent] ?? frames[item.parent] ?? null) : null;
    frames.push(frame);
    if (item.rect === null) rects.push(null);
    else if (relative && frame)
      rects.push({ ...item.rect, x: item.rect.x + frame.x, y: item.rect.y + frame.y });
    else rects.push(item.rect);
  }
  return { rects, frames };
}

/** How many rectangles lie inside their frame: a Qt widget dump may use either reading. */
function fitScore({ rects, frames }: Placement, screen: ScreenRect): number {
  return rects.reduce(
    (score, rect, index) => (rect && contains(frames[index] ?? screen, rect) ? score + 1 : score),
    0,
  );
}

function declaredRelative(flat: FlatItem[]): boolean | null {
  const top = flat.find((item) => item.element !== null);
  const declared = top?.attributes.get('coordinates') ?? top?.attributes.get('geometry-mode');
  if (declared === undefined) return null;
  return /relative/i.test(declared);
}

function readingOrder(a: ScreenElement, b: ScreenElement): number {
  const ra = a.rect;
  const rb = b.rect;
  if (!ra || !rb) return 0;
  // Elements whose middles share a row read left to right.
  const sameRow =
    Math.abs(ra.y + ra.height / 2 - (rb.y + rb.height / 2)) < Math.min(ra.height, rb.height) / 2;
  return sameRow ? ra.x - rb.x : ra.y - rb.y;
}

/**
 * Reads a uixml document for a screen of `width`×`height` phone pixels. Never throws; empty or
 * unreadable input gives an empty flow model with a problem saying so.
 */
export function readUiXml(xml: string, width: number, height: number): ScreenModel {
  const { root, problems } = readXml(xml);
  const flat = flatten(root);
  const screen: ScreenRect = { x: 0, y: 0, width, height };
  const absolute = place(flat, false);
  // Absolute wins a tie: it is the reading that needs no guess about parents.
  const relative =
    declaredRelative(flat) ?? fitScore(place(flat, true), screen) > fitScore(absolute, screen);
  const { rects } = relative ? place(flat, true) : absolute;
  // Far outside the screen is a broken rectangle, not a place to draw: list it as text instead.
  const drawable: ScreenRect = { x: 0, y: 0, width: width * 4, height: height * 4 };

  const elements: ScreenElement[] = [];
  const kinds: ScreenElementKind[] = [];
  // Elements drawing their text nodes in their rectangle; those nodes are not listed again.
  const ownsText = new Set<number>();
  flat.forEach((item, index) => {
    if (item.element === null) {
      if (ownsText.has(item.parent)) return;
      // A text node outside a drawn element: listed in document order, tagged like its parent.
      const parent = flat[item.parent];
      const kind = parent?.element ? kindOf(parent.element, parent.attributes) : 'text';
      const selected = parent?.element ? isSelected(parent.attributes) : false;
      const enabled = parent?.element ? isEnabled(parent.attributes) : true;
      elements.push({ key: String(index), kind, text: item.text, rect: null, selected, enabled });
      return;
    }
    const own = kindOf(item.element, item.attributes);
    // Plain labels inside a title or status bar read as part of it.
    const kind = own === 'text' && kinds[item.parent] === 'title' ? 'title' : own;
    kinds[index] = kind;
    const selected = isSelected(item.attributes);
    const written = rects[index] ?? null;
    const rect = written && contains(drawable, written) ? written : null;
    const fromAttribute = attributeText(item.attributes);
    const text = fromAttribute !== '' ? fromAttribute : rect ? childText(item.element) : '';
    if (fromAttribute === '' && text !== '') ownsText.add(index);
    // Untitled containers are layout scaffolding; empty keys and selections are worth drawing.
    const container = item.element.children.some((child) => typeof child !== 'string');
    const drawnEmpty = rect && !container && (kind === 'softkey' || kind === 'linekey' || selected);
    if (text === '' && !drawnEmpty) return;
    const enabled = isEnabled(item.attributes);
    elements.push({ key: String(index), kind, text, rect, selected, enabled });
  });

  const placed = elements.filter((element) => element.rect !== null);
  const layout = placed.length > 0 ? 'geometry' : 'flow';
  const unplaced = elements.filter((element) => element.rect === null && element.text !== '');
  const extent = placed.reduce(
    (size, { rect }) =>
      rect
        ? {
            width: Math.max(size.width, rect.x + rect.width),
            height: Math.max(size.height, rect.y + rect.height),
          }
        : size,
    { width, height },
  );
  if (xml.trim() === '') problems.push('the phone sent an empty screen description');
  else if (elements.length === 0) problems.push('no text found in the screen description');
  const reading = [...placed]
    .sort(readingOrder)
    .concat(unplaced)
    .filter((element) => element.text !== '');
  return {
    layout,
    width: Math.ceil(extent.width),
    height: Math.ceil(extent.height),
    placed,
    unplaced,
    reading,
    texts: reading.map((element) => element.text),
    problems,
  };
}
