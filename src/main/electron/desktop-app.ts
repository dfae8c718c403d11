/**
 * The Electron main process's start-up, one step per setup file (src/main/electron/setup): claim
 * the single instance and listen for dial links, start the core, lock down the pages, open the
 * window with its contract IPC, then the tray, notifications and preferences. The shell reaches
 * the core only through its dispatcher and event stream.
 */
import { join, resolve } from 'node:path';
import { Notification, app, clipboard, type BrowserWindow } from 'electron';

import { APP_ENTRY_URL, registerAppScheme } from './app-protocol';
import { wireContractIpc } from './contract-ipc';
import { DIAL_PROTOCOLS } from './dial-arguments';
import { handleDialRequest } from './dial-handling';
import { notifyIncomingCalls } from './incoming-call-notifications';
import { createMainWindow } from './main-window';
import { manageLifetime } from './setup/app-lifetime';
import { listenForDialRequests } from './setup/dial-intake';
import { followPreferences } from './setup/preferences-setup';
import { secureSessions } from './setup/secure-sessions';
import { startShellCore } from './setup/shell-core';
import { setupTray } from './setup/tray-setup';

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
  let window: BrowserWindow | null = null;
  const showWindow = (): void => {
    if (window === null) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  };
  const dials = listenForDialRequests(showWindow);
  // macOS: clicking the Dock icon brings the (hidden) window back.
  app.on('activate', showWindow);
  // Windows shows notifications only for an app with an AppUserModelID (the installer sets it).
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
  await app.whenReady();

  const core = await startShellCore();
  await secureSessions(core, paths.rendererDir);
  registerDialProtocols();
  const dial = (source: Parameters<typeof handleDialRequest>[1], raw: string): void =>
    void handleDialRequest(core.dispatcher, source, raw, { showWindow, notify });
  const dialClipboard = (text: string): void => dial('shortcut', text);

  const opened = await createMainWindow(
    paths.preload,
    join(app.getPath('userData'), 'window-state.json'),
  );
  window = opened;
  wireContractIpc({ dispatcher: core.dispatcher, core, windows: () => [opened.webContents] });
  const settings = await followPreferences(core, { dialClipboard, notify });
  notifyIncomingCalls({ core, dispatcher: core.dispatcher, settings, showWindow });
  const removeTray = setupTray(core, paths.trayIcon, {
    dialClipboard: () => void clipboard.readText().then(dialClipboard),
    showWindow,
    quit: () => app.quit(),
  });
  manageLifetime(opened, core, removeTray);

  await opened.loadURL(APP_ENTRY_URL);
  dials.deliverTo(dial);
}
