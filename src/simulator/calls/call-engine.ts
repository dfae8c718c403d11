import { pauseMedia } from './call-clock';
import type { CallLogs } from './call-logs';
import type {
  CallFailure,
  CallPeer,
  CallResult,
  FarEndEvent,
  LineCheck,
  PeerPhone,
  SimCall,
} from './call-types';
import { CallTransitions, endReason, RINGING_OUTGOING } from './call-transitions';
import { farEndFor, farEndTimeline, ringingTimeline, type FarEndBehaviour } from './dial-plan';

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

function fail(status: CallFailure['status'], message: string): CallFailure {
  return { ok: false, status, message };
}

/**
 * The phone's calls and what can be done with them: the user's operations, the far end's
 * (dial plan, control API) and, for a call to another simulated phone, what its peer reports
 * (`farEnd`). Each operation is checked here and made of the moves in call-transitions.ts.
 */
export class CallEngine implements PeerPhone {
  private readonly moves: CallTransitions;

  constructor(private readonly options: CallEngineOptions) {
    this.moves = new CallTransitions(options.farEndAnswerMs);
  }

  /** Brings the calls up to `now`: applies every far-end step due by then. */
  settle(now: number): void {
    this.moves.settle(now);
  }

  /** When the far end's next step is due (null: nothing waiting), for a phone that must act on time. */
  nextStepAt(): number | null {
    return this.moves.nextStepAt();
  }

  private get book(): CallTransitions['book'] {
    return this.moves.book;
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
    this.moves.holdConnected(now);
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
      this.moves.holdConnected(now);
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
      this.moves.schedule(call, ringingTimeline(), now);
    } else {
      call.farEnd = placed ?? farEndFor(destination);
      this.moves.schedule(call, farEndTimeline(call.farEnd), now);
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
          this.moves.cancelSteps(call);
          this.moves.connect(call, now);
        }
        return;
      case 'held':
        call.heldByFarEnd = event.held;
        if (event.held) pauseMedia(call, now);
        else if (call.state === 'Connected') call.mediaSince = now;
        return;
      case 'ended':
        call.peer = null;
        if (call.state === 'Offering') this.moves.remove(call, now);
        else if (call.state !== 'Disconnected' && call.state !== 'Dialtone') {
          this.moves.cancelSteps(call);
          this.moves.disconnect(
            call,
            event.why === 'rejected' ? 'Busy' : 'Call ended by far end',
            now,
          );
        }
        return;
      case 'transferred':
        // A blind transfer: this phone leaves the call and places a new one to the destination.
        call.peer = null;
        call.endReason = `Transferred to ${event.destination}`;
        this.moves.remove(call, now);
        this.dial(event.destination, call.line, 'SIP', now);
        return;
    }
  }

  /** The user hangs up whatever the call's state: a ringing call is refused, others end. */
  hangUp(handle: string, now: number): CallResult {
    this.settle(now);
    const call = this.find(handle);
    if (!call || call.state === 'Dialtone') return fail(4007, 'Call does not exist');
    this.moves.tell(call, { kind: 'ended', why: endReason(call) }, now);
    this.moves.remove(call, now);
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
    if (offer.ringMs !== undefined) this.moves.giveUpAt(call, now + offer.ringMs);
    return { ok: true, call };
  }

  answer(ref: string | undefined, now: number): CallResult {
    const call = this.book.pick(ref, (c) => c.state === 'Offering');
    if (!call) return fail(4007, 'Call does not exist');
    if (call.state !== 'Offering') return fail(4003, 'The call is not ringing');
    this.moves.connect(call, now);
    call.answered = true;
    this.moves.tell(call, { kind: 'answered' }, now);
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
    if (how === 'reject') this.moves.tell(call, { kind: 'ended', why: 'rejected' }, now);
    this.moves.remove(call, now);
    return { ok: true, call };
  }

  hold(ref: string | undefined, now: number): CallResult {
    const call = this.book.pick(ref, (c) => c.state === 'Connected');
    if (!call) return fail(4007, 'Call does not exist');
    if (call.state !== 'Connected') return fail(4003, 'Only a connected call can be held');
    this.moves.putOnHold(call, now);
    return { ok: true, call };
  }

  resume(ref: string | undefined, now: number): CallResult {
    const call = this.book.pick(ref, (c) => c.state === 'Hold');
    if (!call) return fail(4007, 'Call does not exist');
    if (call.state !== 'Hold') return fail(4003, 'The call is not on hold');
    this.moves.connect(call, now);
    this.moves.tell(call, { kind: 'held', held: false }, now);
    return { ok: true, call };
  }

  /** Hangs up a call from this phone; held and ringing calls are refused as on the phone. */
  end(ref: string, now: number): CallResult {
    const call = this.find(ref);
    if (!call) return fail(4007, 'Call does not exist');
    if (call.state === 'Hold') return fail(4003, 'Resume the held call before ending it');
    if (call.state === 'Offering') return fail(4003, 'Reject or ignore a ringing call');
    this.moves.tell(call, { kind: 'ended', why: endReason(call) }, now);
    this.moves.remove(call, now);
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
    this.moves.tell(call, { kind: 'transferred', destination }, now);
    this.moves.remove(call, now);
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
    this.moves.cancelSteps(call);
    this.moves.connect(call, now);
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
    this.moves.cancelSteps(call);
    if (call.state === 'Offering') this.moves.remove(call, now);
    else this.moves.disconnect(call, 'Call ended by far end', now);
    return { ok: true, call };
  }

  /** Ends every call (safeRestart/safeReboot) and logs them; peers hear the hang-up. */
  endAll(now: number): void {
    for (const call of [...this.book.list()]) {
      this.moves.tell(call, { kind: 'ended', why: endReason(call) }, now);
      this.moves.remove(call, now);
    }
    this.moves.cancelAll();
  }

  /** Forgets calls, logs and mute (simulator reset, factory reset); peers hear the hang-up. */
  reset(now: number): void {
    for (const call of this.book.list()) {
      this.moves.tell(call, { kind: 'ended', why: endReason(call) }, now);
    }
    this.book.clear();
    this.moves.cancelAll();
  }

  private checkLine(line: number): CallFailure | null {
    const state = this.options.lineCheck(line);
    if (state === 'missing') return fail(4005, `Line ${line} does not exist`);
    if (state === 'unregistered') return fail(4002, `Line ${line} is not registered`);
    return null;
  }
}
