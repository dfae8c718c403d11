import { CAPTURE_ENABLED, knowsCaptureName, remoteCaptureSwitch } from './capture-names';
import { noFaults, type Faults } from './faults';
import type { PhoneModel } from './models';
import { ScreenState } from './screen-state';
import { emptyStats, type SimulatorStats } from './stats';
import { WebUiState } from './web-ui-state';
import { CallEngine, type CallEngineOptions } from '../calls/call-engine';
import type { LineCheck } from '../calls/call-types';
import { ConfigStore, type ConfigLayer } from '../config/config-store';
import type { ParameterCatalog } from '../config/parameter-catalog';
import type { Dialect, Firmware } from '../dialects/dialects';

/** What one simulated phone is set up with (resolved simulator options). */
export interface PhoneSetup {
  index: number;
  model: PhoneModel;
  /** The dialect the phone starts in (the control API can change it). */
  dialect: Dialect;
  /** Serve the later firmware's screen endpoints in dialects that make them optional. */
  laterFirmware: boolean;
  /** The firmware version reported instead of the dialect's; null: the dialect's. */
  firmware: string | null;
  /** Provisioned with screen capture on (the admin's switch, and the user's where it can be). */
  screenCapture: boolean;
  /** LCD expansion modules plugged in (0 on models that take none). */
  expansionModules: number;
  /** The parameter vocabulary, loaded once for all the phones of a process. */
  catalog: ParameterCatalog;
  macAddress: string;
  adminPassword: string;
  userPassword: string;
  restApiEnabled: boolean;
  farEndAnswerMs: number;
  rebootMs: number;
}

export type Registration = 'Registered' | 'Unregistered';

/** A configured registration as the phone shows it. */
export interface LineView {
  line: number;
  address: string;
  label: string;
  displayName: string;
  userId: string;
  registration: Registration;
  server: string;
  port: string;
  transport: string;
  expires: string;
  type: string;
  /** How many line keys the registration takes (`reg.N.lineKeys`, at least 1). */
  keys: number;
}

export type TransferType = 'Consultative' | 'Blind' | 'Safe';

/** Parameters that make a phone of the simulator usable out of the box (its "provisioning"). */
function provisionedConfig(setup: PhoneSetup): Record<string, string> {
  const values: Record<string, string> = {
    'apps.restapi.enabled': setup.restApiEnabled ? '1' : '0',
    'httpd.ta.enabled': '1',
    'device.auth.localAdminPassword': setup.adminPassword,
    'device.auth.localUserPassword': setup.userPassword,
  };
  const lines = Math.min(2, setup.model.lineKeys);
  for (let n = 1; n <= lines; n += 1) {
    const extension = String((100 + setup.index) * 10 + n);
    values[`reg.${n}.address`] = extension;
    values[`reg.${n}.label`] = extension;
    values[`reg.${n}.displayName`] = `Desk ${setup.index} line ${n}`;
    values[`reg.${n}.auth.userId`] = extension;
    values[`reg.${n}.server.1.address`] = 'sip.deskpilot.test';
    // Two keys per line where the model has room, as on the captured phones (2 lines, 4 keys).
    if (setup.model.lineKeys >= 2 * lines) values[`reg.${n}.lineKeys`] = '2';
  }
  return values;
}

/**
 * The whole state of one simulated phone: configuration, lines, calls, screen, reboot and fault
 * state, counters. Time-dependent state is derived from timestamps when asked (`settle`).
 */
export class SimulatedPhone {
  readonly config: ConfigStore;
  readonly calls: CallEngine;
  readonly screen: ScreenState;
  readonly webUi = new WebUiState();
  /** How the phone answers (README.md, "Dialects"). */
  dialect: Dialect;
  stats: SimulatorStats = emptyStats();
  faults: Faults = noFaults();
  bootedAt: number;
  unreachableUntil = 0;
  /** The REST server hangs every request (endCall firmware bug) until the next reboot. */
  restHung = false;
  dnd = false;
  transferType: TransferType = 'Consultative';
  skypeSignedIn = false;
  lastBgCaptureAt: number | null = null;
  private readonly registrations = new Map<number, Registration>();
  /** Goes up whenever a line's registration is set or cleared (with config.version: the lines changed). */
  registrationVersion = 0;

  /** `placeCall` offers a dialled call to the other simulated phones of the process (phone-exchange.ts). */
  constructor(
    readonly setup: PhoneSetup,
    placeCall: CallEngineOptions['placeCall'],
  ) {
    this.config = new ConfigStore(
      setup.catalog,
      setup.model.lineKeys,
      (name) => !knowsCaptureName(name, this.dialect, this.firmware.release),
    );
    this.calls = new CallEngine({
      farEndAnswerMs: setup.farEndAnswerMs,
      lineCheck: (line) => this.lineCheck(line),
      onDial: (destination, line) =>
        this.stats.dials.push({ destination, line, at: new Date().toISOString() }),
      placeCall,
    });
    this.screen = new ScreenState();
    this.dialect = setup.dialect;
    this.bootedAt = Date.now();
    this.provision();
  }

  get model(): PhoneModel {
    return this.setup.model;
  }

  /** The firmware it reports: its dialect's, or the version it was started with. */
  get firmware(): Firmware {
    const version = this.setup.firmware;
    if (version === null) return this.dialect.firmware;
    return { ...this.dialect.firmware, release: version, application: version };
  }

  get adminPassword(): string {
    return this.config.get('device.auth.localAdminPassword');
  }

  get userPassword(): string {
    return this.config.get('device.auth.localUserPassword');
  }

  /** Brings time-driven state (far-end reactions, end of a reboot) up to `now`. */
  settle(now: number): void {
    this.calls.settle(now);
  }

  /** True while a reboot or an injected outage keeps the phone off the network. */
  unreachable(now: number): boolean {
    return now < this.unreachableUntil;
  }

  uptimeSeconds(now: number): number {
    return Math.max(0, Math.floor((now - this.bootedAt) / 1000));
  }

  /** Configured registrations (a line exists when `reg.N.address` is set). */
  lines(): LineView[] {
    const out: LineView[] = [];
    for (let n = 1; n <= this.model.lineKeys; n += 1) {
      const address = this.config.get(`reg.${n}.address`);
      if (address === '') continue;
      const reg = `reg.${n}`;
      out.push({
        line: n,
        address,
        label: this.config.get(`${reg}.label`) || address,
        displayName: this.config.get(`${reg}.displayName`),
        userId: this.config.get(`${reg}.auth.userId`) || address,
        // A line registers when it has a server to register with, unless the control API says otherwise.
        registration:
          this.registrations.get(n) ??
          (this.config.get(`${reg}.server.1.address`) === '' ? 'Unregistered' : 'Registered'),
        server: this.config.get(`${reg}.server.1.address`),
        port: this.config.get(`${reg}.server.1.port`),
        transport: this.config.get(`${reg}.server.1.transport`),
        expires: this.config.get(`${reg}.server.1.expires`),
        type: this.config.get(`${reg}.type`) === 'shared' ? 'Shared' : 'Private',
        keys: Math.min(
          this.model.lineKeys,
          Math.max(1, Number(this.config.get(`${reg}.lineKeys`)) || 1),
        ),
      });
    }
    return out;
  }

  lineCheck(line: number): LineCheck {
    const view = this.lines().find((l) => l.line === line);
    if (!view) return 'missing';
    return view.registration === 'Registered' ? 'registered' : 'unregistered';
  }

  /** Sets a line's registration state (control API), as if the SIP server said so. */
  setRegistration(line: number, registration: Registration): void {
    this.registrations.set(line, registration);
    this.registrationVersion += 1;
  }

  /** safeRestart/safeReboot: calls end, the phone is off the network, then uptime restarts. */
  reboot(now: number, ms = this.setup.rebootMs): void {
    this.calls.endAll(now);
    this.screen.reset();
    this.webUi.reset();
    this.unreachableUntil = now + ms;
    this.bootedAt = now + ms;
    this.restHung = false;
  }

  /** configReset: empties the given layers; values fall back to provisioning or defaults. */
  resetConfig(layers: readonly ConfigLayer[]): void {
    this.config.clear(layers);
    this.transferType = 'Consultative';
  }

  /** Factory reset: every layer, call list and setting goes; default password, API off. */
  factoryReset(now: number): void {
    this.config.clear(['CONFIG', 'WEB', 'LOCAL', 'DEVICE']);
    this.calls.reset(now);
    this.registrations.clear();
    this.registrationVersion += 1;
    this.dnd = false;
    this.transferType = 'Consultative';
    this.skypeSignedIn = false;
    this.lastBgCaptureAt = null;
    this.reboot(now);
  }

  /** Back to the state the simulator started with, counters and faults included. */
  resetAll(now: number): void {
    this.factoryReset(now);
    this.dialect = this.setup.dialect;
    this.provision();
    this.unreachableUntil = 0;
    this.bootedAt = now;
    this.stats = emptyStats();
    this.faults = noFaults();
  }

  private provision(): void {
    const result = this.config.setMany(
      { ...provisionedConfig(this.setup), ...this.provisionedCapture() },
      'CONFIG',
    );
    if (!result.ok) throw new Error(`Simulator provisioning rejected: ${result.message}`);
  }

  /**
   * Screen capture as an admin provisions it: the switch, and the user's setting through the
   * firmware's remote switch — or, where the firmware has none, as if the user had set it.
   */
  private provisionedCapture(): Record<string, string> {
    if (!this.setup.screenCapture) return {};
    const remote = remoteCaptureSwitch(this.dialect, this.firmware.release);
    if (remote === null) this.screen.captureSetting = true;
    return remote === null ? { [CAPTURE_ENABLED]: '1' } : { [CAPTURE_ENABLED]: '1', [remote]: '1' };
  }
}
