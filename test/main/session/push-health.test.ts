/** When a phone's pushed events are judged not to arrive: every unannounced change counts. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { PushHealth } from '../../../src/main/session/push/push-health';

let distrusted: number;
let health: PushHealth;

beforeEach(() => {
  vi.useFakeTimers();
  distrusted = 0;
  health = new PushHealth({
    idleMs: 3000,
    onChange: () => undefined,
    onDistrust: () => (distrusted += 1),
  });
  health.listening('127.0.0.1:8489', true, Date.now() - 10_000);
});
afterEach(() => {
  health.dispose();
  vi.useRealTimers();
});

describe('push health', () => {
  it('stays working when the event for a change arrives within the grace', () => {
    const since = Date.now();
    health.changeFound(since, ['0x41aa9c00']);
    vi.advanceTimersByTime(500);
    health.eventArrived('41aa9c00');
    vi.advanceTimersByTime(5000);
    expect(health.status.phase).toBe('working');
    expect(distrusted).toBe(0);
  });

  it('says not arriving for a change found while an earlier one waits, once the earlier is named', () => {
    health.changeFound(Date.now(), ['0x1']);
    vi.advanceTimersByTime(700);
    // A second call rings and no event ever names it; the first one's event comes.
    health.changeFound(Date.now(), ['0x2']);
    health.eventArrived('00000001');
    vi.advanceTimersByTime(1000);
    expect(health.status.phase).toBe('working');
    vi.advanceTimersByTime(1000);
    expect(health.status.phase).toBe('not-arriving');
    expect(distrusted).toBe(1);
  });
});
