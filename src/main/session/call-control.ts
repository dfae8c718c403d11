/**
 * The `calls.*` verbs of one phone: dial, answer, hold, transfer, tones, logs. Actions go to the
 * phone's queue at 'action' priority, the logs a user waits for at 'interactive'. Every value is
 * checked with the contract's own rules first, so callers other than the dispatcher (the CLI,
 * tests, benchmarks) get the same refusals in the same words.
 */
import type { Call, CallLogEntry } from '../../shared/domain';
import { callHandle, dtmfDigits, lineNumber, phoneDestination } from '../../shared/value-rules';
import { checked } from '../ground/checked';
import { parseDestination } from '../ground/dial-destination';
import { toPhoneError } from '../vvx/phone-error';
import { normaliseHandle } from '../vvx/vvx-values';
import { isNewOutgoingCall } from './live/call-tracker';
import type { PhoneLink } from './phone-link';
import type { SessionArgs } from './session-args';

/** How often to look for the call a dial or answer produced, and how long to wait between. */
const FIND_CALL_DELAYS_MS = [0, 100, 300];

/** What a dial takes: a parsed destination (see parseDialTarget), the line and its kind. */
export interface DialInput {
  destination: string;
  line?: number;
  type?: 'TEL' | 'SIP';
}

/** Call control for one phone; see the module comment. */
export class CallControl {
  constructor(private readonly link: PhoneLink) {}

  /**
   * Dials once and resolves with the call this dial produced: the calls are read right before,
   * so an older call to the same number is never taken for it. Never retried after an unknown
   * outcome (a dial must not ring twice): the calls are read instead, and a new outgoing call
   * there is the answer; otherwise 'outcome-unknown'.
   */
  async dial(input: DialInput): Promise<{ handle: string | null }> {
    const destination = checked(phoneDestination, input.destination, 'destination');
    const line = checked(lineNumber, input.line ?? 1, 'line');
    const { link } = this;
    let before = new Set<string>();
    try {
      // One turn of the queue for both requests, so no other request comes between them.
      await link.action(async () => {
        before = await this.callsBeforeDial();
        await link.client.dial(destination, line, input.type ?? 'TEL');
      }, false);
    } catch (error) {
      const problem = toPhoneError(error);
      if (problem.code !== 'outcome-unknown') throw problem;
      // The answer was lost, but the phone may have dialled: its calls tell, never a second dial.
      const handle = await this.findCall((call) => isNewOutgoingCall(call, before, destination));
      if (handle !== null) return { handle };
      // Unconfirmed: keep reading the calls, so a call that did ring still shows up.
      link.readCallsSoon();
      throw problem;
    }
    return { handle: await this.findCall((call) => isNewOutgoingCall(call, before, destination)) };
  }

  /**
   * Answers the given call, or the ringing one; resolves with the answered call's handle. With
   * `others`, the calls up now are first held or ended, in the same turn of the queue (call
   * waiting's "Hold & answer", "End & answer").
   */
  async answer({
    handle,
    others,
  }: SessionArgs<'calls.answer'>): Promise<{ handle: string | null }> {
    const target = this.givenOrRinging(handle);
    const ref = this.refOf(target);
    const { link } = this;
    const up = link.live.calls.filter((call) => call.state === 'Connected');
    const ended: string[] = [];
    await link.action(async () => {
      for (const call of others === undefined ? [] : up) {
        const callRef = link.phoneRef(call.handle);
        if (others === 'hold') await link.client.holdCall(callRef);
        else {
          await link.client.endCall(callRef);
          ended.push(call.handle);
        }
      }
      await link.client.answerCall(ref);
    }, false);
    for (const gone of ended) link.noteEnded(gone);
    const match = (call: Call) => (target === undefined ? call.active : call.handle === target);
    return { handle: await this.findCall(match) };
  }

  /** Silences a ringing call (the ringing one without a handle) without rejecting it. */
  async ignore({ handle }: SessionArgs<'calls.ignore'>): Promise<void> {
    const target = this.givenOrRinging(handle);
    await this.link.action(() => this.link.client.ignoreCall(this.refOf(target)));
    if (target !== undefined) this.link.noteEnded(target);
  }

  /** Rejects a ringing call (the ringing one without a handle). */
  async reject({ handle }: SessionArgs<'calls.reject'>): Promise<void> {
    const target = this.givenOrRinging(handle);
    await this.link.action(() => this.link.client.rejectCall(this.refOf(target)));
    if (target !== undefined) this.link.noteEnded(target);
  }

  /** Holds a call (the active one without a handle). */
  async hold({ handle }: SessionArgs<'calls.hold'>): Promise<void> {
    const ref = handle === undefined ? undefined : this.ref(handle);
    return this.link.action(() => this.link.client.holdCall(ref));
  }

  /**
   * Resumes a held call (the active one without a handle). A call talking now is held first, in
   * the same turn of the queue: a swap between two calls is one press, whatever the firmware
   * does with a second connected call.
   */
  async resume({ handle }: SessionArgs<'calls.resume'>): Promise<void> {
    const key = handle === undefined ? undefined : this.checkedHandle(handle);
    const { link } = this;
    const talking =
      key === undefined
        ? []
        : link.live.calls.filter((call) => call.state === 'Connected' && call.handle !== key);
    return link.action(async () => {
      for (const call of talking) await link.client.holdCall(link.phoneRef(call.handle));
      await link.client.resumeCall(key === undefined ? undefined : link.phoneRef(key));
    });
  }

  /**
   * Ends a call in one step, whatever its state. Phones refuse to end a held call, so a held one
   * is resumed and ended in the same turn of the queue, and the call that was talking before is
   * resumed again (resuming one call holds the others).
   */
  async end({ handle }: SessionArgs<'calls.end'>): Promise<void> {
    const key = this.checkedHandle(handle);
    const { link } = this;
    const ref = link.phoneRef(key);
    const held = link.live.findCall(key)?.state === 'Hold';
    const talking = held
      ? link.live.calls.find((call) => call.state === 'Connected' && call.handle !== key)
      : undefined;
    await link.action(async () => {
      if (held) await link.client.resumeCall(ref);
      await link.client.endCall(ref);
      if (talking !== undefined) await link.client.resumeCall(link.phoneRef(talking.handle));
    });
    link.noteEnded(key);
  }

  /** Mutes or unmutes the microphone. */
  async mute({ muted }: SessionArgs<'calls.mute'>): Promise<void> {
    return this.link.action(() => this.link.client.mute(muted));
  }

  /** Blind-transfers a call to what a user asked for (run through the dial-target parser). */
  async transfer({ handle, destination }: SessionArgs<'calls.transfer'>): Promise<void> {
    const ref = this.ref(handle);
    const target = checked(
      phoneDestination,
      parseDestination(destination).destination,
      'destination',
    );
    await this.link.action(() => this.link.client.transferCall(ref, target));
    this.link.noteEnded(handle);
  }

  /** Sends DTMF digits on the active call. */
  async sendDtmf({ digits }: SessionArgs<'calls.sendDtmf'>): Promise<void> {
    const tones = checked(dtmfDigits, digits, 'digits');
    return this.link.action(() => this.link.client.sendDtmf(tones), false);
  }

  /** Call logs, all kinds or one, each with how it ended where Deskpilot saw it end. */
  async logs({ kind }: SessionArgs<'calls.logs'>): Promise<CallLogEntry[]> {
    const entries = await this.link.read(
      () => this.link.client.callLogs(kind),
      `callLogs:${kind ?? 'all'}`,
    );
    return this.link.live.endings.annotate(entries);
  }

  /** The calls up right before a dial, read from the phone; the last known ones if unreadable. */
  private async callsBeforeDial(): Promise<Set<string>> {
    const startedAt = Date.now();
    try {
      this.link.noteCalls(await this.link.client.callStatusV2(), startedAt);
    } catch {
      // Dial anyway: the dial's own answer says what is wrong with the phone.
    }
    return new Set(this.link.live.calls.map((call) => call.handle));
  }

  /** A handle given to a verb, checked, in the spelling calls are kept under. */
  private checkedHandle(handle: string): string {
    return normaliseHandle(checked(callHandle, handle, 'handle'));
  }

  /** A handle given to a verb, checked, in the form this phone takes it. */
  private ref(handle: string): string {
    return this.link.phoneRef(this.checkedHandle(handle));
  }

  /** The form this phone takes `handle` in; none when there is no handle (the phone picks). */
  private refOf(handle: string | undefined): string | undefined {
    return handle === undefined ? undefined : this.link.phoneRef(handle);
  }

  /** The given call, checked, or (none given) the ringing incoming call, if one rings. */
  private givenOrRinging(handle: string | undefined): string | undefined {
    if (handle !== undefined) return this.checkedHandle(handle);
    return this.link.live.calls.find(
      (call) => call.direction === 'Incoming' && call.state === 'Offering',
    )?.handle;
  }

  /**
   * Re-reads the calls until one matches (the phone acknowledges before the call exists). Null
   * when none shows, or the calls cannot be read: the action itself succeeded, so reporting a
   * failure here could make a user dial twice.
   */
  private async findCall(match: (call: Call) => boolean): Promise<string | null> {
    for (const delay of FIND_CALL_DELAYS_MS) {
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      try {
        await this.link.readCalls('action');
      } catch (error) {
        this.link.noteFailure(toPhoneError(error));
        return null;
      }
      const found = this.link.live.calls.find(match);
      if (found !== undefined) return found.handle;
    }
    return null;
  }
}
