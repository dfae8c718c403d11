/**
 * The calls of one phone as last seen, and the events that take the previous view to the new
 * one. Durations are stamped with the moment they were observed so a UI can tick smoothly
 * without polling; a change of duration alone is not an event.
 */
import type { Call, PhoneEvent } from '../../../shared/domain';
import { normaliseHandle } from '../../vvx/vvx-values';
import type { CallNews, ReportedCall } from './phone-feed';

type CallEvent = Extract<
  PhoneEvent,
  { type: 'call-added' | 'call-changed' | 'call-removed' | 'incoming-call' }
>;

/** What a call first heard of through news has until a read says more. */
const UNKNOWN_CALL: Omit<Call, 'handle' | 'observedAt'> = {
  line: 1,
  state: 'Setup',
  direction: 'Incoming',
  remoteName: '',
  remoteNumber: '',
  durationSeconds: 0,
  muted: false,
  active: false,
  appearance: '',
  sequence: 0,
  protocol: '',
  heldByFarEnd: false,
};

function differs(before: Call, after: Call): boolean {
  return (
    before.state !== after.state ||
    before.muted !== after.muted ||
    before.active !== after.active ||
    before.line !== after.line ||
    before.remoteName !== after.remoteName ||
    before.remoteNumber !== after.remoteNumber ||
    before.heldByFarEnd !== after.heldByFarEnd
  );
}

/** Keeps the current calls and turns each report into add/change/remove events. */
export class CallTracker {
  private calls = new Map<string, Call>();
  /** When news last told of each call, so an older full read does not drop it. */
  private readonly newsAt = new Map<string, number>();

  /** Current calls, in the phone's order. */
  list(): Call[] {
    return [...this.calls.values()];
  }

  /** The call with this handle (any spelling: `0x03740b48`, `3740B48`), if present. */
  find(handle: string): Call | undefined {
    return this.calls.get(normaliseHandle(handle));
  }

  /**
   * Replaces the view with a whole call list read by a request sent at `readStartedAt`, keeping
   * calls that news reported since; returns the events, in order.
   */
  replace(
    phoneId: string,
    reported: readonly ReportedCall[],
    readStartedAt: number,
    observedAt: number,
  ): CallEvent[] {
    const next = new Map<string, Call>();
    const events: CallEvent[] = [];
    for (const item of reported) {
      const call: Call = { ...item, handle: normaliseHandle(item.handle), observedAt };
      next.set(call.handle, call);
      events.push(...this.compare(phoneId, this.calls.get(call.handle), call));
    }
    for (const [handle, call] of this.calls) {
      if (next.has(handle)) continue;
      if ((this.newsAt.get(handle) ?? -Infinity) >= readStartedAt) next.set(handle, call);
      else events.push({ type: 'call-removed', phoneId, call });
    }
    for (const handle of this.newsAt.keys()) if (!next.has(handle)) this.newsAt.delete(handle);
    this.calls = next;
    return events;
  }

  /** Adds or updates one call from news; returns the events. */
  merge(phoneId: string, news: CallNews, observedAt: number): CallEvent[] {
    const handle = normaliseHandle(news.handle);
    const before = this.calls.get(handle);
    const defined = Object.fromEntries(
      Object.entries(news).filter(([, value]) => value !== undefined),
    ) as Partial<Call>;
    const call: Call = { ...UNKNOWN_CALL, ...before, ...defined, handle, observedAt };
    this.calls.set(handle, call);
    this.newsAt.set(handle, observedAt);
    return this.compare(phoneId, before, call);
  }

  /** Drops one call; returns the event, if it was known. */
  remove(phoneId: string, handle: string): CallEvent[] {
    const key = normaliseHandle(handle);
    const call = this.calls.get(key);
    this.newsAt.delete(key);
    if (call === undefined) return [];
    this.calls.delete(key);
    return [{ type: 'call-removed', phoneId, call }];
  }

  private compare(phoneId: string, before: Call | undefined, call: Call): CallEvent[] {
    if (before === undefined) {
      const ringing = call.direction === 'Incoming' && call.state === 'Offering';
      return [
        { type: 'call-added', phoneId, call },
        ...(ringing ? [{ type: 'incoming-call' as const, phoneId, call }] : []),
      ];
    }
    return differs(before, call)
      ? [{ type: 'call-changed', phoneId, call, previousState: before.state }]
      : [];
  }
}

/** Whether `call` is one a dial to `destination` just produced (absent before, outgoing, same number). */
export function isNewOutgoingCall(call: Call, before: Set<string>, destination: string): boolean {
  if (before.has(call.handle) || call.direction !== 'Outgoing') return false;
  const digits = destination.replace(/[^0-9a-z@]/gi, '').toLowerCase();
  const remote = call.remoteNumber.replace(/[^0-9a-z@]/gi, '').toLowerCase();
  return digits === '' || remote === '' || remote.includes(digits) || digits.includes(remote);
}
