/**
 * What the browser host answers over plain HTTP: the sign-in (a link's launch token exchanged for
 * a session), the page's renewals of it, and the built UI's files for a signed-in browser.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

import { SESSION_KEY_FRAGMENT, SESSION_RENEW_PATH } from '../../shared/contract/wire';
import { lookupStaticFile } from '../ground/static-files';
import type { BrowserSession, BrowserSessions } from './browser-sessions';
import { checkAddressing, offeredKey, sessionCookieName, sessionCookies } from './request-guard';
import { securityHeaders } from './security-headers';

const SIGN_IN_AGAIN =
  'Sign in again: open the sign-in file Deskpilot named when it started, or run it again.';

/** Answers with the security headers every response carries (plain text unless `headers` say). */
export function reply(
  response: ServerResponse,
  status: number,
  port: number,
  body: string | Buffer,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, {
    ...securityHeaders(port),
    'Content-Type': 'text/plain; charset=utf-8',
    ...headers,
  });
  response.end(body);
}

/** The page a sign-in answers with: it moves on to `target` (no script: the CSP allows none). */
function signedInPage(target: string): string {
  return `<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${target}"><title>Deskpilot</title><p>Signed in. <a href="${target}">Open Deskpilot</a>.</p>`;
}

export interface PageRoutesOptions {
  sessions: BrowserSessions;
  rendererDir: string;
  /** The port the host listens on (known once it listens). */
  port: () => number;
  onSignIn?: () => void;
}

/** The HTTP request handler of the browser host; see the module comment. */
export function pageRoutes(
  options: PageRoutesOptions,
): (request: IncomingMessage, response: ServerResponse) => Promise<void> {
  const { sessions, port } = options;

  function setCookie(session: BrowserSession): string {
    const maxAge = Math.round(sessions.times.sessionTtlMs / 1000);
    return `${sessionCookieName(port(), session.id)}=${session.cookie}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${maxAge}`;
  }

  /**
   * Uses a sign-in link and hands the page its key. The answer is a page that moves on to the
   * UI's root (whatever path the link had: no open redirect) by itself, rather than a redirect:
   * a link opened from the sign-in file comes from another site, and browsers keep a
   * SameSite=Strict cookie off a redirect that started there, but send it when our own page
   * moves on.
   */
  function signIn(response: ServerResponse, token: string): void {
    const session = sessions.signIn(token);
    if (session === null) {
      const message = `This sign-in link has expired or was used already. ${SIGN_IN_AGAIN}`;
      return reply(response, 403, port(), message);
    }
    options.onSignIn?.();
    const target = `/#${SESSION_KEY_FRAGMENT}=${session.key}`;
    reply(response, 200, port(), signedInPage(target), {
      'Content-Type': 'text/html; charset=utf-8',
      'Set-Cookie': setCookie(session),
    });
  }

  /** The page keeps its session alive: both secrets renew it, and its cookie with it. */
  function renew(request: IncomingMessage, response: ServerResponse): void {
    const verdict = checkAddressing(request.headers, port(), true);
    if (verdict !== null) return reply(response, verdict.status, port(), verdict.message);
    const session = sessions.authorise(
      sessionCookies(request.headers, port()),
      offeredKey(request.headers, false),
    );
    if (session === null) {
      return reply(response, 401, port(), `The session has ended. ${SIGN_IN_AGAIN}`);
    }
    sessions.renew(session);
    response.writeHead(204, { ...securityHeaders(port()), 'Set-Cookie': setCookie(session) });
    response.end();
  }

  return async (request, response) => {
    const verdict = checkAddressing(request.headers, port(), false);
    if (verdict !== null) return reply(response, verdict.status, port(), verdict.message);
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port()}`);
    if (request.method === 'POST' && url.pathname === SESSION_RENEW_PATH) {
      return renew(request, response);
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return reply(response, 405, port(), 'Only GET and HEAD are served', { Allow: 'GET, HEAD' });
    }
    const token = url.searchParams.get('token');
    if (token !== null) return signIn(response, token);
    if (!sessions.signedIn(sessionCookies(request.headers, port()))) {
      return reply(response, 401, port(), `You are not signed in. ${SIGN_IN_AGAIN}`);
    }
    const found = await lookupStaticFile(options.rendererDir, url.pathname);
    if (found.kind === 'not-built') return reply(response, 503, port(), found.message);
    if (found.kind === 'not-found') return reply(response, 404, port(), 'Not found');
    return reply(response, 200, port(), request.method === 'HEAD' ? '' : found.body, {
      'Content-Type': found.contentType,
    });
  };
}
