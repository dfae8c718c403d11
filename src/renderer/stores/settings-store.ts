import { createStore } from 'zustand/vanilla';
import type { DeskpilotApi } from '../../shared/contract/api';
import type { RequestArgs } from '../../shared/contract';
import { DEFAULT_SETTINGS, type AppSettings } from '../../shared/settings';
import type { NoticesStore } from './notices-store';

export interface SettingsState {
  settings: AppSettings;
  loaded: boolean;
  start(): () => void;
  /** Fetches the settings again (after the connection to the core comes back). */
  reload(): Promise<void>;
  save(patch: RequestArgs<'settings.set'>): Promise<boolean>;
}

/** App preferences: loaded on start, kept in step with changes made from other windows. */
export function createSettingsStore(api: DeskpilotApi, notices: NoticesStore) {
  return createStore<SettingsState>()((set, get) => ({
    settings: DEFAULT_SETTINGS,
    loaded: false,
    start() {
      const unsubscribe = api.events.on('settings-changed', (settings) =>
        set({ settings, loaded: true }),
      );
      void get().reload();
      return unsubscribe;
    },
    async reload() {
      const outcome = await api.settings.get({});
      if (outcome.ok) set({ settings: outcome.value, loaded: true });
    },
    async save(patch) {
      const outcome = await api.settings.set(patch);
      if (!outcome.ok) {
        notices.getState().push('error', `Saving settings failed: ${outcome.error.message}`);
        return false;
      }
      set({ settings: outcome.value });
      return true;
    },
  }));
}

export type SettingsStore = ReturnType<typeof createSettingsStore>;
