/**
 * The calls of one phone as last seen, and the events that take the previous view to the new
 * one. Durations are stamped with the moment they were observed so a UI can tick smoothly
 * without polling; a change of duration alone is not an event.
 */
import type { Call, PhoneEvent } from '../../../shared/domain';
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
};

/** A handle as calls show it: `0x` and lower-case hex, as the first report spelled it. */
function handleSpelling(handle: string): string {
  return `0x${handle.trim().toLowerCase().replace(/^0x/, '')}`;
}

/**
 * The key a call is kept under: its handle as a number (hex without leading zeros), so the
 * spellings of one call meet — callStatus `0x3740b48` and a pushed `03740b48`.
 */
function handleKey(handle: string): string {
  return handleSpelling(handle)
    .slice(2)
    .replace(/^0+(?=.)/, '');
}

/** Whether two handles name the same call (compared as numbers, any spelling). */
export function sameHandle(a: string, b: string): boolean {
  return handleKey(a) === handleKey(b);
}

function differs(before: Call, after: Call): boolean {
  return (
    before.state !== after.state ||
    before.muted !== after.muted ||
    before.active !== after.active ||
    before.line !== after.line ||
    before.remoteName !== after.remoteName ||
    before.remoteNumber !== after.remoteNumber
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

  /** The call with this handle (any spelling: `0x9577dd30` or `9577DD30`), if present. */
  find(handle: string): Call | undefined {
    return this.calls.get(handleKey(handle));
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
      const key = handleKey(item.handle);
      const before = this.calls.get(key);
      // A call keeps the spelling it was first shown with, so every UI can follow it by handle.
      const handle = before?.handle ?? handleSpelling(item.handle);
      const call: Call = { ...item, handle, observedAt };
      next.set(key, call);
      events.push(...this.compare(phoneId, before, call));
    }
    for (const [key, call] of this.calls) {
      if (next.has(key)) continue;
      if ((this.newsAt.get(key) ?? -Infinity) >= readStartedAt) next.set(key, call);
      else events.push({ type: 'call-removed', phoneId, call });
    }
    for (const key of this.newsAt.keys()) if (!next.has(key)) this.newsAt.delete(key);
    this.calls = next;
    return events;
  }

  /** Adds or updates one call from news; returns the events. */
  merge(phoneId: string, news: CallNews, observedAt: number): CallEvent[] {
    const key = handleKey(news.handle);
    const before = this.calls.get(key);
    const defined = Object.fromEntries(
      Object.entries(news).filter(([, value]) => value !== undefined),
    ) as Partial<Call>;
    const handle = before?.handle ?? handleSpelling(news.handle);
    const call: Call = { ...UNKNOWN_CALL, ...before, ...defined, handle, observedAt };
    this.calls.set(key, call);
    this.newsAt.set(key, observedAt);
    return this.compare(phoneId, before, call);
  }

  /** Drops one call; returns the event, if it was known. */
  remove(phoneId: string, handle: string): CallEvent[] {
    const key = handleKey(handle);
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
