/**
 * The stores of one phone's admin console, one per section, built together over the window's
 * API (see AppStores.phoneStore): the access check and Device tab, Lines, Media,
 * Configuration, Maintenance, Skype for Business, Log, and the notice line they share. The stores
 * own every call to the core; components never call the api.
 */
import type { DeskpilotApi } from '../../../../shared/contract/api';
import { createAdminNoticeStore, type AdminNoticeStore } from './admin-notice-store';
import { createConfigStore, type ConfigStore } from './config-store';
import { createDeviceStore, type DeviceStore } from './device-store';
import { createLinesStore, type LinesStore } from './lines-store';
import { createLogStore, type LogStore } from './log-store';
import { createMaintenanceStore, type MaintenanceStore } from './maintenance-store';
import { createMediaStore, type MediaStore } from './media-store';
import { createSkypeStore, type SkypeStore } from './skype-store';

export interface AdminStores {
  /** The phone the console administers. */
  phoneId: string;
  notices: AdminNoticeStore;
  device: DeviceStore;
  lines: LinesStore;
  media: MediaStore;
  config: ConfigStore;
  maintenance: MaintenanceStore;
  skype: SkypeStore;
  log: LogStore;
  /** Checks access and follows the phone's health; returns the function that stops following. */
  start(): () => void;
}

/** Creates the console's stores for one phone (one set per open console). */
export function createAdminStores(api: DeskpilotApi, phoneId: string): AdminStores {
  const notices = createAdminNoticeStore();
  const device = createDeviceStore(api, phoneId, notices);
  const maintenance = createMaintenanceStore(api, phoneId, notices, () => {
    void device.getState().loadDetails();
  });
  return {
    phoneId,
    notices,
    device,
    lines: createLinesStore(api, phoneId, notices),
    media: createMediaStore(api, phoneId),
    config: createConfigStore(api, phoneId, notices),
    maintenance,
    skype: createSkypeStore(api, phoneId),
    log: createLogStore(api, phoneId, notices),
    start() {
      const stop = maintenance.getState().start();
      void device.getState().loadDetails();
      return stop;
    },
  };
}
