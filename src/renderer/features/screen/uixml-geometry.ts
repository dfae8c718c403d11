/**
 * Reads an element's rectangle from whichever attribute spelling a uixml dump uses. The real
 * phones' schema is not public, so this accepts the common ones: x/y/width/height (any case,
 * also left/top, w/h, right/bottom), a combined geometry/rect/bounds/frame ("x,y,w,h",
 * "x y w h", "[x1,y1][x2,y2]"), and pos + size ("x,y" and "wxh").
 */

export interface ScreenRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Attribute names lower-cased, so that X, x and Width, width read alike. */
export type LowerAttributes = Map<string, string>;

/** Lower-cases attribute names (first spelling wins). */
export function lowerAttributes(attributes: Record<string, string>): LowerAttributes {
  const lowered: LowerAttributes = new Map();
  for (const [name, value] of Object.entries(attributes)) {
    const key = name.toLowerCase();
    if (!lowered.has(key)) lowered.set(key, value);
  }
  return lowered;
}

function numberOf(value: string | undefined): number | null {
  if (value === undefined) return null;
  const match = /^\s*(-?\d+(?:\.\d+)?)\s*(?:px)?\s*$/.exec(value);
  if (!match) return null;
  const number = Number(match[1]);
  return Number.isFinite(number) ? number : null;
}

function first(attributes: LowerAttributes, names: readonly string[]): number | null {
  for (const name of names) {
    const number = numberOf(attributes.get(name));
    if (number !== null) return number;
  }
  return null;
}

function numbersIn(value: string | undefined): number[] {
  if (value === undefined) return [];
  return (value.match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number).filter(Number.isFinite);
}

function fromCombined(attributes: LowerAttributes): ScreenRect | null {
  for (const name of ['geometry', 'rect', 'bounds', 'frame', 'bbox']) {
    const value = attributes.get(name);
    const numbers = numbersIn(value);
    if (numbers.length !== 4) continue;
    const [a = 0, b = 0, c = 0, d = 0] = numbers;
    // "[x1,y1][x2,y2]" (Android-style bounds) names corners, everything else names a size.
    if (value !== undefined && /\]\s*\[/.test(value)) {
      return { x: a, y: b, width: c - a, height: d - b };
    }
    return { x: a, y: b, width: c, height: d };
  }
  const position = numbersIn(attributes.get('pos') ?? attributes.get('position'));
  const size = numbersIn(attributes.get('size'));
  if (position.length === 2 && size.length === 2) {
    const [x = 0, y = 0] = position;
    const [width = 0, height = 0] = size;
    return { x, y, width, height };
  }
  return null;
}

/**
 * The element's rectangle as written (maybe relative to its parent; see uixml-reader), or null
 * when it has no usable geometry. Negative or absurd sizes count as no geometry.
 */
export function readRect(attributes: LowerAttributes): ScreenRect | null {
  let rect = fromCombined(attributes);
  if (rect === null) {
    const x = first(attributes, ['x', 'left', 'posx']);
    const y = first(attributes, ['y', 'top', 'posy']);
    const right = first(attributes, ['right', 'x2']);
    const bottom = first(attributes, ['bottom', 'y2']);
    const width =
      first(attributes, ['width', 'w']) ?? (x !== null && right !== null ? right - x : null);
    const height =
      first(attributes, ['height', 'h']) ?? (y !== null && bottom !== null ? bottom - y : null);
    if (x === null || y === null || width === null || height === null) return null;
    rect = { x, y, width, height };
  }
  const limit = 100_000;
  const { x, y, width, height } = rect;
  if (width <= 0 || height <= 0 || width > limit || height > limit) return null;
  if (Math.abs(x) > limit || Math.abs(y) > limit) return null;
  return rect;
}

/** Whether `inner` lies within `outer` (one pixel of slack for rounding in dumps). */
export function contains(outer: ScreenRect, inner: ScreenRect): boolean {
  return (
    inner.x >= outer.x - 1 &&
    inner.y >= outer.y - 1 &&
    inner.x + inner.width <= outer.x + outer.width + 1 &&
    inner.y + inner.height <= outer.y + outer.height + 1
  );
}
