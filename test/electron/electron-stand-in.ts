/**
 * A thin stand-in for the `electron` module (which cannot run in plain Node): just enough
 * behaviour for the shell to start, and a record of every option it passes, for the tests.
 */
import { EventEmitter } from 'node:events';

type Handler = (...args: unknown[]) => unknown;

export const recorded = {
  privilegedSchemes: [] as unknown[],
  protocolHandlers: new Map<string, (request: Request) => Promise<Response> | Response>(),
  windows: [] as StandInWindow[],
  ipcHandlers: new Map<string, Handler>(),
  ipcListeners: new Map<string, Handler>(),
  permissionRequestHandler: null as Handler | null,
  permissionCheckHandler: null as Handler | null,
  devicePermissionHandler: null as Handler | null,
  headersReceived: null as Handler | null,
  defaultProtocolClients: [] as string[],
  shortcuts: new Map<string, () => void>(),
  notifications: [] as StandInNotification[],
  openedExternally: [] as string[],
  loginItem: null as unknown,
  exited: null as number | null,
  clipboardText: '',
};

export class StandInWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  sent: { channel: string; payload: unknown }[] = [];
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
  isDestroyed(): boolean {
    return false;
  }
}

export class StandInWindow extends EventEmitter {
  webContents = new StandInWebContents();
  loadedUrl: string | null = null;
  constructor(readonly options: Record<string, unknown>) {
    super();
    recorded.windows.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  async loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
  }
  show(): void {}
  hide(): void {}
  focus(): void {}
  restore(): void {}
  maximize(): void {}
  isMinimized(): boolean {
    return false;
  }
  isMaximized(): boolean {
    return false;
  }
  getNormalBounds() {
    return { x: 10, y: 10, width: 1200, height: 800 };
  }
}

export class StandInNotification extends EventEmitter {
  shown = false;
  constructor(readonly options: { title: string; body: string; actions?: unknown[] }) {
    super();
    recorded.notifications.push(this);
  }
  static isSupported(): boolean {
    return true;
  }
  show(): void {
    this.shown = true;
  }
  close(): void {}
}

class StandInApp extends EventEmitter {
  requestSingleInstanceLock = () => true;
  quit = () => undefined;
  whenReady = () => Promise.resolve();
  getPath = () => process.env.DESKPILOT_DATA_DIR ?? '/nonexistent';
  getAppPath = () => process.cwd();
  getVersion = () => '0.0.0-stand-in';
  setAsDefaultProtocolClient = (scheme: string) => {
    recorded.defaultProtocolClients.push(scheme);
    return true;
  };
  setLoginItemSettings = (settings: unknown) => {
    recorded.loginItem = settings;
  };
  exit = (code: number) => {
    recorded.exited = code;
  };
}
export const app = new StandInApp();

export const protocol = {
  registerSchemesAsPrivileged: (schemes: unknown[]) => recorded.privilegedSchemes.push(...schemes),
  handle: (scheme: string, handler: (request: Request) => Promise<Response> | Response) =>
    recorded.protocolHandlers.set(scheme, handler),
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler: (handler: Handler) =>
      (recorded.permissionRequestHandler = handler),
    setPermissionCheckHandler: (handler: Handler) => (recorded.permissionCheckHandler = handler),
    setDevicePermissionHandler: (handler: Handler) => (recorded.devicePermissionHandler = handler),
    webRequest: {
      onHeadersReceived: (handler: Handler) => (recorded.headersReceived = handler),
    },
  },
};

export const ipcMain = {
  handle: (channel: string, handler: Handler) => recorded.ipcHandlers.set(channel, handler),
  on: (channel: string, handler: Handler) => recorded.ipcListeners.set(channel, handler),
  removeHandler: (channel: string) => recorded.ipcHandlers.delete(channel),
};

export const globalShortcut = {
  register: (accelerator: string, callback: () => void) => {
    recorded.shortcuts.set(accelerator, callback);
    return true;
  },
  unregister: (accelerator: string) => recorded.shortcuts.delete(accelerator),
  isRegistered: (accelerator: string) => recorded.shortcuts.has(accelerator),
  unregisterAll: () => recorded.shortcuts.clear(),
};

export const clipboard = { readText: () => Promise.resolve(recorded.clipboardText) };
export const screen = {
  getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
};
export const shell = {
  openExternal: (url: string) => {
    recorded.openedExternally.push(url);
    return Promise.resolve();
  },
};
export const dialog = { showErrorBox: () => undefined };
export const nativeImage = { createFromPath: (path: string) => ({ path }) };
export const Menu = { buildFromTemplate: (template: unknown[]) => ({ template }) };
export class Tray extends EventEmitter {
  setToolTip(): void {}
  setContextMenu(): void {}
  destroy(): void {}
}

/** Reversible, recognisable "encryption" so tests can see ciphertext is what gets stored. */
export const safeStorage = {
  isEncryptionAvailable: () => true,
  getSelectedStorageBackend: () => 'gnome_libsecret',
  encryptString: (text: string) => Buffer.from(`sealed:${Buffer.from(text).toString('hex')}`),
  // Like the real one, refuses ciphertext it did not seal (another key, a reset keychain).
  decryptString: (sealed: Buffer) => {
    const text = sealed.toString();
    if (!text.startsWith('sealed:')) throw new Error('Error while decrypting the ciphertext');
    return Buffer.from(text.slice('sealed:'.length), 'hex').toString();
  },
};

export const BrowserWindow = StandInWindow;
export const Notification = StandInNotification;

/** What `import electron from 'electron'` gives (electron-store imports it so). */
export default { app, ipcMain, shell };
