import { randomBytes } from 'node:crypto';
import { callDurationSeconds, logKind, normaliseHandle, pauseMedia } from './call-clock';
import { CallLogs } from './call-logs';
import type { SimCall, SimCallState } from './call-types';

/**
 * The phone's list of calls and what it remembers about them: which one the UI has selected,
 * the phone-wide mute, and the call lists a finished call goes into. The state machine
 * (call-engine.ts) decides when calls change; this keeps the books.
 */
export class CallBook {
  readonly logs = new CallLogs();
  muted = false;
  lastEndedAt: number | null = null;
  private calls: SimCall[] = [];
  private focusHandle: string | null = null;
  private nextRtpPort = 2222;
  private handlesMade = 0;

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

  focus(call: SimCall): void {
    this.focusHandle = call.handle;
  }

  /** The call `ref` names, or (without ref) the focused call if it matches, else the first match. */
  pick(ref: string | undefined, matches: (c: SimCall) => boolean): SimCall | undefined {
    if (ref !== undefined && ref !== '') return this.find(ref);
    const focused = this.focused();
    if (focused && matches(focused)) return focused;
    return this.calls.find(matches);
  }

  /** A new call at the end of the list. */
  create(
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
      peer: null,
      heldByFarEnd: false,
      endReason: '',
      dtmf: '',
      sipCallId: `${randomBytes(4).toString('hex')}-${randomBytes(4).toString('hex')}@127.0.0.1`,
      rtpPort: this.nextRtpPort,
    };
    this.nextRtpPort = this.nextRtpPort >= 2990 ? 2222 : this.nextRtpPort + 2;
    this.calls.push(call);
    return call;
  }

  /** Takes a finished call off the list and into its call list; mute ends with the last call. */
  remove(call: SimCall, now: number): void {
    pauseMedia(call, now);
    this.calls = this.calls.filter((c) => c !== call);
    if (this.focusHandle === call.handle) {
      const next = this.calls.find((c) => c.state === 'Connected') ?? this.calls.at(-1);
      this.focusHandle = next?.handle ?? null;
    }
    if (this.calls.length === 0) this.muted = false;
    const kind = logKind(call);
    if (!kind) return;
    this.lastEndedAt = now;
    this.logs.add(kind, {
      line: call.line,
      startedAt: call.createdAt,
      remoteName: call.remoteName,
      remoteNumber: call.remoteNumber,
      dialType: call.dialType,
      connected: call.connectedAt !== null,
      durationSeconds: call.connectedAt === null ? 0 : callDurationSeconds(call, now),
    });
  }

  /** Forgets calls, call lists and mute. */
  clear(): void {
    this.calls = [];
    this.focusHandle = null;
    this.muted = false;
    this.lastEndedAt = null;
    this.handlesMade = 0;
    this.logs.clear();
  }

  /**
   * A handle as the phone makes them, eight hex digits. The second, fourth… since the phone
   * started (or was reset) has exactly one leading 0, as a real phone's do now and then (they are
   * memory addresses), so the form without leading zeros (`0x3740b48`) shows up in every session;
   * the others have none.
   */
  private uniqueHandle(): string {
    this.handlesMade += 1;
    for (;;) {
      const bytes = randomBytes(4);
      const top = bytes[0] ?? 0;
      bytes[0] = this.handlesMade % 2 === 0 ? top & 0x0f || 1 : top | 0x10;
      const handle = bytes.toString('hex');
      if (!this.find(handle)) return handle;
    }
  }
}
