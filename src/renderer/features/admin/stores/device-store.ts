/**
 * The console's access check and the Device tab. Access is decided by the phone: when
 * `device.details` is refused for the login, the console says it needs the admin credentials.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';

import type { DeskpilotApi } from '../../../../shared/contract/api';
import type { DeviceDetails } from '../../../../shared/contract/device';
import type { AdminNoticeStore } from './admin-notice-store';

export interface DeviceState {
  access: 'checking' | 'granted' | 'denied' | 'failed';
  /** Why the console is hidden or could not load, and what to do. */
  accessMessage: string;
  details: DeviceDetails | null;
  loadDetails(): Promise<void>;
}

export type DeviceStore = StoreApi<DeviceState>;

/** Creates the device store of one phone's console. */
export function createDeviceStore(
  api: DeskpilotApi,
  phoneId: string,
  notices: AdminNoticeStore,
): DeviceStore {
  return createStore<DeviceState>()((set, get) => ({
    access: 'checking',
    accessMessage: '',
    details: null,
    async loadDetails() {
      const outcome = await api.device.details({ phoneId });
      if (outcome.ok) {
        set({ access: 'granted', details: outcome.value, accessMessage: '' });
        return;
      }
      const { code, message } = outcome.error;
      if (code === 'insufficient-access' || code === 'wrong-credentials') {
        set({
          access: 'denied',
          accessMessage:
            `${message} The admin console needs the phone's admin login (user name Polycom ` +
            'and the admin password): a user-level login may place calls but not administer ' +
            'the phone. Edit this phone under Phones and enter the admin password.',
        });
      } else if (get().access === 'checking') {
        set({ access: 'failed', accessMessage: message });
      } else {
        notices
          .getState()
          .show({ kind: 'error', text: `Reading device information failed: ${message}` });
      }
    },
  }));
}
