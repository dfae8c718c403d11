/**
 * Locks down every web page before the first window opens: permissions denied, the CSP on every
 * response, navigation and pop-ups blocked, and the app:// protocol serving the built UI. Links
 * the page opens go to the system browser only when allow-listed (https documentation sites, or
 * a configured phone's own web page).
 */
import { app, session, shell } from 'electron';

import type { PhoneInfo } from '../../../shared/domain';
import { serveAppProtocol } from '../app-protocol';
import { isAllowedExternalUrl } from '../external-links';
import {
  denyAllPermissions,
  enforceContentSecurityPolicy,
  hardenWebContents,
} from '../window-security';
import type { ShellCore } from './shell-core';

/** Applies the protections; `rendererDir` is the built UI. */
export async function secureSessions(core: ShellCore, rendererDir: string): Promise<void> {
  let phones: readonly PhoneInfo[] = [];
  const listed = await core.dispatcher.call('phones.list', {});
  if (listed.ok) phones = listed.value;
  core.subscribe('phone', (event) => {
    if (event.type === 'phones-changed') phones = event.phones;
  });
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
  serveAppProtocol(rendererDir);
}
