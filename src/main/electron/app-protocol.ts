/**
 * The app:// protocol that serves the built UI to the window instead of file://, so the page has
 * a real origin the CSP and the IPC sender checks can name, and no access to the file system.
 */
import { protocol } from 'electron';

import { contentSecurityPolicy } from '../ground/content-security-policy';
import { lookupStaticFile } from '../ground/static-files';

const APP_SCHEME = 'app';
const APP_HOST = 'deskpilot';
/** The page the main window loads. */
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;
/** The window talks to the core through the preload only: no network connections at all. */
export const APP_CONTENT_SECURITY_POLICY = contentSecurityPolicy([]);

/** Whether a URL belongs to the app's own pages. */
export function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Declares app:// a secure standard scheme; must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    },
  ]);
}

function textResponse(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

/** Serves `rendererDir` (out/renderer) on app://deskpilot/ with the strict CSP on every page. */
export function serveAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (!isAppUrl(request.url)) return textResponse(404, 'Not found');
    const found = await lookupStaticFile(rendererDir, new URL(request.url).pathname);
    if (found.kind === 'not-built') return textResponse(503, found.message);
    if (found.kind === 'not-found') return textResponse(404, 'Not found');
    return new Response(new Uint8Array(found.body), {
      status: 200,
      headers: {
        'Content-Type': found.contentType,
        'Content-Security-Policy': APP_CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  });
}
