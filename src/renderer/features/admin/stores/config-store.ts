/**
 * The Configuration tab: parameters read into rows, edited, sent as exactly the values
 * config-edits.ts says and read back; export; the transfer type.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';

import type { DeskpilotApi } from '../../../../shared/contract/api';
import type { ConfigValue } from '../../../../shared/contract/config';
import type { CONFIG_EXPORT_TYPES, TRANSFER_TYPES } from '../../../../shared/domain';
import { count } from '../../../lib/count';
import { changesOf, valuesToSend, type ConfigRow } from '../config-edits';
import { attempt, type AdminNoticeStore } from './admin-notice-store';

export type TransferType = (typeof TRANSFER_TYPES)[number];
export type ExportType = (typeof CONFIG_EXPORT_TYPES)[number];

export interface ConfigState {
  configRows: ConfigRow[];
  transferType: string | null;
  /** Reads the named values into the rows; resolves false if the phone refused. */
  readConfig(names: string[]): Promise<boolean>;
  setDraft(name: string, draft: string): void;
  saveConfig(): Promise<void>;
  exportConfig(url: string, type: ExportType): Promise<void>;
  loadTransferType(): Promise<void>;
  setTransferType(type: TransferType): Promise<void>;
}

export type ConfigStore = StoreApi<ConfigState>;

/** Creates the configuration store of one phone's console. */
export function createConfigStore(
  api: DeskpilotApi,
  phoneId: string,
  notices: AdminNoticeStore,
): ConfigStore {
  const show = notices.getState().show;
  return createStore<ConfigState>()((set, get) => ({
    configRows: [],
    transferType: null,

    async readConfig(names) {
      if (names.length === 0) return true;
      const result = await attempt(
        notices,
        api.config.get({ phoneId, names }),
        'Reading configuration',
      );
      if (!result) return false;
      const values: Record<string, ConfigValue | null> = result.value;
      show(null);
      set({
        configRows: names.map((name) => {
          const current = values[name] ?? null;
          return { name, current, draft: current?.value ?? '' };
        }),
      });
      return true;
    },

    setDraft(name, draft) {
      set({
        configRows: get().configRows.map((row) => (row.name === name ? { ...row, draft } : row)),
      });
    },

    async saveConfig() {
      const changes = changesOf(get().configRows);
      if (changes.length === 0) return;
      const values = valuesToSend(changes);
      const result = await attempt(
        notices,
        api.config.set({ phoneId, values }),
        'Saving configuration',
      );
      if (!result) return;
      const saved = `Saved ${count(changes.length, 'value')}`;
      // Never claim a read-back that failed (the rows still show the values typed): keep the
      // read's own failure, saying the save itself went through.
      const readBack = await get().readConfig(get().configRows.map((row) => row.name));
      const readFailure = notices.getState().notice?.text ?? 'reading them back failed.';
      show(
        readBack
          ? { kind: 'ok', text: `${saved} and read them back.` }
          : { kind: 'error', text: `${saved}; ${readFailure}` },
      );
    },

    async exportConfig(url, type) {
      const result = await attempt(notices, api.config.export({ phoneId, url, type }), 'Export');
      if (result) show({ kind: 'ok', text: `The phone sent its ${type} configuration to ${url}.` });
    },

    async loadTransferType() {
      const result = await attempt(
        notices,
        api.config.getTransferType({ phoneId }),
        'Reading the transfer type',
      );
      if (result) set({ transferType: result.value.type });
    },

    async setTransferType(type) {
      const result = await attempt(
        notices,
        api.config.setTransferType({ phoneId, type }),
        'Setting the transfer type',
      );
      if (!result) return;
      show({ kind: 'ok', text: `Transfer type set to ${type}.` });
      await get().loadTransferType();
    },
  }));
}
