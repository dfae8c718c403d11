/**
 * The security settings of every web page the app shows: blocked navigation and pop-ups, denied
 * permissions and webviews, and the Content-Security-Policy on every response.
 */
import type { Session, WebContents } from 'electron';

import { isAppUrl } from './app-protocol';

/**
 * Locks down a page: no navigation away from the app, in the page or in any frame of it, no
 * redirects elsewhere, no webviews, and `window.open` never opens a window (allowed links go to
 * the system browser via `openExternal`).
 */
export function hardenWebContents(
  contents: WebContents,
  openExternal: (url: string) => void,
): void {
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  // will-navigate sees the main frame only; a frame (an iframe a page slipped in) navigates here.
  contents.on('will-frame-navigate', (event) => {
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

/**
 * Adds the app's CSP to every response of the session, whatever served it (app:// sets it too).
 * The policy is spelled out here so electronegativity can evaluate it; a test keeps it equal to
 * APP_CONTENT_SECURITY_POLICY.
 */
export function enforceContentSecurityPolicy(session: Session): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [
          "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; object-src 'none'",
        ],
      },
    });
  });
}
