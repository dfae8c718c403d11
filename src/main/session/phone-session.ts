/**
 * One phone's live session: the client, its serial queue, the adaptive poller and the state it
 * keeps, behind the verbs every UI uses. Actions go to the queue at 'action' priority, reads
 * a user waits for at 'interactive', background polls and remote-screen reads at 'poll'. Plain
 * Node: no electron.
 */
import type {
  ConfigValue,
  DeviceDetails,
  HardwareKey,
  LineDetails,
  MediaSample,
  ScreenCapture,
} from '../../shared/contract';
import type { Call, CallLogEntry, CallLogKind, Line, PhoneStatus } from '../../shared/domain';
import { normaliseFingerprint } from '../vvx/pinned-connector';
import { PhoneError, toPhoneError } from '../vvx/phone-error';
import { RequestQueue, type QueuePriority } from '../vvx/request-queue';
import { VvxClient, type EndpointTimeouts, type TouchType } from '../vvx/vvx-client';
import { nameBatches, valueBatches } from './config-batches';
import { isNewOutgoingCall } from './call-tracker';
import { toDeviceDetails, toLineDetails, toMediaSamples } from './device-views';
import { LivePoller } from './live-poller';
import { PhoneState, type SessionListener } from './phone-state';
import { describeScreen, firmwareAtLeast } from './screen-facts';
import {
  checkConfigNames,
  checkDestination,
  checkDigits,
  checkHandle,
  checkLine,
  checkTouch,
} from './session-input';

export interface PhoneSessionOptions {
  phoneId: string;
  url: string;
  username: string;
  password: string;
  pinnedFingerprint: string | null;
  pollIntervalIdleMs: number;
  pollIntervalActiveMs: number;
  queueLimit?: number;
  /** Per-endpoint-class timeouts (tests and benchmarks shorten them). */
  timeouts?: Partial<EndpointTimeouts>;
  /** First retry delay for busy answers (doubles per attempt, with jitter). */
  retryBackoffMs?: number;
}

/** How often to look for the call a dial or answer produced, and how long to wait between. */
const FIND_CALL_DELAYS_MS = [0, 100, 300];

/** A phone's live session; see the module comment. */
export class PhoneSession {
  private client: VvxClient;
  private readonly queue: RequestQueue;
  private readonly state: PhoneState;
  private readonly poller: LivePoller;
  private touchEnabled: { value: boolean; at: number } | null = null;
  /** Learned from the phone's answer to a key press; until then guessed from the firmware. */
  private keysSupported: boolean | null = null;

  constructor(private readonly options: PhoneSessionOptions) {
    this.client = this.createClient(options.pinnedFingerprint);
    this.queue = new RequestQueue({ limit: options.queueLimit, backoffMs: options.retryBackoffMs });
    this.state = new PhoneState(options.phoneId);
    this.poller = new LivePoller({
      queue: this.queue,
      client: () => this.client,
      state: this.state,
      idleMs: options.pollIntervalIdleMs,
      activeMs: options.pollIntervalActiveMs,
    });
  }

  /** Begins adaptive polling. */
  start(): void {
    this.poller.start();
  }

  /** Cancels queued work (PhoneError 'cancelled'), stops polling and closes the connection. */
  async stop(): Promise<void> {
    this.poller.stop();
    this.queue.close();
    await this.client.close();
  }

  /** The phone's state right now. */
  snapshot(): { status: PhoneStatus; lines: Line[]; calls: Call[] } {
    return { status: this.state.status, lines: [...this.state.lines], calls: this.state.callList };
  }

  /** Subscribes to this phone's events; returns the unsubscribe function. */
  on(listener: SessionListener): () => void {
    return this.state.on(listener);
  }

  /** Requests and statistics so far, for tests and benchmarks. */
  get diagnostics(): { connectionsOpened: number; queue: RequestQueue['stats'] } {
    return { connectionsOpened: this.client.connectionsOpened, queue: this.queue.stats };
  }

  /** Accept a new certificate after the user confirmed its fingerprint (reconnects). */
  setPinnedFingerprint(fingerprint: string): void {
    const previous = this.client;
    this.client = this.createClient(normaliseFingerprint(fingerprint));
    previous.close().catch(() => undefined);
    this.poller.wake();
  }

  // ---- calls --------------------------------------------------------------------------------

  /**
   * Dials once and resolves with the call this dial produced: the calls are read right before,
   * so an older call to the same number is never taken for it. Never
   * retried after an unknown outcome (a dial must not ring twice): the calls are read instead,
   * and a new outgoing call there is the answer; otherwise 'outcome-unknown'.
   */
  async dial(
    destination: string,
    options: { line?: number; type?: 'TEL' | 'SIP' } = {},
  ): Promise<{ handle: string | null }> {
    const dest = checkDestination(destination);
    const line = checkLine(options.line ?? 1);
    let before = new Set<string>();
    try {
      // One turn of the queue for both requests, so no other request comes between them.
      await this.action(async () => {
        before = await this.callsBeforeDial();
        await this.client.dial(dest, line, options.type ?? 'TEL');
      }, false);
    } catch (error) {
      const problem = toPhoneError(error);
      if (problem.code !== 'outcome-unknown') throw problem;
      // The answer was lost, but the phone may have dialled: its calls tell, never a second dial.
      const handle = await this.findCall((call) => isNewOutgoingCall(call, before, dest));
      if (handle !== null) return { handle };
      // Unconfirmed: keep reading the calls, so a call that did ring still shows up.
      this.poller.refreshSoon();
      throw problem;
    }
    return { handle: await this.findCall((call) => isNewOutgoingCall(call, before, dest)) };
  }

  /**
   * Reads the phone's calls now (at interactive priority, merged with a pending poll) and returns
   * them, so a command that starts a session need not wait for the poller's first reads.
   */
  async refresh(): Promise<Call[]> {
    await this.poller.refreshCalls('interactive');
    return this.state.callList;
  }

  /** The calls up right before a dial, read from the phone; the last known ones if unreadable. */
  private async callsBeforeDial(): Promise<Set<string>> {
    try {
      this.state.applyCalls(await this.client.callStatusV2(), Date.now());
    } catch {
      // Dial anyway: the dial's own answer says what is wrong with the phone.
    }
    return new Set(this.state.callList.map((call) => call.handle));
  }

  /** Answers the given call, or the ringing one; resolves with the answered call's handle. */
  async answer(handle?: string): Promise<{ handle: string | null }> {
    const ref = handle === undefined ? this.ringingHandle() : checkHandle(handle);
    await this.action(() => this.client.answerCall(ref), false);
    const match = (call: Call) => (ref === undefined ? call.active : call.handle === `0x${ref}`);
    return { handle: await this.findCall(match) };
  }

  /** Silences a ringing call without rejecting it. */
  async ignore(handle?: string): Promise<void> {
    const ref = handle === undefined ? this.ringingHandle() : checkHandle(handle);
    return this.action(() => this.client.ignoreCall(ref));
  }

  /** Rejects a ringing call. */
  async reject(handle?: string): Promise<void> {
    const ref = handle === undefined ? this.ringingHandle() : checkHandle(handle);
    return this.action(() => this.client.rejectCall(ref));
  }

  /** Holds a call (the active one without a handle). */
  async hold(handle?: string): Promise<void> {
    const ref = handle === undefined ? undefined : checkHandle(handle);
    return this.action(() => this.client.holdCall(ref));
  }

  /** Resumes a held call (the active one without a handle). */
  async resume(handle?: string): Promise<void> {
    const ref = handle === undefined ? undefined : checkHandle(handle);
    return this.action(() => this.client.resumeCall(ref));
  }

  /** Ends a call. */
  async end(handle: string): Promise<void> {
    const ref = checkHandle(handle);
    return this.action(() => this.client.endCall(ref));
  }

  /** Mutes or unmutes the microphone. */
  async mute(muted: boolean): Promise<void> {
    return this.action(() => this.client.mute(muted));
  }

  /** Blind-transfers a call. */
  async transfer(handle: string, destination: string): Promise<void> {
    const ref = checkHandle(handle);
    const dest = checkDestination(destination);
    return this.action(() => this.client.transferCall(ref, dest));
  }

  /** Sends DTMF digits on the active call. */
  async sendDtmf(digits: string): Promise<void> {
    const checked = checkDigits(digits);
    return this.action(() => this.client.sendDtmf(checked), false);
  }

  /** Call logs, all kinds or one. */
  async callLogs(kind?: CallLogKind): Promise<CallLogEntry[]> {
    return this.read(() => this.client.callLogs(kind), `callLogs:${kind ?? 'all'}`);
  }

  // ---- screen -------------------------------------------------------------------------------

  /**
   * What the screen shows, with its size and whether touch and keys can be simulated. Read at
   * poll priority: the remote screen refreshes on an interval and must never hold up call
   * control or a read a user waits for. Touches and keys stay actions.
   */
  async screen(): Promise<ScreenCapture> {
    const xml = await this.admin(() => this.read(() => this.client.uixml(), 'uixml', 'poll'));
    const automation = await this.touchSimulationEnabled();
    return describeScreen({
      xml,
      model: this.state.status.model ?? '',
      automation,
      keys: this.keysSupported ?? firmwareAtLeast(this.state.status.firmware ?? '', 5, 7),
      capturedAt: Date.now(),
    });
  }

  /** Simulates a touch at screen pixels. */
  async touch(
    type: TouchType,
    positions: { x: number; y: number }[],
    durationMs?: number,
  ): Promise<void> {
    checkTouch(type, positions);
    return this.admin(() =>
      this.action(() => this.client.simulateTouch({ type, positions, durationMs }), false),
    );
  }

  /** Presses a hardware key; remembers whether the firmware can, for screen(). */
  async key(key: HardwareKey): Promise<void> {
    try {
      await this.admin(() => this.action(() => this.client.simulateKeyEvent(key), false));
      this.keysSupported = true;
    } catch (error) {
      if (toPhoneError(error).code === 'not-supported') this.keysSupported = false;
      throw error;
    }
  }

  // ---- device and admin ---------------------------------------------------------------------

  /** Device, network, statistics, location and attached hardware, as key/value groups. */
  async deviceDetails(): Promise<DeviceDetails> {
    return this.admin(async () => {
      const info = await this.read(() => this.client.deviceInfoV2(), 'deviceInfo');
      const network = await this.read(() => this.client.networkInfo(), 'networkInfo');
      const networkStats = await this.read(() => this.client.networkStats(), 'networkStats');
      const stats = await this.read(() => this.client.deviceStats(), 'deviceStats');
      const location = await this.read(() => this.client.locationInfo(), 'locationInfo');
      return toDeviceDetails({ device: info.raw, network, networkStats, stats, location });
    });
  }

  /** Every line with registration, servers and forwarding. */
  async lineDetails(): Promise<LineDetails[]> {
    const lines = await this.admin(() => this.read(() => this.client.lineInfoV2(), 'lineInfo'));
    return lines.map(toLineDetails);
  }

  /** Media statistics of the current calls. */
  async media(): Promise<MediaSample[]> {
    const sessions = await this.admin(() => this.read(() => this.client.sessionStats(), 'media'));
    return toMediaSamples(sessions, Date.now());
  }

  /** Restarts the phone application once calls end. */
  async restart(): Promise<void> {
    await this.admin(() => this.action(() => this.client.safeRestart(), false));
    this.poller.expectReboot();
  }

  /** Reboots the phone once calls end. */
  async reboot(): Promise<void> {
    await this.admin(() => this.action(() => this.client.safeReboot(), false));
    this.poller.expectReboot();
  }

  /** Resets configuration: all, or one source. */
  async resetConfig(scope: 'all' | 'local' | 'web' | 'device'): Promise<void> {
    return this.admin(() => this.action(() => this.client.configReset(scope), false));
  }

  /** Factory-resets the phone (it reboots; its certificate may change afterwards). */
  async factoryReset(): Promise<void> {
    await this.admin(() => this.action(() => this.client.factoryReset(), false));
    this.poller.expectReboot();
  }

  /** Uploads the background packet capture. */
  async uploadCapture(url?: string): Promise<void> {
    return this.action(() => this.client.uploadBgCapture(url), false);
  }

  /** Reads configuration values (any number of names: sent in batches of 20). */
  async getConfig(names: string[]): Promise<Record<string, ConfigValue | null>> {
    return this.readConfig(names, 'interactive');
  }

  /** Reads configuration in batches of 20 at the given priority. */
  private async readConfig(
    names: string[],
    priority: QueuePriority,
  ): Promise<Record<string, ConfigValue | null>> {
    checkConfigNames(names);
    const result: Record<string, ConfigValue | null> = {};
    for (const batch of nameBatches(names)) {
      const values = await this.admin(() =>
        this.read(() => this.client.getConfig(batch), `config:${batch.join(',')}`, priority),
      );
      Object.assign(result, values);
    }
    return result;
  }

  /** Sets configuration values (any number: sent in batches of 20, in order). */
  async setConfig(values: Record<string, string>): Promise<void> {
    checkConfigNames(Object.keys(values));
    for (const batch of valueBatches(values)) {
      await this.admin(() => this.action(() => this.client.setConfig(batch), false));
    }
    this.touchEnabled = null;
  }

  /** Exports configuration to a URL. */
  async exportConfig(url: string, type: string): Promise<void> {
    return this.admin(() => this.action(() => this.client.exportConfig(url, type), false));
  }

  /** The phone's transfer type. */
  async getTransferType(): Promise<{ type: string }> {
    return this.read(() => this.client.getTransferType(), 'transferType');
  }

  /** Sets the transfer type. */
  async setTransferType(type: string): Promise<void> {
    return this.action(() => this.client.setTransferType(type), false);
  }

  // ---- plumbing -----------------------------------------------------------------------------

  private createClient(pinned: string | null): VvxClient {
    const { url, username, password, timeouts } = this.options;
    return new VvxClient({ url, username, password, pinnedFingerprint: pinned, timeouts });
  }

  /** Sends one write at action priority; call-changing writes refresh the calls right after. */
  private async action(run: () => Promise<void>, changesCalls = true): Promise<void> {
    try {
      await this.queue.enqueue({ priority: 'action', effect: 'write', run });
    } catch (error) {
      // The phone may have acted after all: read the calls so the state shows what happened.
      if (changesCalls && toPhoneError(error).code === 'outcome-unknown') this.poller.refreshSoon();
      throw error;
    }
    if (changesCalls) this.poller.refreshSoon();
  }

  private read<T>(
    run: () => Promise<T>,
    mergeKey: string,
    priority: QueuePriority = 'interactive',
  ) {
    return this.queue.enqueue({ priority, effect: 'read', mergeKey, run });
  }

  /** Runs admin-only work; with a user-level account, says so instead of "wrong password". */
  private async admin<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      const problem = toPhoneError(error);
      if (problem.code === 'wrong-credentials' && this.poller.access === 'user') {
        throw new PhoneError(
          'insufficient-access',
          "This needs the phone's admin password; the account set up for this phone is a user-level one.",
          { httpStatus: problem.httpStatus },
        );
      }
      throw problem;
    }
  }

  /** The ringing incoming call's handle as the phone takes it, if one rings. */
  private ringingHandle(): string | undefined {
    const ringing = this.state.callList.find(
      (call) => call.direction === 'Incoming' && call.state === 'Offering',
    );
    return ringing === undefined ? undefined : ringing.handle.replace(/^0x/, '');
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
        await this.poller.refreshCalls('action');
      } catch (error) {
        this.poller.onFailure(toPhoneError(error));
        return null;
      }
      const found = this.state.callList.find(match);
      if (found !== undefined) return found.handle;
    }
    return null;
  }

  /** Whether httpd.ta.enabled is on (read at most once a minute: it rarely changes). */
  private async touchSimulationEnabled(): Promise<boolean> {
    if (this.touchEnabled !== null && Date.now() - this.touchEnabled.at < 60_000) {
      return this.touchEnabled.value;
    }
    const values = await this.readConfig(['httpd.ta.enabled'], 'poll');
    const value = values['httpd.ta.enabled']?.value.trim() === '1';
    this.touchEnabled = { value, at: Date.now() };
    return value;
  }
}
