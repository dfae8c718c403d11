import { CallBook } from './call-book';
import { failReason, pauseMedia } from './call-clock';
import type { FarEndEvent, SimCall, SimCallState } from './call-types';
import type { FarEndStep } from './dial-plan';

interface ScheduledStep {
  at: number;
  handle: string;
  kind: FarEndStep['kind'] | 'remove' | 'give-up';
}

/** An outgoing call that has not been answered yet. */
export const RINGING_OUTGOING: readonly SimCallState[] = ['Setup', 'Proceeding', 'RingBack'];

/** How the far end hears this side leave: refused while ringing here, cancelled, or hung up. */
export function endReason(call: SimCall): 'hung-up' | 'cancelled' | 'rejected' {
  if (call.state === 'Offering') return 'rejected';
  return RINGING_OUTGOING.includes(call.state) ? 'cancelled' : 'hung-up';
}

/**
 * The moves every call operation is made of — connect, hold, disconnect, remove, tell the peer —
 * and the far end's scheduled steps. Nothing runs on a timer: steps are timestamps applied by
 * `settle(now)`, which every request calls first, so a phone costs nothing while nobody looks.
 */
export class CallTransitions {
  readonly book = new CallBook();
  private steps: ScheduledStep[] = [];

  /** `farEndAnswerMs`: the far end's time unit T (the dial plan's timeline, the Disconnected linger). */
  constructor(private readonly farEndAnswerMs: number) {}

  /** Applies every far-end step due by `now`, in time order. */
  settle(now: number): void {
    this.steps.sort((a, b) => a.at - b.at);
    while (this.steps.length > 0 && (this.steps[0]?.at ?? Infinity) <= now) {
      const step = this.steps.shift();
      if (step) this.applyStep(step);
    }
  }

  /** When the next far-end step is due, or null when none is waiting. */
  nextStepAt(): number | null {
    let next: number | null = null;
    for (const step of this.steps) if (next === null || step.at < next) next = step.at;
    return next;
  }

  /** Schedules a dial-plan timeline for a call dialled at `now`. */
  schedule(call: SimCall, timeline: readonly FarEndStep[], now: number): void {
    const unit = this.farEndAnswerMs;
    for (const step of timeline) {
      this.steps.push({ at: now + step.atFraction * unit, handle: call.handle, kind: step.kind });
    }
  }

  /** The caller of a ringing incoming call gives up at `at` (it becomes a missed call). */
  giveUpAt(call: SimCall, at: number): void {
    this.steps.push({ at, handle: call.handle, kind: 'give-up' });
  }

  /** Forgets what the far end was still going to do with the call. */
  cancelSteps(call: SimCall): void {
    this.steps = this.steps.filter((s) => s.handle !== call.handle);
  }

  /** Forgets every scheduled step (every call ended or forgotten). */
  cancelAll(): void {
    this.steps = [];
  }

  /** Only one call carries media: connecting one puts the others on hold. */
  connect(call: SimCall, now: number): void {
    this.holdConnected(now, call);
    call.state = 'Connected';
    call.ringing = false;
    call.connectedAt ??= now;
    call.mediaSince = call.heldByFarEnd ? null : now;
    this.book.focus(call);
  }

  holdConnected(now: number, except?: SimCall): void {
    for (const other of this.book.list()) {
      if (other !== except && other.state === 'Connected') this.putOnHold(other, now);
    }
  }

  putOnHold(call: SimCall, now: number): void {
    pauseMedia(call, now);
    call.state = 'Hold';
    this.tell(call, { kind: 'held', held: true }, now);
  }

  /** Reports what this side did to the call's peer on another simulated phone, if any. */
  tell(call: SimCall, event: FarEndEvent, now: number): void {
    const peer = call.peer;
    if (!peer) return;
    if (event.kind === 'ended' || event.kind === 'transferred') call.peer = null;
    peer.phone.farEnd(peer.handle, event, now);
  }

  /** The call shows Disconnected briefly (like the phone's "call ended" display), then goes. */
  disconnect(call: SimCall, reason: string, at: number): void {
    pauseMedia(call, at);
    call.state = 'Disconnected';
    call.ringing = false;
    call.endReason = reason;
    const linger = Math.min(1000, this.farEndAnswerMs);
    this.steps.push({ at: at + linger, handle: call.handle, kind: 'remove' });
  }

  remove(call: SimCall, now: number): void {
    this.cancelSteps(call);
    this.book.remove(call, now);
  }

  private applyStep(step: ScheduledStep): void {
    const call = this.book.find(step.handle);
    if (!call) return;
    switch (step.kind) {
      case 'proceeding':
        if (call.state === 'Setup') call.state = 'Proceeding';
        return;
      case 'ringback':
        if (call.state === 'Setup' || call.state === 'Proceeding') call.state = 'RingBack';
        return;
      case 'answer':
        if (RINGING_OUTGOING.includes(call.state)) this.connect(call, step.at);
        return;
      case 'fail':
        if (RINGING_OUTGOING.includes(call.state)) this.disconnect(call, failReason(call), step.at);
        return;
      case 'hang-up':
        if (call.state === 'Connected' || call.state === 'Hold') {
          this.disconnect(call, 'Call ended by far end', step.at);
        }
        return;
      case 'give-up':
        if (call.state === 'Offering') this.remove(call, step.at);
        return;
      case 'remove':
        if (call.state === 'Disconnected') this.remove(call, step.at);
        return;
    }
  }
}
