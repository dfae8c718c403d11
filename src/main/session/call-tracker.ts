/**
 * The calls of one phone as last seen, and the events that take the previous view to the new
 * one. Durations are stamped with the moment they were observed so a UI can tick smoothly
 * without polling; a change of duration alone is not an event.
 */
import type { Call, PhoneEvent } from '../../shared/domain';
import type { VvxCall } from '../vvx/vvx-schemas';

type CallEvent = Extract<
  PhoneEvent,
  { type: 'call-added' | 'call-changed' | 'call-removed' | 'incoming-call' }
>;

/** Converts the phone's view of a call into the domain's, stamped with when it was seen. */
function toCall(call: VvxCall, observedAt: number): Call {
  return {
    handle: call.handle,
    line: call.line,
    state: call.state,
    direction: call.direction,
    remoteName: call.remoteName,
    remoteNumber: call.remoteNumber,
    durationSeconds: call.durationSeconds,
    observedAt,
    muted: call.muted,
    active: call.active,
    appearance: call.appearance,
    sequence: call.sequence,
    protocol: call.protocol,
  };
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

/** Keeps the current calls and turns each fresh callStatus into add/change/remove events. */
export class CallTracker {
  private calls = new Map<string, Call>();

  /** Current calls, in the phone's order. */
  list(): Call[] {
    return [...this.calls.values()];
  }

  /** The call with this handle (any spelling: `0x9577dd30` or `9577DD30`), if present. */
  find(handle: string): Call | undefined {
    const wanted = `0x${handle.trim().toLowerCase().replace(/^0x/, '')}`;
    return this.calls.get(wanted);
  }

  /** Replaces the view with what the phone just reported; returns the events, in order. */
  update(phoneId: string, reported: VvxCall[], observedAt: number): CallEvent[] {
    const next = new Map<string, Call>();
    const events: CallEvent[] = [];
    for (const item of reported) {
      const call = toCall(item, observedAt);
      next.set(call.handle, call);
      const before = this.calls.get(call.handle);
      if (before === undefined) {
        events.push({ type: 'call-added', phoneId, call });
        if (call.direction === 'Incoming' && call.state === 'Offering') {
          events.push({ type: 'incoming-call', phoneId, call });
        }
      } else if (differs(before, call)) {
        events.push({ type: 'call-changed', phoneId, call, previousState: before.state });
      }
    }
    for (const [handle, call] of this.calls) {
      if (!next.has(handle)) events.push({ type: 'call-removed', phoneId, call });
    }
    this.calls = next;
    return events;
  }
}

/** Whether `call` is one a dial to `destination` just produced (absent before, outgoing, same number). */
export function isNewOutgoingCall(call: Call, before: Set<string>, destination: string): boolean {
  if (before.has(call.handle) || call.direction !== 'Outgoing') return false;
  const digits = destination.replace(/[^0-9a-z@]/gi, '').toLowerCase();
  const remote = call.remoteNumber.replace(/[^0-9a-z@]/gi, '').toLowerCase();
  return digits === '' || remote === '' || remote.includes(digits) || digits.includes(remote);
}
