/**
 * The security settings of every web page the app shows: the window's web preferences, blocked
 * navigation and pop-ups, denied permissions and webviews.
 */
import type { Session, WebContents, WebPreferences } from 'electron';

import { isAppUrl } from './app-protocol';

/** Web preferences of the main window: isolated, sandboxed, no Node, no webviews. */
export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    devTools: true,
  };
}

/**
 * Locks down a page: no navigation away from the app, no redirects elsewhere, no webviews, and
 * `window.open` never opens a window (allowed links go to the system browser via `openExternal`).
 */
export function hardenWebContents(
  contents: WebContents,
  openExternal: (url: string) => void,
): void {
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternal(url);
    return { action: 'deny' };
  });
}

/** The app needs no camera, microphone, notifications-from-page, USB or anything else. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
