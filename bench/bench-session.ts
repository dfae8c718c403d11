import type { PhoneEvent, PhoneStatus } from '../src/shared/domain';
import { PhoneSession } from '../src/main/session/phone-session';
import {
  DEFAULT_POLL_INTERVAL_ACTIVE_MS,
  DEFAULT_POLL_INTERVAL_IDLE_MS,
} from '../src/main/settings/settings-schema';
import type { SimulatedPhoneInfo } from '../src/simulator';

/** A started PhoneSession for a simulator phone, with the app's default poll intervals. */
export function startSession(
  phone: SimulatedPhoneInfo,
  intervals: { idleMs?: number; activeMs?: number } = {},
): PhoneSession {
  const session = new PhoneSession({
    phoneId: `bench-${phone.index}`,
    url: phone.url,
    username: phone.username,
    password: phone.adminPassword,
    pinnedFingerprint: phone.fingerprint,
    pollIntervalIdleMs: intervals.idleMs ?? DEFAULT_POLL_INTERVAL_IDLE_MS,
    pollIntervalActiveMs: intervals.activeMs ?? DEFAULT_POLL_INTERVAL_ACTIVE_MS,
  });
  session.start();
  return session;
}

/** Resolves with the first event `match` accepts (bounded by `timeoutMs`). */
export function nextEvent(
  session: PhoneSession,
  match: (event: PhoneEvent) => boolean,
  timeoutMs: number,
): Promise<PhoneEvent> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`no matching event within ${timeoutMs} ms`));
    }, timeoutMs);
    const off = session.on((event) => {
      if (!match(event)) return;
      clearTimeout(timer);
      off();
      resolve(event);
    });
  });
}

/** Waits until the session reports the phone online. */
export async function waitOnline(session: PhoneSession, timeoutMs = 20_000): Promise<PhoneStatus> {
  if (session.snapshot().status.health === 'online') return session.snapshot().status;
  await nextEvent(
    session,
    (event) => event.type === 'phone-status' && event.status.health === 'online',
    timeoutMs,
  );
  return session.snapshot().status;
}

/**
 * Times `count` transfer-type changes (a user's action that changes nothing else), each at a
 * random moment so they land at every point of whatever else the session is doing.
 */
export async function timeActions(session: PhoneSession, count: number): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; i < count; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 300));
    const start = performance.now();
    await session.config.setTransferType({ type: i % 2 === 0 ? 'Blind' : 'Consultative' });
    latencies.push(performance.now() - start);
  }
  return latencies;
}
