/** Test helpers: a PhoneSession on a simulated phone, with its events recorded; a call by hand. */
import { PhoneSession, type PhoneSessionOptions } from '../../../src/main/session/phone-session';
import type { SessionEvent } from '../../../src/main/session/live/live-state';
import type { Call } from '../../../src/shared/domain';
import type { Simulator } from '../../../src/simulator';

/** A call as the live state holds it, built by hand: a connected outgoing call unless overridden. */
export function aCall(overrides: Partial<Call> = {}): Call {
  return {
    handle: '0x1',
    line: 1,
    state: 'Connected',
    direction: 'Outgoing',
    remoteName: '',
    remoteNumber: '',
    durationSeconds: 0,
    observedAt: 0,
    muted: false,
    active: false,
    appearance: '1',
    sequence: 1,
    protocol: 'SIP',
    heldByFarEnd: false,
    ...overrides,
  };
}

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
