import { callDurationSeconds } from '../calls/call-clock';
import type { SimCall } from '../calls/call-types';
import type { SimulatedPhone } from '../phone/phone';

/** The events a phone pushes, by element name. */
export type PushEventName =
  | 'IncomingCallEvent'
  | 'OutgoingCallEvent'
  | 'OffHookEvent'
  | 'OnHookEvent'
  | 'CallStateChangeEvent'
  | 'LineRegistrationEvent'
  | 'LineUnregistrationEvent';

/** The switch (`apps.telNotification.<flag>`) each event needs; unregistration has no name of its own. */
export const EVENT_FLAGS: Readonly<Record<PushEventName, string>> = {
  IncomingCallEvent: 'incomingEvent',
  OutgoingCallEvent: 'outgoingEvent',
  OffHookEvent: 'offhookEvent',
  OnHookEvent: 'onhookEvent',
  CallStateChangeEvent: 'callStateChangeEvent',
  LineRegistrationEvent: 'lineRegistrationEvent',
  LineUnregistrationEvent: 'lineRegistrationEvent',
};

/** A call as the phone's events describe it. */
export interface CallFacts {
  handle: string;
  line: number;
  direction: SimCall['direction'];
  /** The state by the push vocabulary: `Ringback`, `Held` (by the far end), `Free` (gone)… */
  state: string;
  remoteName: string;
  remoteNumber: string;
  /** `UIAppearanceIndex`: the call's place in the list, `*` for the selected call. */
  appearance: string;
  durationSeconds: number;
}

/** One event to push. */
export interface PendingEvent {
  name: PushEventName;
  call: CallFacts | null;
  line: number | null;
}

/** What the phone's events follow: its calls, whether it is off hook, its registered lines. */
export interface PhoneView {
  calls: Map<string, CallFacts>;
  offHook: boolean;
  registered: Set<number>;
}

/** States in which the handset or speaker is in use. */
const OFF_HOOK = new Set(['Dialtone', 'Setup', 'Proceeding', 'RingBack', 'Connected']);

/** A call state by the push vocabulary (the 5.0 guide's table: no Proceeding, `Ringback`). */
function pushState(call: SimCall): string {
  switch (call.state) {
    case 'Proceeding':
      return 'Setup';
    case 'RingBack':
      return 'Ringback';
    case 'Connected':
      return call.heldByFarEnd ? 'Held' : 'Connected';
    default:
      return call.state;
  }
}

/** The lines registered now, remembered until the configuration or a registration changes. */
export class RegisteredLines {
  private key = '';
  private lines = new Set<number>();

  of(phone: SimulatedPhone, now: number): Set<number> {
    const down = phone.unreachable(now);
    const key = `${phone.config.version}:${phone.registrationVersion}:${down}`;
    if (key !== this.key) {
      this.key = key;
      const registered = down
        ? []
        : phone.lines().filter((line) => line.registration === 'Registered');
      this.lines = new Set(registered.map((line) => line.line));
    }
    return this.lines;
  }
}

/** The phone as its events see it at `now` (`lines`: its registered lines, kept between looks). */
export function viewOf(phone: SimulatedPhone, now: number, lines: RegisteredLines): PhoneView {
  const calls = new Map<string, CallFacts>();
  const focused = phone.calls.focused();
  phone.calls.list().forEach((call, index) => {
    calls.set(call.handle, {
      handle: call.handle,
      line: call.line,
      direction: call.direction,
      state: pushState(call),
      remoteName: call.remoteName,
      remoteNumber: call.remoteNumber,
      appearance: `${index + 1}${call === focused ? '*' : ''}`,
      durationSeconds: callDurationSeconds(call, now),
    });
  });
  return {
    calls,
    offHook: phone.calls.list().some((call) => OFF_HOOK.has(call.state)),
    registered: lines.of(phone, now),
  };
}

/**
 * The events that take `before` to `after`, in the order a phone would send them: a call
 * ringing in, a call placed, off hook, each call's state change (`Free` when it is gone), on
 * hook, then lines registering or going.
 */
export function eventsBetween(before: PhoneView, after: PhoneView): PendingEvent[] {
  const first: PendingEvent[] = [];
  const changes: PendingEvent[] = [];
  for (const call of after.calls.values()) {
    const old = before.calls.get(call.handle);
    if (old === undefined && call.state === 'Offering') {
      first.push({ name: 'IncomingCallEvent', call, line: call.line });
    }
    const placed =
      call.direction === 'Outgoing' &&
      call.state !== 'Dialtone' &&
      (old === undefined || old.state === 'Dialtone');
    if (placed) first.push({ name: 'OutgoingCallEvent', call, line: call.line });
    if (old === undefined || old.state !== call.state) {
      changes.push({ name: 'CallStateChangeEvent', call, line: call.line });
    }
  }
  for (const old of before.calls.values()) {
    if (!after.calls.has(old.handle)) {
      changes.push({
        name: 'CallStateChangeEvent',
        call: { ...old, state: 'Free' },
        line: old.line,
      });
    }
  }
  const hook: PendingEvent[] = [];
  if (!before.offHook && after.offHook)
    first.push({ name: 'OffHookEvent', call: null, line: null });
  if (before.offHook && !after.offHook) hook.push({ name: 'OnHookEvent', call: null, line: null });
  const lines: PendingEvent[] = [];
  for (const line of before.registered) {
    if (!after.registered.has(line))
      lines.push({ name: 'LineUnregistrationEvent', call: null, line });
  }
  for (const line of after.registered) {
    if (!before.registered.has(line))
      lines.push({ name: 'LineRegistrationEvent', call: null, line });
  }
  return [...first, ...changes, ...hook, ...lines];
}
