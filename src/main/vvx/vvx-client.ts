/**
 * A typed method for every endpoint of the VVX REST API (see vvx-api-notes.md). Each method
 * sends exactly one request: serialisation, retries and batching belong to the request queue
 * and the session above it, so that nothing here can ever repeat an effect on the phone.
 */
import type { ConfigValue } from '../../shared/contract/config';
import type { ConfigResetScope, HardwareKey, TouchType } from '../../shared/domain';
import { PhoneError } from './phone-error';
import { CallEndpoints } from './vvx-call-endpoints';
import { lineListSchema, type VvxLine } from './vvx-line-schemas';
import {
  anyDataSchema,
  configValuesSchema,
  deviceInfoSchema,
  envelopeSchema,
  invalidParams,
  pollStatusSchema,
  sessionStatsSchema,
  transferTypeSchema,
  uixmlSchema,
  type VvxDeviceInfo,
} from './vvx-schemas';
import {
  DEFAULT_TIMEOUTS,
  get,
  post,
  postRead,
  type EndpointTimeouts,
  type UnreadableListener,
} from './vvx-endpoints';
import { VvxTransport, type VvxTransportOptions } from './vvx-transport';
import { isRecord } from './vvx-values';
import { WebUiEndpoints } from './web-ui-endpoints';

export type { EndpointTimeouts };

export interface VvxClientOptions extends VvxTransportOptions {
  timeouts?: Partial<EndpointTimeouts>;
  /** Told what an answer held that could not be read (each time: the listener keeps it short). */
  onUnreadable?: UnreadableListener;
}

/** What Skype for Business sign-in takes (the password is sent to the phone, never logged). */
export interface SkypeSignInInput {
  address: string;
  user: string;
  password: string;
  domain: string;
  lockCode?: string;
}

/**
 * The phone's endpoints, one method each (the calls' in CallEndpoints). Construct one per phone;
 * `close()` when done.
 */
export class VvxClient extends CallEndpoints {
  /** The phone's web UI (screen capture, login form), over the same connection. */
  readonly webUi: WebUiEndpoints;

  constructor(options: VvxClientOptions) {
    const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
    const transport = new VvxTransport(options);
    super(transport, timeouts, options.onUnreadable);
    this.webUi = new WebUiEndpoints(transport, timeouts.read);
  }

  /** TCP/TLS connections opened so far (one per session when keep-alive works). */
  get connectionsOpened(): number {
    return this.transport.connectionsOpened;
  }

  /** Closes the kept-alive connection; a request in flight fails. */
  close(): Promise<void> {
    return this.transport.close();
  }

  // ---- management ---------------------------------------------------------------------------

  /** Restarts the phone application once calls have ended (safeRestart). */
  safeRestart(): Promise<void> {
    return this.write(post('safeRestart', '/api/v1/mgmt/safeRestart', 'slow'));
  }

  /** Reboots the phone once calls have ended (safeReboot). */
  safeReboot(): Promise<void> {
    return this.write(post('safeReboot', '/api/v1/mgmt/safeReboot', 'slow'));
  }

  /** Resets configuration: all (local, web and device), or one source. */
  configReset(scope: ConfigResetScope): Promise<void> {
    const suffix = scope === 'all' ? '' : `/${scope}`;
    return this.write(post('configReset', `/api/v1/mgmt/configReset${suffix}`, 'slow'));
  }

  /** Factory-resets the phone. */
  factoryReset(): Promise<void> {
    return this.write(post('factoryReset', '/api/v1/mgmt/factoryReset', 'slow'));
  }

  /** Network settings (DHCP, addresses, VLAN, provisioning server) as reported. */
  networkInfo(): Promise<unknown> {
    return this.read(get('networkInfo', '/api/v1/mgmt/network/info'), anyDataSchema);
  }

  /** Device identity from deviceInfo v1 (older firmware). */
  deviceInfoV1(): Promise<VvxDeviceInfo> {
    return this.read(get('deviceInfo', '/api/v1/mgmt/device/info'), deviceInfoSchema);
  }

  /** Device identity, firmware parts, uptime and attached hardware (deviceInfo v2). */
  deviceInfoV2(): Promise<VvxDeviceInfo> {
    return this.read(get('deviceInfo v2', '/api/v2/mgmt/device/info'), deviceInfoSchema);
  }

  /** Network packet counters. */
  networkStats(): Promise<unknown> {
    return this.read(get('networkStats', '/api/v1/mgmt/network/stats'), anyDataSchema);
  }

  /** CPU and memory figures. */
  deviceStats(): Promise<unknown> {
    return this.read(get('deviceStats', '/api/v1/mgmt/device/stats'), anyDataSchema);
  }

  /** The running network/provisioning/syslog configuration summary. */
  runningConfig(): Promise<unknown> {
    return this.read(get('runningConfig', '/api/v1/mgmt/device/runningConfig'), anyDataSchema);
  }

  /**
   * Sets 1–20 configuration parameters in one request (the session batches larger sets) and
   * returns the names the phone did not know: real firmware applies the others and lists these
   * in `InvalidParams`, where the reference's phone refuses the whole request (4000).
   */
  async setConfig(values: Record<string, string>): Promise<{ unknown: string[] }> {
    assertBatch(Object.keys(values).length, 'setConfig');
    const envelope = await this.readEnvelope(
      post('setConfig', '/api/v1/mgmt/config/set', 'slow'),
      envelopeSchema,
      values,
    );
    return { unknown: invalidParams(envelope) };
  }

  /** Reads 1–20 configuration parameters; names the phone does not know read as null. */
  async getConfig(names: string[]): Promise<Record<string, ConfigValue | null>> {
    assertBatch(names.length, 'getConfig');
    const values = await this.readEnvelope(
      postRead('getConfig', '/api/v1/mgmt/config/get'),
      configValuesSchema,
      names,
    );
    return Object.fromEntries(names.map((name) => [name, values[name] ?? null]));
  }

  /** Exports configuration to a URL the phone uploads to. */
  exportConfig(url: string, configType: string): Promise<void> {
    return this.write(post('exportConfig', '/api/v1/mgmt/config/export', 'slow'), {
      Url: url,
      ConfigType: configType,
    });
  }

  /** Uploads the background packet capture (to `url`, or the provisioning server). */
  async uploadBgCapture(url?: string): Promise<void> {
    try {
      await this.write(
        post('uploadBgCapture', '/api/v1/mgmt/network/uploadBgCapture', 'slow'),
        url === undefined ? {} : { url },
      );
    } catch (error) {
      // The reference documents 404 here as "packet capture not enabled", not "API disabled".
      if (error instanceof PhoneError && error.code === 'api-disabled') {
        throw new PhoneError(
          'not-supported',
          'Packet capture is off on this phone: set diags.pcap.enabled=1 and diags.pcap.background.enabled=1 first.',
          { httpStatus: 404 },
        );
      }
      throw error;
    }
  }

  /** The phone's status: Idle/Active/Error and free text (cheap; used for idle polling). */
  pollForStatus(): Promise<{ state: string; stateData: string }> {
    return this.read(get('pollForStatus', '/api/v1/mgmt/pollForStatus'), pollStatusSchema);
  }

  /** Current transfer type: Consultative, Blind, Safe or Unknown. */
  getTransferType(): Promise<{ type: string }> {
    return this.read(get('getTransferType', '/api/v1/mgmt/transferType/get'), transferTypeSchema);
  }

  /** Sets the transfer type. */
  setTransferType(type: string): Promise<void> {
    return this.write(post('setTransferType', '/api/v1/mgmt/transferType/set'), { Type: type });
  }

  /** XML text of what the screen shows. */
  uixml(): Promise<string> {
    return this.read(get('uixml', '/api/v1/mgmt/uixml', 'slow'), uixmlSchema);
  }

  /** Simulates a touch (Tap/Press/Release: one position; Swipe: 2–5). */
  simulateTouch(input: {
    type: TouchType;
    positions: { x: number; y: number }[];
    durationMs?: number;
    easing?: number;
  }): Promise<void> {
    const data: Record<string, unknown> = {
      Type: input.type,
      Positions: input.positions.map(({ x, y }) => ({ X: String(x), Y: String(y) })),
    };
    if (input.durationMs !== undefined) data.Duration = String(input.durationMs);
    if (input.easing !== undefined) data.Easing = String(input.easing);
    return this.write(post('simulateTouch', '/api/v1/mgmt/simulateTouch'), data);
  }

  /** Presses a hardware key (firmware 5.7+; older firmware answers 404 → 'not-supported'). */
  async simulateKeyEvent(key: HardwareKey): Promise<void> {
    try {
      await this.write(post('simulateKeyEvent', '/api/v1/mgmt/simulateKeyEvent'), {
        Type: 'Tap',
        KeyName: key,
      });
    } catch (error) {
      if (error instanceof PhoneError && error.code === 'api-disabled') {
        throw new PhoneError(
          'not-supported',
          'This firmware cannot simulate key presses (it needs UC Software 5.7 or later).',
          { httpStatus: 404 },
        );
      }
      throw error;
    }
  }

  /**
   * Whether the firmware takes simulateKeyEvent, asked without pressing anything: a request
   * naming no key, which a phone with the endpoint refuses as incomplete (4000) and one without
   * it answers 404.
   */
  async probeKeyEvent(): Promise<boolean> {
    try {
      await this.write(
        { ...post('simulateKeyEvent', '/api/v1/mgmt/simulateKeyEvent'), effect: 'read' },
        {},
      );
      return true;
    } catch (error) {
      if (error instanceof PhoneError && error.code === 'api-disabled') return false;
      if (error instanceof PhoneError && error.vvxStatus !== undefined) return true;
      throw error;
    }
  }

  /** Signs in to Skype for Business (the phone answers only when sign-in finished). */
  skypeSignIn(input: SkypeSignInInput): Promise<void> {
    const data: Record<string, string> = {
      Address: input.address,
      User: input.user,
      Password: input.password,
      Domain: input.domain,
    };
    if (input.lockCode !== undefined) data.LockCode = input.lockCode;
    return this.write(post('skypeSignIn', '/api/v1/mgmt/skype/signIn', 'signIn'), data);
  }

  /** Signs out of Skype for Business. */
  skypeSignOut(): Promise<void> {
    return this.write(post('skypeSignOut', '/api/v1/mgmt/skype/signOut'));
  }

  /**
   * Skype for Business presence (other call servers answer 4004 → 'not-supported'), with what
   * real phones put beside `data` (`Presence`) and what the reference puts inside it.
   */
  async getPresence(): Promise<Record<string, unknown>> {
    const { data, top } = await this.readEnvelope(
      get('getPresence', '/api/v1/mgmt/getPresence'),
      envelopeSchema,
    );
    return { ...top, ...(isRecord(data) ? data : data === undefined ? {} : { data }) };
  }

  /** Ongoing communication (Rx/Tx per leg, mute states). */
  communicationInfo(): Promise<unknown> {
    return this.read(
      get('communicationInfo', '/api/v1/mgmt/media/communicationInfo'),
      anyDataSchema,
    );
  }

  /** Civic location fields. */
  locationInfo(): Promise<unknown> {
    return this.read(get('locationInfo', '/api/v1/mgmt/location/info'), anyDataSchema);
  }

  /** Media statistics of active sessions (one entry per call, streams inside). */
  sessionStats(): Promise<Record<string, unknown>[]> {
    return this.read(get('sessionStats', '/api/v1/mgmt/media/sessionStats'), sessionStatsSchema);
  }

  /** Lines (lineInfo v1). */
  lineInfoV1(): Promise<VvxLine[]> {
    return this.read(get('lineInfo', '/api/v1/mgmt/lineInfo'), lineListSchema);
  }

  /** Lines with registration, servers and forwarding (lineInfo v2), optionally one line. */
  async lineInfoV2(line?: number): Promise<VvxLine[]> {
    const lines = await this.read(
      get('lineInfo v2', '/api/v2/mgmt/lineInfo'),
      lineListSchema,
      undefined,
      line === undefined ? undefined : { line: String(line) },
    );
    // Every entry answered for `?line=N` is line N, whatever its keys were numbered.
    return line === undefined ? lines : lines.map((entry) => ({ ...entry, line }));
  }

  /** SIP registrations and dialogs per user. */
  sipStatus(): Promise<unknown> {
    return this.read(get('sipStatus', '/api/v1/webCallControl/sipStatus'), anyDataSchema);
  }
}

function assertBatch(size: number, name: string): void {
  if (size < 1 || size > 20) {
    throw new PhoneError(
      'invalid-argument',
      `${name} takes 1 to 20 names per request, not ${size}.`,
    );
  }
}
