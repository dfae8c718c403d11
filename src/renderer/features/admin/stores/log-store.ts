/** The Log tab: what the core noticed about this phone, such as answers it could not read. */
import { createStore, type StoreApi } from 'zustand/vanilla';

import type { DeskpilotApi } from '../../../../shared/contract/api';
import type { PhoneLogEntry } from '../../../../shared/contract/device';
import { attempt, type AdminNoticeStore } from './admin-notice-store';

export interface LogState {
  /** Newest first; null until read. */
  entries: PhoneLogEntry[] | null;
  loadLog(): Promise<void>;
}

export type LogStore = StoreApi<LogState>;

/** Creates the log store of one phone's console. */
export function createLogStore(
  api: DeskpilotApi,
  phoneId: string,
  notices: AdminNoticeStore,
): LogStore {
  return createStore<LogState>()((set) => ({
    entries: null,
    async loadLog() {
      const result = await attempt(notices, api.device.log({ phoneId }), 'Reading the log');
      if (result) set({ entries: [...result.value].reverse() });
    },
  }));
}
