/**
 * Maps pointer positions on the drawn screen to phone pixels, and turns a pointer path into the
 * phone's touch gestures. Pure functions: the mapping is computed from the element's bounding
 * rectangle at the moment of each event, so it stays exact at any window size, zoom or DPI.
 */

export interface PhonePoint {
  x: number;
  y: number;
}

/** The drawn screen's box in client (CSS) pixels, as getBoundingClientRect returns it. */
export interface ClientBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * The phone pixel under a client position: scales by the drawn size and clamps to the screen,
 * so a drag that leaves the picture still ends on its edge.
 */
export function toPhonePoint(
  box: ClientBox,
  clientX: number,
  clientY: number,
  screenWidth: number,
  screenHeight: number,
): PhonePoint {
  const scaleX = box.width > 0 ? screenWidth / box.width : 0;
  const scaleY = box.height > 0 ? screenHeight / box.height : 0;
  const clamp = (value: number, size: number) =>
    Math.min(Math.max(value, 0), Math.max(size - 1, 0));
  return {
    x: clamp(Math.floor((clientX - box.left) * scaleX), screenWidth),
    y: clamp(Math.floor((clientY - box.top) * scaleY), screenHeight),
  };
}

/** The phone takes 2–5 positions for a swipe (reference: Management.SimulateTouch). */
const MAX_SWIPE_POSITIONS = 5;

/**
 * Picks at most five positions along a path, always keeping its first and last, spaced evenly
 * by sample index in between; repeated positions are dropped.
 */
export function sampleSwipe(path: readonly PhonePoint[]): PhonePoint[] {
  if (path.length <= MAX_SWIPE_POSITIONS) return dedupe(path);
  const last = path.length - 1;
  const picked = Array.from({ length: MAX_SWIPE_POSITIONS }, (_, index) => {
    const at = Math.round((index * last) / (MAX_SWIPE_POSITIONS - 1));
    return path[at] ?? path[last] ?? { x: 0, y: 0 };
  });
  return dedupe(picked);
}

function dedupe(points: readonly PhonePoint[]): PhonePoint[] {
  return points.filter(
    (point, index) =>
      index === 0 || point.x !== points[index - 1]?.x || point.y !== points[index - 1]?.y,
  );
}

/** The centre pixel of a rectangle: where a keyboard "tap" on an element lands. */
export function centreOf(rect: {
  x: number;
  y: number;
  width: number;
  height: number;
}): PhonePoint {
  return { x: Math.floor(rect.x + rect.width / 2), y: Math.floor(rect.y + rect.height / 2) };
}

export type SwipeDirection = 'up' | 'down' | 'left' | 'right';

/**
 * A keyboard-made swipe across the middle of the screen: five positions over 60 % of its
 * width or height in `direction` (what a finger dragging that way would send).
 */
export function swipeAcross(
  direction: SwipeDirection,
  width: number,
  height: number,
): PhonePoint[] {
  const middle = { x: Math.floor(width / 2), y: Math.floor(height / 2) };
  const horizontal = direction === 'left' || direction === 'right';
  const span = (horizontal ? width : height) * 0.6;
  const sign = direction === 'right' || direction === 'down' ? 1 : -1;
  return Array.from({ length: MAX_SWIPE_POSITIONS }, (_, index) => {
    const offset = Math.round(sign * span * (index / (MAX_SWIPE_POSITIONS - 1) - 0.5));
    return horizontal
      ? { x: middle.x + offset, y: middle.y }
      : { x: middle.x, y: middle.y + offset };
  });
}
