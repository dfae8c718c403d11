/**
 * The calls of one phone as last seen, and the events that take the previous view to the new
 * one. Durations are stamped with the moment they were observed so a UI can tick smoothly
 * without polling; a change of duration alone is not an event.
 */
import type { Call, PhoneEvent } from '../../../shared/domain';
import { normaliseHandle } from '../../vvx/vvx-values';
import { judgeOutcome, type CallCourse } from './call-outcome';
import type { RecentEndings } from './recent-endings';
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
    before.heldByFarEnd !== after.heldByFarEnd ||
    before.outcome !== after.outcome
  );
}

/** Keeps the current calls and turns each report into add/change/remove events. */
export class CallTracker {
  private calls = new Map<string, Call>();
  /** When news last told of each call, so an older full read does not drop it. */
  private readonly newsAt = new Map<string, number>();
  /** What was seen of each current call over its life, to judge how it ended. */
  private readonly courses = new Map<string, CallCourse>();
  /** Calls Deskpilot ended that the phone may still list for a moment: not brought back. */
  private readonly endedHere = new Set<string>();

  /** @param endings where each ended call's outcome is kept for the call logs. */
  constructor(private readonly endings: RecentEndings) {}

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
    const listed = new Set(reported.map((item) => normaliseHandle(item.handle)));
    for (const handle of this.endedHere) if (!listed.has(handle)) this.endedHere.delete(handle);
    for (const item of reported) {
      const handle = normaliseHandle(item.handle);
      if (this.endedHere.has(handle)) continue;
      // A reason the phone showed stays with the call: a later read does not repeat it.
      const kept = item.outcome === undefined ? pick(this.calls.get(handle)) : {};
      const call: Call = { ...item, handle, observedAt, ...kept };
      this.follow(call, observedAt);
      next.set(call.handle, call);
      events.push(...this.compare(phoneId, this.calls.get(call.handle), call));
    }
    for (const [handle, call] of this.calls) {
      if (next.has(handle)) continue;
      if ((this.newsAt.get(handle) ?? -Infinity) >= readStartedAt) next.set(handle, call);
      else events.push(this.removed(phoneId, call, false));
    }
    for (const handle of this.newsAt.keys()) if (!next.has(handle)) this.newsAt.delete(handle);
    for (const handle of this.courses.keys()) if (!next.has(handle)) this.courses.delete(handle);
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
    this.follow(call, observedAt);
    this.calls.set(handle, call);
    this.newsAt.set(handle, observedAt);
    return this.compare(phoneId, before, call);
  }

  /** Drops one call (`endedHere`: Deskpilot ended it); returns the event, if it was known. */
  remove(phoneId: string, handle: string, endedHere = false): CallEvent[] {
    const key = normaliseHandle(handle);
    const call = this.calls.get(key);
    this.newsAt.delete(key);
    if (call === undefined) return [];
    this.calls.delete(key);
    if (endedHere) this.endedHere.add(key);
    const event = this.removed(phoneId, call, endedHere);
    this.courses.delete(key);
    return [event];
  }

  private follow(call: Call, observedAt: number): void {
    const course = this.courses.get(call.handle) ?? { connected: false, firstSeenAt: observedAt };
    if (call.state === 'Connected' || call.state === 'Hold') course.connected = true;
    this.courses.set(call.handle, course);
  }

  private removed(phoneId: string, call: Call, endedHere: boolean): CallEvent {
    const course = this.courses.get(call.handle) ?? { connected: false, firstSeenAt: 0 };
    const outcome = judgeOutcome(call, course, endedHere);
    const { remoteNumber, line } = call;
    this.endings.record({ remoteNumber, line, startedAt: course.firstSeenAt, outcome });
    return { type: 'call-removed', phoneId, call, outcome };
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

/** The outcome a call already carries, to keep it over a read that does not repeat it. */
function pick(call: Call | undefined): Pick<Call, 'outcome'> {
  return call?.outcome === undefined ? {} : { outcome: call.outcome };
}

/** Whether `call` is one a dial to `destination` just produced (absent before, outgoing, same number). */
export function isNewOutgoingCall(call: Call, before: Set<string>, destination: string): boolean {
  if (before.has(call.handle) || call.direction !== 'Outgoing') return false;
  const digits = destination.replace(/[^0-9a-z@]/gi, '').toLowerCase();
  const remote = call.remoteNumber.replace(/[^0-9a-z@]/gi, '').toLowerCase();
  return digits === '' || remote === '' || remote.includes(digits) || digits.includes(remote);
}
