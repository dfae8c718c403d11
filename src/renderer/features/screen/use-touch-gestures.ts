/**
 * Pointer handlers for the drawn screen: a click is a Tap at the phone pixel under the pointer,
 * press-and-hold sends Press (after HOLD_MS) and Release (on let go), and a drag is a Swipe with
 * 2–5 sampled positions and its real duration.
 */
import { useEffect, useRef, type PointerEvent } from 'react';

import { sampleSwipe, toPhonePoint, type PhonePoint } from './pointer-mapping';
import type { TouchGesture } from './screen-store';

/** How long a still pointer must stay down to count as press-and-hold. */
const HOLD_MS = 600;
/** Movement (in phone pixels, either way) beyond which a press becomes a swipe, as Poly Phone Manager judges it. */
const SWIPE_THRESHOLD = 10;

interface Gesture {
  pointerId: number;
  startedAt: number;
  path: PhonePoint[];
  moved: boolean;
  pressed: boolean;
  holdTimer: ReturnType<typeof setTimeout> | null;
}

export interface TouchHandlers {
  onPointerDown(event: PointerEvent<HTMLElement>): void;
  onPointerMove(event: PointerEvent<HTMLElement>): void;
  onPointerUp(event: PointerEvent<HTMLElement>): void;
  onPointerCancel(event: PointerEvent<HTMLElement>): void;
}

/** Handlers to spread on the screen element; `send` receives each finished gesture. */
export function useTouchGestures(
  screenWidth: number,
  screenHeight: number,
  send: (gesture: TouchGesture) => void,
): TouchHandlers {
  const gesture = useRef<Gesture | null>(null);
  useEffect(
    () => () => {
      const timer = gesture.current?.holdTimer;
      if (timer) clearTimeout(timer);
    },
    [],
  );

  const pointAt = (event: PointerEvent<HTMLElement>): PhonePoint =>
    // Read the box at every event: the window may be resized or zoomed mid-gesture.
    toPhonePoint(
      event.currentTarget.getBoundingClientRect(),
      event.clientX,
      event.clientY,
      screenWidth,
      screenHeight,
    );

  const finish = (event: PointerEvent<HTMLElement>, cancelled: boolean) => {
    const current = gesture.current;
    if (!current || current.pointerId !== event.pointerId) return;
    gesture.current = null;
    if (current.holdTimer) clearTimeout(current.holdTimer);
    const end = pointAt(event);
    const start = current.path[0] ?? end;
    if (current.pressed) {
      send({ type: 'Release', position: current.moved ? end : start });
    } else if (cancelled) {
      return;
    } else if (current.moved) {
      const positions = sampleSwipe([...current.path, end]);
      send({
        type: 'Swipe',
        positions: positions.length >= 2 ? positions : [start, end],
        durationMs: Math.max(0, Math.round(event.timeStamp - current.startedAt)),
      });
    } else {
      send({ type: 'Tap', position: start });
    }
  };

  return {
    onPointerDown(event) {
      if (event.button !== 0 || gesture.current) return;
      event.currentTarget.setPointerCapture?.(event.pointerId);
      const start = pointAt(event);
      const current: Gesture = {
        pointerId: event.pointerId,
        startedAt: event.timeStamp,
        path: [start],
        moved: false,
        pressed: false,
        holdTimer: null,
      };
      current.holdTimer = setTimeout(() => {
        current.holdTimer = null;
        if (gesture.current !== current || current.moved) return;
        current.pressed = true;
        send({ type: 'Press', position: start });
      }, HOLD_MS);
      gesture.current = current;
    },
    onPointerMove(event) {
      const current = gesture.current;
      if (!current || current.pointerId !== event.pointerId) return;
      const point = pointAt(event);
      const start = current.path[0] ?? point;
      current.path.push(point);
      const far = Math.max(Math.abs(point.x - start.x), Math.abs(point.y - start.y));
      if (far > SWIPE_THRESHOLD) current.moved = true;
    },
    onPointerUp(event) {
      finish(event, false);
    },
    onPointerCancel(event) {
      finish(event, true);
    },
  };
}
