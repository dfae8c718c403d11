/**
 * One phone's live session: the verbs every UI uses, over the client, serial queue, adaptive
 * poller and state of SessionBase. Actions go to the queue at 'action' priority, reads
 * a user waits for at 'interactive', background polls and remote-screen reads at 'poll'. Plain
 * Node: no electron.
 */
import type { ConfigValue } from '../../shared/contract/config';
import type {
  DeviceDetails,
  LineDetails,
  MediaSample,
  SkypeStatus,
} from '../../shared/contract/device';
import type { HardwareKey } from '../../shared/domain';
import type { ScreenCapture } from '../../shared/contract/screen';
import type { Call, CallLogEntry, CallLogKind } from '../../shared/domain';
import { toPhoneError } from '../vvx/phone-error';
import type { QueuePriority } from '../vvx/request-queue';
import type { ConfigResetScope, SkypeSignInInput, TouchType } from '../vvx/vvx-client';
import { nameBatches, valueBatches } from './config-batches';
import { isNewOutgoingCall } from './call-tracker';
import {
  SKYPE_UNSUPPORTED,
  toDeviceDetails,
  toLineDetails,
  toMediaSamples,
  toSkypeStatus,
} from './device-views';
import { describeScreen, firmwareAtLeast } from './screen-facts';
import { SessionBase } from './session-base';
import {
  checkConfigNames,
  checkDestination,
  checkDigits,
  checkHandle,
  checkLine,
  checkTouch,
} from './session-input';

export type { PhoneSessionOptions } from './session-base';

/** How often to look for the call a dial or answer produced, and how long to wait between. */
const FIND_CALL_DELAYS_MS = [0, 100, 300];

/** A phone's live session; see the module comment. */
export class PhoneSession extends SessionBase {
  private touchEnabled: { value: boolean; at: number } | null = null;
  /** Learned from the phone's answer to a key press; until then guessed from the firmware. */
  private keysSupported: boolean | null = null;

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
      const runningConfig = await this.runningConfig();
      return toDeviceDetails({
        device: info.raw,
        network,
        networkStats,
        stats,
        location,
        ...(runningConfig === undefined ? {} : { runningConfig }),
      });
    });
  }

  /** device/runningConfig, or undefined on firmware without it (the rest is still worth showing). */
  private async runningConfig(): Promise<unknown> {
    try {
      return await this.read(() => this.client.runningConfig(), 'runningConfig');
    } catch (error) {
      const problem = toPhoneError(error);
      if (problem.code === 'not-supported' || problem.code === 'api-disabled') return undefined;
      throw problem;
    }
  }

  // ---- Skype for Business -------------------------------------------------------------------

  /** Skype for Business presence; `supported: false` where the phone has no such profile. */
  async skypePresence(): Promise<SkypeStatus> {
    try {
      return toSkypeStatus(await this.read(() => this.client.getPresence(), 'skypePresence'));
    } catch (error) {
      const problem = toPhoneError(error);
      if (problem.code === 'not-supported') return SKYPE_UNSUPPORTED;
      throw problem;
    }
  }

  /** Signs in to Skype for Business (the phone answers once sign-in finished: up to 150 s). */
  async skypeSignIn(input: SkypeSignInInput): Promise<void> {
    return this.action(() => this.client.skypeSignIn(input), false);
  }

  /** Signs out of Skype for Business. */
  async skypeSignOut(): Promise<void> {
    return this.action(() => this.client.skypeSignOut(), false);
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
  async resetConfig(scope: ConfigResetScope): Promise<void> {
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
