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
  /** The TCP port Deskpilot listens on for phones' instant call events (another if it is taken). */
  pushPort: number;
}

/**
 * Where Deskpilot listens for instant call events unless told otherwise: outside every
 * operating system's ephemeral range, and the port a public VVX event receiver uses.
 */
export const DEFAULT_PUSH_PORT = 8489;

export const DEFAULT_SETTINGS: AppSettings = {
  clickToDial: 'confirm',
  notifications: true,
  globalShortcut: 'CommandOrControl+Shift+D',
  theme: 'system',
  startAtLogin: false,
  defaultPhoneId: null,
  pushPort: DEFAULT_PUSH_PORT,
};
