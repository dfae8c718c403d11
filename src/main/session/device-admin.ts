/**
 * The `device.*` verbs of one phone: its details, lines and media for the admin console, the
 * restarts and resets, packet capture and Skype for Business sign-in. Admin-only work says so
 * plainly to a user-level login. The Skype password goes to the phone only: no event, log line
 * or error carries it.
 */
import type {
  DeviceDetails,
  LineDetails,
  MediaSample,
  PhoneLogEntry,
  SkypeStatus,
} from '../../shared/contract/device';
import type { FleetInventoryRow } from '../../shared/contract/fleet';
import { resetsAdminPassword } from '../../shared/domain';
import { uploadUrl } from '../../shared/value-rules';
import { checked } from '../ground/checked';
import { toPhoneError } from '../vvx/phone-error';
import type { SkypeSignInInput } from '../vvx/vvx-client';
import {
  SKYPE_UNSUPPORTED,
  toDeviceDetails,
  toLineDetails,
  toMediaSamples,
  toSkypeStatus,
} from './device-views';
import { readDeviceInfo, readLines } from './firmware-fallbacks';
import type { PhoneLink } from './phone-link';
import type { SessionArgs } from './session-args';

/** The facts of one phone an inventory shows. */
export type DeviceInventory = Pick<
  FleetInventoryRow,
  'model' | 'firmware' | 'macAddress' | 'uptimeSeconds' | 'lines'
>;

/** Administration of one phone; see the module comment. */
export class DeviceAdmin {
  constructor(private readonly link: PhoneLink) {}

  /** Device, network, statistics, location and attached hardware, as key/value groups. */
  async details(): Promise<DeviceDetails> {
    const { link } = this;
    return link.admin(async () => {
      const info = await link.read(() => readDeviceInfo(link.client), 'deviceInfo');
      const network = await link.read(() => link.client.networkInfo(), 'networkInfo');
      const networkStats = await link.read(() => link.client.networkStats(), 'networkStats');
      const stats = await link.read(() => link.client.deviceStats(), 'deviceStats');
      const location = await link.read(() => link.client.locationInfo(), 'locationInfo');
      const runningConfig = await this.runningConfig();
      return toDeviceDetails({
        uptimeSeconds: info.uptimeSeconds,
        device: info.raw,
        network,
        networkStats,
        stats,
        location,
        ...(runningConfig === undefined ? {} : { runningConfig }),
      });
    });
  }

  /**
   * What an inventory lists of the phone, in two reads (device info, lines) rather than the
   * admin console's six: model, firmware, MAC address, uptime, and each line's registration.
   */
  async inventory(): Promise<DeviceInventory> {
    const { link } = this;
    return link.admin(async () => {
      const info = await link.read(() => readDeviceInfo(link.client), 'deviceInfo');
      const lines = await link.read(() => readLines(link.client), 'lineInfo');
      return {
        model: info.model || null,
        firmware: info.firmware || null,
        macAddress: info.macAddress || null,
        uptimeSeconds: info.uptimeSeconds,
        lines: lines.map(({ line, address, registration }) => ({ line, address, registration })),
      };
    });
  }

  /** Every line with registration, servers and forwarding. */
  async lines(): Promise<LineDetails[]> {
    const { link } = this;
    const lines = await link.admin(() => link.read(() => readLines(link.client), 'lineInfo'));
    return lines.map(toLineDetails);
  }

  /** What Deskpilot noticed about this phone (answers it could not read, what it lacks). */
  async log(): Promise<PhoneLogEntry[]> {
    return this.link.log.list();
  }

  /** Media statistics of the current calls. */
  async media(): Promise<MediaSample[]> {
    const { link } = this;
    const sessions = await link.admin(() => link.read(() => link.client.sessionStats(), 'media'));
    return toMediaSamples(sessions, Date.now());
  }

  /** Restarts the phone application once calls end. */
  async restart(): Promise<void> {
    await this.link.admin(() => this.link.action(() => this.link.client.safeRestart(), false));
    this.link.expectReboot();
  }

  /** Reboots the phone once calls end. */
  async reboot(): Promise<void> {
    await this.link.admin(() => this.link.action(() => this.link.client.safeReboot(), false));
    this.link.expectReboot();
  }

  /**
   * Resets configuration: all, or one source. Resetting the device settings (alone or with all)
   * puts the admin password back to the factory one, which locks Deskpilot out: the link is told,
   * so the refusals that follow say that instead of "wrong password".
   */
  async resetConfig({ scope }: SessionArgs<'device.resetConfig'>): Promise<void> {
    await this.link.admin(() => this.link.action(() => this.link.client.configReset(scope), false));
    if (resetsAdminPassword(scope)) this.link.expectPasswordReset();
  }

  /** Factory-resets the phone (it reboots; its certificate may change afterwards). */
  async factoryReset(): Promise<void> {
    await this.link.admin(() => this.link.action(() => this.link.client.factoryReset(), false));
    this.link.expectReboot();
  }

  /** Uploads the background packet capture (to `url`, or the provisioning server). */
  async uploadCapture({ url }: SessionArgs<'device.uploadCapture'>): Promise<void> {
    const target = url === undefined ? undefined : checked(uploadUrl, url, 'url');
    return this.link.action(() => this.link.client.uploadBgCapture(target), false);
  }

  /** Skype for Business presence; `supported: false` where the phone has no such profile. */
  async skypePresence(): Promise<SkypeStatus> {
    const { link } = this;
    try {
      return toSkypeStatus(await link.read(() => link.client.getPresence(), 'skypePresence'));
    } catch (error) {
      const problem = toPhoneError(error);
      if (problem.code === 'not-supported') return SKYPE_UNSUPPORTED;
      throw problem;
    }
  }

  /** Signs in to Skype for Business (the phone answers once sign-in finished: up to 150 s). */
  async skypeSignIn(input: SkypeSignInInput): Promise<void> {
    return this.link.action(() => this.link.client.skypeSignIn(input), false);
  }

  /** Signs out of Skype for Business. */
  async skypeSignOut(): Promise<void> {
    return this.link.action(() => this.link.client.skypeSignOut(), false);
  }

  /** device/runningConfig, or undefined on firmware without it (the rest is still worth showing). */
  private async runningConfig(): Promise<unknown> {
    const { link } = this;
    try {
      return await link.read(() => link.client.runningConfig(), 'runningConfig');
    } catch (error) {
      const problem = toPhoneError(error);
      if (problem.code === 'not-supported' || problem.code === 'api-disabled') return undefined;
      throw problem;
    }
  }
}
