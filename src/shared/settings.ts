/** App-wide preferences (per-phone settings live on PhoneInfo). */
export interface AppSettings {
  /** What a tel:/sip: link or the global shortcut does: dial at once, or ask first. */
  clickToDial: 'dial' | 'confirm';
  notifications: boolean;
  /** Electron accelerator that dials the number on the clipboard; empty disables it. */
  globalShortcut: string;
  theme: 'system' | 'light' | 'dark';
  startAtLogin: boolean;
  /** The phone click-to-dial uses; null means the first configured phone. */
  defaultPhoneId: string | null;
}

export const DEFAULT_SETTINGS: AppSettings = {
  clickToDial: 'confirm',
  notifications: true,
  globalShortcut: 'CommandOrControl+Shift+D',
  theme: 'system',
  startAtLogin: false,
  defaultPhoneId: null,
};
