import { CallBook } from './call-book';
import { failReason, pauseMedia } from './call-clock';
import type { CallLogs } from './call-logs';
import type {
  CallFailure,
  CallPeer,
  CallResult,
  FarEndEvent,
  LineCheck,
  PeerPhone,
  SimCall,
  SimCallState,
} from './call-types';
import { farEndFor, farEndTimeline, type FarEndBehaviour, type FarEndStep } from './dial-plan';

interface ScheduledStep {
  at: number;
  handle: string;
  kind: FarEndStep['kind'] | 'remove' | 'give-up';
}

export interface CallEngineOptions {
  farEndAnswerMs: number;
  lineCheck: (line: number) => LineCheck;
  onDial: (destination: string, line: number) => void;
  /**
   * Offers a dialled call to another simulated phone: its peer when that phone rings, a dial-plan
   * behaviour when it refuses (busy, unreachable), null when no simulated phone has the number.
   */
  placeCall: (call: SimCall, now: number) => CallPeer | FarEndBehaviour | null;
}

/** A call offered to this phone: by the control API, or by another simulated phone (`peer`). */
export interface IncomingCall {
  from: string;
  name: string;
  line: number;
  dnd: boolean;
  /** The caller gives up after this long (the call becomes a missed call). */
  ringMs?: number;
  peer?: CallPeer;
}

/** Calls a phone holds at once; one more is refused as busy (and logged as missed). */
const MAX_CALLS = 8;
const RINGING_OUTGOING: readonly SimCallState[] = ['Setup', 'Proceeding', 'RingBack'];

function fail(status: CallFailure['status'], message: string): CallFailure {
  return { ok: false, status, message };
}

/**
 * The phone's calls and their state machine. Nothing runs on a timer: far-end reactions are
 * scheduled as timestamps and applied by `settle(now)`, which every request calls first, so a
 * phone costs nothing while nobody looks at it. A call to another simulated phone has that
 * phone's call as its peer: each side tells the other what it did (`farEnd`).
 */
export class CallEngine implements PeerPhone {
  private readonly book = new CallBook();
  private steps: ScheduledStep[] = [];

  constructor(private readonly options: CallEngineOptions) {}

  /** Applies every far-end step due by `now`, in time order. */
  settle(now: number): void {
    this.steps.sort((a, b) => a.at - b.at);
    while (this.steps.length > 0 && (this.steps[0]?.at ?? Infinity) <= now) {
      const step = this.steps.shift();
      if (step) this.applyStep(step);
    }
  }

  /** Calls in the order the phone lists them (oldest first). */
  list(): readonly SimCall[] {
    return this.book.list();
  }

  find(handle: string): SimCall | undefined {
    return this.book.find(handle);
  }

  /** The call the phone's UI has selected (its appearance index carries the `*`). */
  focused(): SimCall | undefined {
    return this.book.focused();
  }

  focus(handle: string): void {
    const call = this.find(handle);
    if (call) this.book.focus(call);
  }

  /** The phone's call lists (placed, received, missed). */
  get logs(): CallLogs {
    return this.book.logs;
  }

  get muted(): boolean {
    return this.book.muted;
  }

  get lastEndedAt(): number | null {
    return this.book.lastEndedAt;
  }

  /** Opens a call in Dialtone (New Call softkey, off-hook) on a line. */
  newCall(line: number, now: number): CallResult {
    const lineProblem = this.checkLine(line);
    if (lineProblem) return lineProblem;
    const existing = this.book.list().find((c) => c.state === 'Dialtone');
    if (existing) return { ok: true, call: existing };
    if (this.book.list().length >= MAX_CALLS) return fail(4003, 'Too many calls');
    this.holdConnected(now);
    const call = this.book.create('Outgoing', 'Dialtone', line, '', '', now);
    this.book.focus(call);
    return { ok: true, call };
  }

  /** Places a call; a call waiting in Dialtone on the same line is used for it. */
  dial(destination: string, line: number, dialType: string, now: number): CallResult {
    const lineProblem = this.checkLine(line);
    if (lineProblem) return lineProblem;
    let call = this.book.list().find((c) => c.state === 'Dialtone' && c.line === line);
    if (!call) {
      if (this.book.list().length >= MAX_CALLS) return fail(4003, 'Too many calls');
      this.holdConnected(now);
      call = this.book.create('Outgoing', 'Setup', line, destination, '', now);
    }
    call.state = 'Setup';
    call.remoteNumber = destination;
    call.remoteName = destination;
    call.dialType = dialType;
    call.createdAt = now;
    this.book.focus(call);
    const placed = this.options.placeCall(call, now);
    if (placed !== null && typeof placed === 'object') {
      call.farEnd = 'phone';
      call.peer = placed;
      this.schedule(call, farEndTimeline('no-answer'), now);
    } else {
      call.farEnd = placed ?? farEndFor(destination);
      this.schedule(call, farEndTimeline(call.farEnd), now);
    }
    this.options.onDial(destination, line);
    return { ok: true, call };
  }

  /** The handle through which another simulated phone's call reaches `call`. */
  peerOf(call: SimCall): CallPeer {
    return { phone: this, handle: call.handle };
  }

  /** The peer of call `handle` (on another phone) did something; this side follows. */
  farEnd(handle: string, event: FarEndEvent, now: number): void {
    this.settle(now);
    const call = this.find(handle);
    if (!call) return;
    switch (event.kind) {
      case 'answered':
        if (RINGING_OUTGOING.includes(call.state)) {
          this.steps = this.steps.filter((s) => s.handle !== call.handle);
          this.connect(call, now);
        }
        return;
      case 'held':
        call.heldByFarEnd = event.held;
        if (event.held) pauseMedia(call, now);
        else if (call.state === 'Connected') call.mediaSince = now;
        return;
      case 'ended':
        call.peer = null;
        if (call.state === 'Offering') this.remove(call, now);
        else if (call.state !== 'Disconnected' && call.state !== 'Dialtone') {
          this.steps = this.steps.filter((s) => s.handle !== call.handle);
          this.disconnect(call, event.why === 'rejected' ? 'Busy' : 'Call ended by far end', now);
        }
        return;
      case 'transferred':
        // A blind transfer: this phone leaves the call and places a new one to the destination.
        call.peer = null;
        call.endReason = `Transferred to ${event.destination}`;
        this.remove(call, now);
        this.dial(event.destination, call.line, 'SIP', now);
        return;
    }
  }

  /** The user hangs up whatever the call's state: a ringing call is refused, others end. */
  hangUp(handle: string, now: number): CallResult {
    this.settle(now);
    const call = this.find(handle);
    if (!call || call.state === 'Dialtone') return fail(4007, 'Call does not exist');
    this.tell(call, { kind: 'ended', why: this.endReason(call) }, now);
    this.remove(call, now);
    return { ok: true, call };
  }

  /**
   * An incoming call starts ringing; null when do-not-disturb (or a phone full of calls) sends it
   * straight to the missed calls.
   */
  ring(offer: IncomingCall, now: number): CallResult | null {
    const { from, name, line, peer } = offer;
    const lineProblem = this.checkLine(line);
    if (lineProblem) return lineProblem;
    const dialType = peer ? 'SIP' : 'TEL';
    if (offer.dnd || this.book.list().length >= MAX_CALLS) {
      this.logs.add('missed', {
        line,
        startedAt: now,
        remoteName: name,
        remoteNumber: from,
        dialType,
        connected: false,
        durationSeconds: 0,
      });
      return null;
    }
    const call = this.book.create('Incoming', 'Offering', line, from, name, now);
    call.ringing = true;
    call.dialType = dialType;
    if (peer) {
      call.peer = peer;
      call.farEnd = 'phone';
    }
    if (!this.focused() || this.focused()?.state === 'Disconnected') this.book.focus(call);
    if (offer.ringMs !== undefined)
      this.steps.push({ at: now + offer.ringMs, handle: call.handle, kind: 'give-up' });
    return { ok: true, call };
  }

  answer(ref: string | undefined, now: number): CallResult {
    const call = this.book.pick(ref, (c) => c.state === 'Offering');
    if (!call) return fail(4007, 'Call does not exist');
    if (call.state !== 'Offering') return fail(4003, 'The call is not ringing');
    this.connect(call, now);
    call.answered = true;
    this.tell(call, { kind: 'answered' }, now);
    return { ok: true, call };
  }

  /**
   * Ignore and reject both take the ringing call off the phone; it is logged as missed. A
   * rejected caller hears busy (486); an ignored one keeps ringing until it gives up.
   */
  decline(ref: string | undefined, now: number, how: 'ignore' | 'reject'): CallResult {
    const call = this.book.pick(ref, (c) => c.state === 'Offering');
    if (!call) return fail(4007, 'Call does not exist');
    if (call.state !== 'Offering') return fail(4003, 'The call is not ringing');
    if (how === 'reject') this.tell(call, { kind: 'ended', why: 'rejected' }, now);
    this.remove(call, now);
    return { ok: true, call };
  }

  hold(ref: string | undefined, now: number): CallResult {
    const call = this.book.pick(ref, (c) => c.state === 'Connected');
    if (!call) return fail(4007, 'Call does not exist');
    if (call.state !== 'Connected') return fail(4003, 'Only a connected call can be held');
    this.putOnHold(call, now);
    return { ok: true, call };
  }

  resume(ref: string | undefined, now: number): CallResult {
    const call = this.book.pick(ref, (c) => c.state === 'Hold');
    if (!call) return fail(4007, 'Call does not exist');
    if (call.state !== 'Hold') return fail(4003, 'The call is not on hold');
    this.connect(call, now);
    this.tell(call, { kind: 'held', held: false }, now);
    return { ok: true, call };
  }

  /** Hangs up a call from this phone; held and ringing calls are refused as on the phone. */
  end(ref: string, now: number): CallResult {
    const call = this.find(ref);
    if (!call) return fail(4007, 'Call does not exist');
    if (call.state === 'Hold') return fail(4003, 'Resume the held call before ending it');
    if (call.state === 'Offering') return fail(4003, 'Reject or ignore a ringing call');
    this.tell(call, { kind: 'ended', why: this.endReason(call) }, now);
    this.remove(call, now);
    return { ok: true, call };
  }

  /** Blind transfer: the call leaves this phone towards `destination`. */
  transfer(ref: string, destination: string, now: number): CallResult {
    const call = this.find(ref);
    if (!call) return fail(4007, 'Call does not exist');
    if (call.state !== 'Connected' && call.state !== 'Hold') {
      return fail(4003, 'Only a connected or held call can be transferred');
    }
    call.endReason = `Transferred to ${destination}`;
    this.tell(call, { kind: 'transferred', destination }, now);
    this.remove(call, now);
    return { ok: true, call };
  }

  sendDtmf(digits: string): CallResult {
    const focused = this.focused();
    const call =
      focused?.state === 'Connected'
        ? focused
        : this.book.list().find((c) => c.state === 'Connected');
    if (!call) return fail(4007, 'No connected call to send tones to');
    call.dtmf += digits;
    return { ok: true, call };
  }

  /** Phone-wide microphone mute; needs a call, and not a held one. */
  setMute(muted: boolean): CallFailure | null {
    const call = this.focused() ?? this.book.list()[0];
    if (!call) return fail(4007, 'Call does not exist');
    if (call.state === 'Hold') return fail(4003, 'The call is on hold');
    this.book.muted = muted;
    return null;
  }

  /**
   * The far end answers now (control API), whatever the dial plan said; when the far end is
   * another simulated phone, that phone answers.
   */
  remoteAnswer(handle: string, now: number): CallResult {
    const call = this.find(handle);
    if (!call) return fail(4007, 'Call does not exist');
    if (call.direction !== 'Outgoing' || !RINGING_OUTGOING.includes(call.state)) {
      return fail(4003, 'Only an outgoing call that is ringing can be answered by the far end');
    }
    if (call.peer) {
      const answered = call.peer.phone.answer(call.peer.handle, now);
      return answered.ok ? { ok: true, call } : answered;
    }
    this.steps = this.steps.filter((s) => s.handle !== call.handle);
    this.connect(call, now);
    return { ok: true, call };
  }

  /**
   * The far end hangs up (control API); a ringing incoming call becomes a missed call. When the
   * far end is another simulated phone, that phone hangs up.
   */
  remoteHangUp(handle: string, now: number): CallResult {
    const call = this.find(handle);
    if (!call || call.state === 'Dialtone') return fail(4007, 'Call does not exist');
    if (call.peer) {
      const ended = call.peer.phone.hangUp(call.peer.handle, now);
      return ended.ok ? { ok: true, call } : ended;
    }
    this.steps = this.steps.filter((s) => s.handle !== call.handle);
    if (call.state === 'Offering') this.remove(call, now);
    else this.disconnect(call, 'Call ended by far end', now);
    return { ok: true, call };
  }

  /** Ends every call (safeRestart/safeReboot) and logs them; peers hear the hang-up. */
  endAll(now: number): void {
    for (const call of [...this.book.list()]) {
      this.tell(call, { kind: 'ended', why: this.endReason(call) }, now);
      this.remove(call, now);
    }
    this.steps = [];
  }

  /** Forgets calls, logs and mute (simulator reset, factory reset); peers hear the hang-up. */
  reset(now: number): void {
    for (const call of this.book.list()) {
      this.tell(call, { kind: 'ended', why: this.endReason(call) }, now);
    }
    this.book.clear();
    this.steps = [];
  }

  private checkLine(line: number): CallFailure | null {
    const state = this.options.lineCheck(line);
    if (state === 'missing') return fail(4005, `Line ${line} does not exist`);
    if (state === 'unregistered') return fail(4002, `Line ${line} is not registered`);
    return null;
  }

  /** Only one call carries media: connecting one puts the others on hold. */
  private connect(call: SimCall, now: number): void {
    this.holdConnected(now, call);
    call.state = 'Connected';
    call.ringing = false;
    call.connectedAt ??= now;
    call.mediaSince = call.heldByFarEnd ? null : now;
    this.book.focus(call);
  }

  private holdConnected(now: number, except?: SimCall): void {
    for (const other of this.book.list()) {
      if (other !== except && other.state === 'Connected') this.putOnHold(other, now);
    }
  }

  private putOnHold(call: SimCall, now: number): void {
    pauseMedia(call, now);
    call.state = 'Hold';
    this.tell(call, { kind: 'held', held: true }, now);
  }

  /** Reports what this side did to the call's peer on another simulated phone, if any. */
  private tell(call: SimCall, event: FarEndEvent, now: number): void {
    const peer = call.peer;
    if (!peer) return;
    if (event.kind === 'ended' || event.kind === 'transferred') call.peer = null;
    peer.phone.farEnd(peer.handle, event, now);
  }

  /** How the far end hears this side leave: cancelled while it still rings, else a hang-up. */
  private endReason(call: SimCall): 'hung-up' | 'cancelled' | 'rejected' {
    if (call.state === 'Offering') return 'rejected';
    return RINGING_OUTGOING.includes(call.state) ? 'cancelled' : 'hung-up';
  }

  /** The call shows Disconnected briefly (like the phone's "call ended" display), then goes. */
  private disconnect(call: SimCall, reason: string, at: number): void {
    pauseMedia(call, at);
    call.state = 'Disconnected';
    call.ringing = false;
    call.endReason = reason;
    const linger = Math.min(1000, this.options.farEndAnswerMs);
    this.steps.push({ at: at + linger, handle: call.handle, kind: 'remove' });
  }

  private remove(call: SimCall, now: number): void {
    this.steps = this.steps.filter((s) => s.handle !== call.handle);
    this.book.remove(call, now);
  }

  private schedule(call: SimCall, timeline: readonly FarEndStep[], now: number): void {
    const unit = this.options.farEndAnswerMs;
    for (const step of timeline) {
      this.steps.push({ at: now + step.atFraction * unit, handle: call.handle, kind: step.kind });
    }
  }

  private applyStep(step: ScheduledStep): void {
    const call = this.find(step.handle);
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
