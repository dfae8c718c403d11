/** The Lines tab: every line with registration, servers and forwarding. */
import { createStore, type StoreApi } from 'zustand/vanilla';

import type { DeskpilotApi } from '../../../../shared/contract/api';
import type { LineDetails } from '../../../../shared/contract/device';
import { attempt, type AdminNoticeStore } from './admin-notice-store';

export interface LinesState {
  lines: LineDetails[] | null;
  loadLines(): Promise<void>;
}

export type LinesStore = StoreApi<LinesState>;

/** Creates the lines store of one phone's console. */
export function createLinesStore(
  api: DeskpilotApi,
  phoneId: string,
  notices: AdminNoticeStore,
): LinesStore {
  return createStore<LinesState>()((set) => ({
    lines: null,
    async loadLines() {
      const result = await attempt(notices, api.device.lines({ phoneId }), 'Reading the lines');
      if (result) set({ lines: result.value });
    },
  }));
}
