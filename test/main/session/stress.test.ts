/**
 * The stress test: thousands of mixed actions and interactive reads while the poller
 * runs, with busy answers, dropped connections, hung requests, 5000s and a reboot switched on.
 * Afterwards the phone must never have seen two requests at once, no dial may have rung twice,
 * every action must have ended exactly once, and the session's calls must match the phone's.
 */
import { describe, expect, it } from 'vitest';

import type { PhoneSession } from '../../../src/main/session/phone-session';
import { PhoneError } from '../../../src/main/vvx/phone-error';
import { normaliseHandle } from '../../../src/main/vvx/vvx-values';
import { startSimulator } from '../../../src/simulator';
import { control, stats, waitFor } from '../vvx/sim-control';
import { startSession } from './session-helpers';

const OPERATIONS = 5000;
const WORKERS = 12;

/** Clear errors the engine may answer with under these faults (anything else fails the test). */
const EXPECTED_CODES = new Set([
  'phone-error',
  'not-found',
  'outcome-unknown',
  'unreachable',
  'invalid-argument',
  'queue-full',
]);

interface PhoneCall {
  CallHandle: string;
  CallState: string;
}

type Operation = (session: PhoneSession, index: number) => Promise<unknown>;

function someCall(session: PhoneSession, index: number): string {
  const calls = session.snapshot().calls;
  return calls[index % Math.max(calls.length, 1)]?.handle ?? '0x1';
}

// Weighted mix: call control, reads a user waits for, and dials (each to its own number).
const MIX: Operation[] = [
  (s, i) => s.calls.dial({ destination: `555${String(i).padStart(5, '0')}` }),
  (s, i) => s.calls.end({ handle: someCall(s, i) }),
  (s, i) => s.calls.end({ handle: someCall(s, i + 1) }),
  (s, i) => s.calls.hold({ handle: someCall(s, i) }),
  (s, i) => s.calls.resume({ handle: someCall(s, i) }),
  (s, i) => s.calls.mute({ muted: i % 2 === 0 }),
  (s) => s.calls.sendDtmf({ digits: '1#' }),
  (s) => s.calls.logs({}),
  (s) => s.config.getTransferType(),
  (s) => s.config.get({ names: ['httpd.ta.enabled', 'apps.restapi.enabled'] }),
  (s) => s.device.lines(),
];

describe('stress: the engine never makes the phone misbehave', () => {
  it(`survives ${OPERATIONS} mixed actions and polls with faults on`, async () => {
    // Plain HTTP keeps it quick; reconnecting over pinned HTTPS after drops is tested elsewhere.
    const sim = await startSimulator({ phones: 1, https: false, farEndAnswerMs: 5, rebootMs: 150 });
    const { session, events } = startSession(sim, {
      pollIntervalIdleMs: 5,
      pollIntervalActiveMs: 5,
      timeouts: { read: 150, control: 150, slow: 150 },
      retryBackoffMs: 1,
    });
    try {
      await waitFor(() => session.snapshot().status.health === 'online', 'online');
      await control(sim, 'POST', '/__sim/faults', {
        jitterMs: 1,
        busy: { count: 150, as: 'http403' },
        drop: { count: 60 },
        hang: { count: 8 },
        fail5000: { count: 40 },
      });
      const settled = new Array<number>(OPERATIONS).fill(0);
      const unexpected: string[] = [];
      const dialled = new Map<string, 'ok' | string>();
      let next = 0;
      const worker = async () => {
        while (next < OPERATIONS) {
          const index = next++;
          if (index === Math.floor(OPERATIONS / 2)) {
            await control(sim, 'POST', '/__sim/faults', { busy: { count: 150, as: 'status4001' } });
            await control(sim, 'POST', '/__sim/reboot', { ms: 150 });
          }
          const operation = MIX[index % MIX.length];
          if (operation === undefined) throw new Error('empty mix');
          const destination = `555${String(index).padStart(5, '0')}`;
          try {
            await operation(session, index);
            if (index % MIX.length === 0) dialled.set(destination, 'ok');
          } catch (error) {
            if (
              !(error instanceof PhoneError) ||
              !EXPECTED_CODES.has(error.code) ||
              error.message === ''
            ) {
              unexpected.push(
                error instanceof Error ? `${error.name}: ${error.message}` : String(error),
              );
            }
            if (index % MIX.length === 0)
              dialled.set(destination, error instanceof PhoneError ? error.code : 'other');
          } finally {
            settled[index] = (settled[index] ?? 0) + 1;
          }
        }
      };
      await Promise.all(Array.from({ length: WORKERS }, worker));

      // Every action ended exactly once, with a result or a clear, expected error.
      expect(settled.every((count) => count === 1)).toBe(true);
      expect(unexpected).toEqual([]);

      await control(sim, 'POST', '/__sim/faults', { clear: true });
      const seen = await stats(sim);
      // Never two requests in flight at the phone, so it never had to refuse one for that.
      expect(seen.maxConcurrent).toBe(1);
      expect(seen.parallelRejected).toBe(0);
      // Every operation reached the queue: sent, or merged into an identical pending read.
      const { sent, merged } = session.diagnostics.queue;
      expect(sent + merged).toBeGreaterThanOrEqual(OPERATIONS);
      expect(seen.faultsInjected).toBeGreaterThan(200);
      // No dial rang twice, and every dial reported done reached the phone exactly once.
      const destinations = seen.dials.map((dial) => dial.destination);
      expect(new Set(destinations).size).toBe(destinations.length);
      for (const [destination, outcome] of dialled) {
        if (outcome === 'ok') expect(destinations).toContain(destination);
      }

      // The session's view agrees with the phone once it has polled again.
      await waitFor(
        async () => {
          const state = (await control(sim, 'GET', '/__sim/state')) as { calls: PhoneCall[] };
          const phone = state.calls
            .map(
              (call) =>
                `${normaliseHandle(call.CallHandle)}:${call.CallState.replace('CallHold', 'Hold')}`,
            )
            .sort();
          const ours = session
            .snapshot()
            .calls.map((call) => `${call.handle}:${call.state}`)
            .sort();
          return JSON.stringify(phone) === JSON.stringify(ours);
        },
        'the session to agree with the phone',
        5000,
      );
      expect(session.snapshot().status.health).toBe('online');
      // Event stream sanity: a call is never added twice without being removed in between.
      const live = new Set<string>();
      for (const event of events) {
        if (event.type === 'call-added') {
          expect(live.has(event.call.handle)).toBe(false);
          live.add(event.call.handle);
        } else if (event.type === 'call-removed') {
          expect(live.delete(event.call.handle)).toBe(true);
        }
      }
    } finally {
      await session.stop();
      await sim.close();
    }
  }, 60_000);
});
