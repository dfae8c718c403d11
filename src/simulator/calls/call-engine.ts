import { randomBytes } from 'node:crypto';
import { CallLogs } from './call-logs';
import {
  callDurationSeconds,
  callMediaMs,
  failReason,
  logKind,
  normaliseHandle,
} from './call-clock';
import type { CallFailure, CallResult, LineCheck, SimCall, SimCallState } from './call-types';
import { farEndFor, farEndTimeline, type FarEndStep } from './dial-plan';

interface ScheduledStep {
  at: number;
  handle: string;
  kind: FarEndStep['kind'] | 'remove' | 'give-up';
}

export interface CallEngineOptions {
  farEndAnswerMs: number;
  lineCheck: (line: number) => LineCheck;
  onDial: (destination: string, line: number) => void;
}

const MAX_CALLS = 8;
const RINGING_OUTGOING: readonly SimCallState[] = ['Setup', 'Proceeding', 'RingBack'];

function fail(status: CallFailure['status'], message: string): CallFailure {
  return { ok: false, status, message };
}

/**
 * The phone's calls and their state machine. Nothing runs on a timer: far-end reactions are
 * scheduled as timestamps and applied by `settle(now)`, which every request calls first, so a
 * phone costs nothing while nobody looks at it.
 */
export class CallEngine {
  readonly logs = new CallLogs();
  private calls: SimCall[] = [];
  private steps: ScheduledStep[] = [];
  private focusHandle: string | null = null;
  private mutedFlag = false;
  private lastCallEndedAt: number | null = null;
  private nextRtpPort = 2222;

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
    return this.calls;
  }

  find(handle: string): SimCall | undefined {
    const wanted = normaliseHandle(handle);
    return this.calls.find((c) => c.handle === wanted);
  }

  /** The call the phone's UI has selected (its appearance index carries the `*`). */
  focused(): SimCall | undefined {
    return this.calls.find((c) => c.handle === this.focusHandle);
  }

  focus(handle: string): void {
    if (this.find(handle)) this.focusHandle = normaliseHandle(handle);
  }

  get muted(): boolean {
    return this.mutedFlag;
  }

  get lastEndedAt(): number | null {
    return this.lastCallEndedAt;
  }

  /** Opens a call in Dialtone (New Call softkey, off-hook) on a line. */
  newCall(line: number, now: number): CallResult {
    const lineProblem = this.checkLine(line);
    if (lineProblem) return lineProblem;
    const existing = this.calls.find((c) => c.state === 'Dialtone');
    if (existing) return { ok: true, call: existing };
    if (this.calls.length >= MAX_CALLS) return fail(4003, 'Too many calls');
    this.holdConnected(now);
    const call = this.create('Outgoing', 'Dialtone', line, '', '', now);
    this.focusHandle = call.handle;
    return { ok: true, call };
  }

  /** Places a call; a call waiting in Dialtone on the same line is used for it. */
  dial(destination: string, line: number, dialType: string, now: number): CallResult {
    const lineProblem = this.checkLine(line);
    if (lineProblem) return lineProblem;
    let call = this.calls.find((c) => c.state === 'Dialtone' && c.line === line);
    if (!call) {
      if (this.calls.length >= MAX_CALLS) return fail(4003, 'Too many calls');
      this.holdConnected(now);
      call = this.create('Outgoing', 'Setup', line, destination, '', now);
    }
    call.state = 'Setup';
    call.remoteNumber = destination;
    call.remoteName = destination;
    call.dialType = dialType;
    call.createdAt = now;
    call.farEnd = farEndFor(destination);
    this.focusHandle = call.handle;
    const unit = this.options.farEndAnswerMs;
    for (const step of farEndTimeline(call.farEnd)) {
      this.steps.push({ at: now + step.atFraction * unit, handle: call.handle, kind: step.kind });
    }
    this.options.onDial(destination, line);
    return { ok: true, call };
  }

  /** An incoming call starts ringing; null when do-not-disturb sends it straight to missed. */
  ring(
    from: string,
    name: string,
    line: number,
    now: number,
    dnd: boolean,
    ringMs?: number,
  ): CallResult | null {
    const lineProblem = this.checkLine(line);
    if (lineProblem) return lineProblem;
    if (dnd || this.calls.length >= MAX_CALLS) {
      this.logs.add('missed', {
        line,
        startedAt: now,
        remoteName: name,
        remoteNumber: from,
        durationSeconds: 0,
      });
      return null;
    }
    const call = this.create('Incoming', 'Offering', line, from, name, now);
    call.ringing = true;
    if (!this.focused() || this.focused()?.state === 'Disconnected') this.focusHandle = call.handle;
    if (ringMs !== undefined)
      this.steps.push({ at: now + ringMs, handle: call.handle, kind: 'give-up' });
    return { ok: true, call };
  }

  answer(ref: string | undefined, now: number): CallResult {
    const call = this.pick(ref, (c) => c.state === 'Offering');
    if (!call) return fail(4007, 'Call does not exist');
    if (call.state !== 'Offering') return fail(4003, 'The call is not ringing');
    this.connect(call, now);
    call.answered = true;
    return { ok: true, call };
  }

  /** Ignore and reject both take the ringing call off the phone; it is logged as missed. */
  decline(ref: string | undefined, now: number): CallResult {
    const call = this.pick(ref, (c) => c.state === 'Offering');
    if (!call) return fail(4007, 'Call does not exist');
    if (call.state !== 'Offering') return fail(4003, 'The call is not ringing');
    this.remove(call, now);
    return { ok: true, call };
  }

  hold(ref: string | undefined, now: number): CallResult {
    const call = this.pick(ref, (c) => c.state === 'Connected');
    if (!call) return fail(4007, 'Call does not exist');
    if (call.state !== 'Connected') return fail(4003, 'Only a connected call can be held');
    this.pauseMedia(call, now);
    call.state = 'Hold';
    return { ok: true, call };
  }

  resume(ref: string | undefined, now: number): CallResult {
    const call = this.pick(ref, (c) => c.state === 'Hold');
    if (!call) return fail(4007, 'Call does not exist');
    if (call.state !== 'Hold') return fail(4003, 'The call is not on hold');
    this.connect(call, now);
    return { ok: true, call };
  }

  /** Hangs up a call from this phone; held and ringing calls are refused as on the phone. */
  end(ref: string, now: number): CallResult {
    const call = this.find(ref);
    if (!call) return fail(4007, 'Call does not exist');
    if (call.state === 'Hold') return fail(4003, 'Resume the held call before ending it');
    if (call.state === 'Offering') return fail(4003, 'Reject or ignore a ringing call');
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
    this.remove(call, now);
    return { ok: true, call };
  }

  sendDtmf(digits: string): CallResult {
    const focused = this.focused();
    const call =
      focused?.state === 'Connected' ? focused : this.calls.find((c) => c.state === 'Connected');
    if (!call) return fail(4007, 'No connected call to send tones to');
    call.dtmf += digits;
    return { ok: true, call };
  }

  /** Phone-wide microphone mute; needs a call, and not a held one. */
  setMute(muted: boolean): CallFailure | null {
    const call = this.focused() ?? this.calls[0];
    if (!call) return fail(4007, 'Call does not exist');
    if (call.state === 'Hold') return fail(4003, 'The call is on hold');
    this.mutedFlag = muted;
    return null;
  }

  /** The far end answers now (control API), whatever the dial plan said. */
  remoteAnswer(handle: string, now: number): CallResult {
    const call = this.find(handle);
    if (!call) return fail(4007, 'Call does not exist');
    if (call.direction !== 'Outgoing' || !RINGING_OUTGOING.includes(call.state)) {
      return fail(4003, 'Only an outgoing call that is ringing can be answered by the far end');
    }
    this.steps = this.steps.filter((s) => s.handle !== call.handle);
    this.connect(call, now);
    return { ok: true, call };
  }

  /** The far end hangs up (control API); a ringing incoming call becomes a missed call. */
  remoteHangUp(handle: string, now: number): CallResult {
    const call = this.find(handle);
    if (!call || call.state === 'Dialtone') return fail(4007, 'Call does not exist');
    this.steps = this.steps.filter((s) => s.handle !== call.handle);
    if (call.state === 'Offering') this.remove(call, now);
    else this.disconnect(call, 'Call ended by far end', now);
    return { ok: true, call };
  }

  /** Ends every call (safeRestart/safeReboot) and logs them. */
  endAll(now: number): void {
    for (const call of [...this.calls]) this.remove(call, now);
    this.steps = [];
  }

  /** Forgets calls, logs and mute (simulator reset, factory reset). */
  reset(): void {
    this.calls = [];
    this.steps = [];
    this.focusHandle = null;
    this.mutedFlag = false;
    this.lastCallEndedAt = null;
    this.logs.clear();
  }

  private checkLine(line: number): CallFailure | null {
    const state = this.options.lineCheck(line);
    if (state === 'missing') return fail(4005, `Line ${line} does not exist`);
    if (state === 'unregistered') return fail(4002, `Line ${line} is not registered`);
    return null;
  }

  /** The call `ref` names, or (without ref) the focused call if it matches, else the first match. */
  private pick(ref: string | undefined, matches: (c: SimCall) => boolean): SimCall | undefined {
    if (ref !== undefined && ref !== '') return this.find(ref);
    const focused = this.focused();
    if (focused && matches(focused)) return focused;
    return this.calls.find(matches);
  }

  private create(
    direction: SimCall['direction'],
    state: SimCallState,
    line: number,
    number: string,
    name: string,
    now: number,
  ): SimCall {
    const call: SimCall = {
      handle: this.uniqueHandle(),
      line,
      direction,
      state,
      remoteNumber: number,
      remoteName: name || number,
      dialType: 'TEL',
      createdAt: now,
      connectedAt: null,
      mediaMs: 0,
      mediaSince: null,
      ringing: false,
      answered: false,
      farEnd: null,
      endReason: '',
      dtmf: '',
      sipCallId: `${randomBytes(4).toString('hex')}-${randomBytes(4).toString('hex')}@127.0.0.1`,
      rtpPort: this.nextRtpPort,
    };
    this.nextRtpPort = this.nextRtpPort >= 2990 ? 2222 : this.nextRtpPort + 2;
    this.calls.push(call);
    return call;
  }

  private uniqueHandle(): string {
    for (;;) {
      const handle = randomBytes(4).toString('hex');
      if (!this.find(handle)) return handle;
    }
  }

  /** Only one call carries media: connecting one puts the others on hold. */
  private connect(call: SimCall, now: number): void {
    this.holdConnected(now, call);
    call.state = 'Connected';
    call.ringing = false;
    call.connectedAt ??= now;
    call.mediaSince = now;
    this.focusHandle = call.handle;
  }

  private holdConnected(now: number, except?: SimCall): void {
    for (const other of this.calls) {
      if (other !== except && other.state === 'Connected') {
        this.pauseMedia(other, now);
        other.state = 'Hold';
      }
    }
  }

  private pauseMedia(call: SimCall, now: number): void {
    call.mediaMs = callMediaMs(call, now);
    call.mediaSince = null;
  }

  /** The call shows Disconnected briefly (like the phone's "call ended" display), then goes. */
  private disconnect(call: SimCall, reason: string, at: number): void {
    this.pauseMedia(call, at);
    call.state = 'Disconnected';
    call.ringing = false;
    call.endReason = reason;
    const linger = Math.min(1000, this.options.farEndAnswerMs);
    this.steps.push({ at: at + linger, handle: call.handle, kind: 'remove' });
  }

  private remove(call: SimCall, now: number): void {
    this.pauseMedia(call, now);
    this.calls = this.calls.filter((c) => c !== call);
    this.steps = this.steps.filter((s) => s.handle !== call.handle);
    if (this.focusHandle === call.handle) {
      const next = this.calls.find((c) => c.state === 'Connected') ?? this.calls.at(-1);
      this.focusHandle = next?.handle ?? null;
    }
    if (this.calls.length === 0) this.mutedFlag = false;
    const kind = logKind(call);
    if (!kind) return;
    this.lastCallEndedAt = now;
    this.logs.add(kind, {
      line: call.line,
      startedAt: call.createdAt,
      remoteName: call.remoteName,
      remoteNumber: call.remoteNumber,
      durationSeconds: call.connectedAt === null ? 0 : callDurationSeconds(call, now),
    });
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
