/**
 * The Electron main process, wired together: single instance, the core, the secure window on
 * app://, contract IPC, tray, notifications, the clipboard shortcut, start at login and
 * click-to-dial links. Each concern lives in its own file; this one only connects them.
 */
import { join, resolve } from 'node:path';
import {
  type BrowserWindow,
  Notification,
  app,
  clipboard,
  globalShortcut,
  session,
  shell,
} from 'electron';

import type { DialRequest } from '../../shared/contract/links';
import type { PhoneInfo } from '../../shared/domain';
import type { AppSettings } from '../../shared/settings';
import { defaultDataDir } from '../ground/data-dir';
import { createCore, type Core } from '../core/create-core';
import { createDispatcher } from '../ipc/dispatcher';
import { APP_ENTRY_URL, registerAppScheme, serveAppProtocol } from './app-protocol';
import { applyClipboardShortcut } from './clipboard-shortcut';
import { wireContractIpc } from './contract-ipc';
import { DIAL_PROTOCOLS, findDialRequest } from './dial-arguments';
import { handleDialRequest } from './dial-handling';
import { isAllowedExternalUrl } from './external-links';
import { notifyIncomingCalls } from './incoming-call-notifications';
import { SafeStorageSecretStore } from './safe-storage-secret-store';
import { createTray } from './tray';
import { createMainWindow } from './main-window';
import {
  denyAllPermissions,
  enforceContentSecurityPolicy,
  hardenWebContents,
} from './window-security';

/** Same as appId in electron-builder.yml. */
const APP_ID = 'io.github.deskpilot';

/** Files the shell needs from the build. */
export interface DesktopPaths {
  rendererDir: string;
  preload: string;
  trayIcon: string;
}

function notify(title: string, body: string): void {
  if (Notification.isSupported()) new Notification({ title, body }).show();
}

function registerDialProtocols(): void {
  // Started as `electron .` in development the OS must relaunch us with the app path; packaged,
  // these are Electron's own defaults (the executable, no arguments).
  const script = process.argv[1];
  const args = process.defaultApp && script !== undefined ? [resolve(script)] : [];
  for (const scheme of DIAL_PROTOCOLS) {
    // Reviewed: fixed tel/callto/sip schemes only; every link goes through parseDialTarget and
    // is refused unless it is a dialable number or SIP URI.
    app.setAsDefaultProtocolClient(scheme, process.execPath, args); // eng-disable PROTOCOL_HANDLER_JS_CHECK
  }
}

/** Everything that exists once the app is ready. */
interface Running {
  core: Core;
  window: BrowserWindow;
}

/**
 * Starts the desktop app. Returns once the window has loaded, or at once in a second instance
 * (which hands its command line to the first and quits).
 */
export async function startDesktopApp(paths: DesktopPaths): Promise<void> {
  registerAppScheme();
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }

  let running: Running | null = null;
  const waiting: { source: DialRequest['source']; raw: string }[] = [];
  const showWindow = (): void => {
    if (running === null) return;
    if (running.window.isMinimized()) running.window.restore();
    running.window.show();
    running.window.focus();
  };
  const dial = (source: DialRequest['source'], raw: string): void => {
    if (running === null) waiting.push({ source, raw });
    else void handleDialRequest(running.core, source, raw, { showWindow, notify });
  };
  // Links can arrive before the app is ready (macOS open-url at launch): queue them.
  app.on('open-url', (event, url) => {
    event.preventDefault();
    dial('link', url);
  });
  // macOS: clicking the Dock icon brings the (hidden) window back.
  app.on('activate', showWindow);
  app.on('second-instance', (_event, argv) => {
    showWindow();
    const request = findDialRequest(argv);
    if (request !== null) dial(request.source, request.raw);
  });
  const launchRequest = findDialRequest(process.argv.slice(1));
  if (launchRequest !== null) waiting.push(launchRequest);

  // Windows shows notifications only for an app with an AppUserModelID (the installer sets it).
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
  await app.whenReady();
  const dataDir = defaultDataDir();
  const secretStore = SafeStorageSecretStore.available()
    ? new SafeStorageSecretStore(join(dataDir, 'secrets.safe.json'))
    : undefined;
  if (secretStore === undefined) {
    console.error(
      'Deskpilot: no OS keychain available; passwords are kept in a file only you can read.',
    );
  }
  const core = await createCore({ dataDir, secretStore });
  const dispatcher = createDispatcher(core);

  let phones: PhoneInfo[] = await core.handlers['phones.list']({});
  let settings: AppSettings = await core.handlers['settings.get']({});
  const openExternal = (url: string): void => {
    const allowed = isAllowedExternalUrl(
      url,
      phones.map((phone) => phone.url),
    );
    // Reviewed: only after isAllowedExternalUrl (https on allow-listed hosts or a configured
    // phone's origin, no credentials).
    if (allowed) void shell.openExternal(url); /* eng-disable OPEN_EXTERNAL_JS_CHECK */
  };

  denyAllPermissions(session.defaultSession);
  enforceContentSecurityPolicy(session.defaultSession);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, openExternal));
  serveAppProtocol(paths.rendererDir);
  registerDialProtocols();

  const window = await createMainWindow(
    paths.preload,
    join(app.getPath('userData'), 'window-state.json'),
  );
  wireContractIpc({ dispatcher, core, windows: () => [window.webContents] });
  notifyIncomingCalls({ core, dispatcher, settings: () => settings, showWindow });

  const dialClipboard = (text: string): void => dial('shortcut', text);
  const tray = createTray(paths.trayIcon, {
    dialClipboard: () => void clipboard.readText().then(dialClipboard),
    endCall: (phoneId, handle) => void dispatcher.invoke('calls.end', { phoneId, handle }),
    showWindow,
    quit: () => app.quit(),
  });
  // One snapshot request at a time; events arriving meanwhile cause one more refresh after it.
  let refreshing = false;
  let stale = false;
  const refreshTray = (): void => {
    if (refreshing) {
      stale = true;
      return;
    }
    refreshing = true;
    void core.handlers['phones.snapshots']({})
      .then((snapshots) => tray.update(snapshots))
      .catch(() => undefined)
      .finally(() => {
        refreshing = false;
        if (stale) {
          stale = false;
          refreshTray();
        }
      });
  };
  core.subscribe('phone', (event) => {
    if (event.type === 'phones-changed') phones = event.phones;
    refreshTray();
  });
  refreshTray();

  const applyShortcut = (accelerator: string, previous: string): void => {
    const problem = applyClipboardShortcut(accelerator, previous, dialClipboard);
    if (problem !== null) notify('Deskpilot shortcut', problem);
  };
  applyShortcut(settings.globalShortcut, '');
  app.setLoginItemSettings({ openAtLogin: settings.startAtLogin });
  core.subscribe('settings-changed', (next) => {
    if (next.globalShortcut !== settings.globalShortcut) {
      applyShortcut(next.globalShortcut, settings.globalShortcut);
    }
    if (next.startAtLogin !== settings.startAtLogin) {
      app.setLoginItemSettings({ openAtLogin: next.startAtLogin });
    }
    settings = next;
  });

  let quitting = false;
  window.on('close', (event) => {
    // The tray keeps Deskpilot running for incoming calls and click-to-dial; Quit is in its menu.
    if (!quitting) {
      event.preventDefault();
      window.hide();
    }
  });
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('will-quit', (event) => {
    globalShortcut.unregisterAll();
    tray.destroy();
    if (running === null) return;
    running = null;
    event.preventDefault();
    void core.close().finally(() => app.exit(0));
  });

  await window.loadURL(APP_ENTRY_URL);
  running = { core, window };
  for (const request of waiting.splice(0)) dial(request.source, request.raw);
}
