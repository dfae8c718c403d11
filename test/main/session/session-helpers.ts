/** Test helper: a PhoneSession on a simulated phone, with its events recorded. */
import { PhoneSession, type PhoneSessionOptions } from '../../../src/main/session/phone-session';
import type { SessionEvent } from '../../../src/main/session/live/live-state';
import type { Simulator } from '../../../src/simulator';

export interface RecordedSession {
  session: PhoneSession;
  events: SessionEvent[];
}

/** A session on phone `index` with fast polling, not yet polling; the caller stops it. */
export function newSession(
  sim: Simulator,
  overrides: Partial<PhoneSessionOptions> = {},
  index = 0,
): RecordedSession {
  const phone = sim.phones[index];
  if (phone === undefined) throw new Error(`no simulated phone ${index}`);
  const session = new PhoneSession({
    phoneId: `phone-${index}`,
    url: phone.url,
    username: phone.username,
    password: phone.adminPassword,
    pinnedFingerprint: phone.fingerprint,
    pollIntervalIdleMs: 40,
    pollIntervalActiveMs: 20,
    timeouts: { read: 400, control: 400, slow: 400 },
    retryBackoffMs: 5,
    ...overrides,
  });
  const events: SessionEvent[] = [];
  session.on((event) => events.push(event));
  return { session, events };
}

/** Starts a session on phone `index` with fast polling; the caller stops it. */
export function startSession(
  sim: Simulator,
  overrides: Partial<PhoneSessionOptions> = {},
  index = 0,
): RecordedSession {
  const recorded = newSession(sim, overrides, index);
  recorded.session.start();
  return recorded;
}
