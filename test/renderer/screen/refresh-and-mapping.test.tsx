// @vitest-environment happy-dom
import { cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import { sampleSwipe, toPhonePoint } from '../../../src/renderer/features/screen/pointer-mapping';
import { useVisibleInterval } from '../../../src/renderer/features/screen/use-visible-interval';

function setVisibility(state: 'visible' | 'hidden') {
  Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
  document.dispatchEvent(new Event('visibilitychange'));
}

afterEach(() => {
  cleanup();
  setVisibility('visible');
});

describe('screen refresh while visible', () => {
  it('reads repeatedly while visible, not at all while hidden, at once when shown again', async () => {
    setVisibility('visible');
    let runs = 0;
    const task = async () => {
      runs += 1;
    };
    const { unmount } = renderHook(() => useVisibleInterval(task, 5));
    await waitFor(() => expect(runs).toBeGreaterThanOrEqual(3));
    setVisibility('hidden');
    // Let any read already in flight finish; after that nothing may run while hidden.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const whileHidden = runs;
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(runs).toBe(whileHidden);
    setVisibility('visible');
    expect(runs).toBe(whileHidden + 1);
    unmount();
    const afterUnmount = runs;
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(runs).toBe(afterUnmount);
  });
});

describe('pointer mapping', () => {
  it('maps client pixels to phone pixels through the drawn box, clamped to the screen', () => {
    const box = { left: 10, top: 20, width: 640, height: 336 }; // 480×252 drawn at 4/3
    expect(toPhonePoint(box, 10, 20, 480, 252)).toEqual({ x: 0, y: 0 });
    expect(toPhonePoint(box, 10 + 320, 20 + 168, 480, 252)).toEqual({ x: 240, y: 126 });
    expect(toPhonePoint(box, 10 + 639.9, 20 + 335.9, 480, 252)).toEqual({ x: 479, y: 251 });
    expect(toPhonePoint(box, -500, 9000, 480, 252)).toEqual({ x: 0, y: 251 });
    expect(toPhonePoint({ left: 0, top: 0, width: 0, height: 0 }, 5, 5, 480, 252)).toEqual({
      x: 0,
      y: 0,
    });
  });

  it('samples a long path down to five positions keeping both ends', () => {
    const path = Array.from({ length: 41 }, (_, index) => ({ x: index * 10, y: 5 }));
    expect(sampleSwipe(path)).toEqual([
      { x: 0, y: 5 },
      { x: 100, y: 5 },
      { x: 200, y: 5 },
      { x: 300, y: 5 },
      { x: 400, y: 5 },
    ]);
    expect(
      sampleSwipe([
        { x: 1, y: 1 },
        { x: 1, y: 1 },
        { x: 9, y: 1 },
      ]),
    ).toEqual([
      { x: 1, y: 1 },
      { x: 9, y: 1 },
    ]);
  });
});
