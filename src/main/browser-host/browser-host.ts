/**
 * The browser host: the built UI over HTTP and the contract over a WebSocket, on 127.0.0.1 only.
 * A browser signs in with a single-use, short-lived link (browser-sessions.ts); every request
 * must be addressed to our loopback host from our own origin (request-guard.ts); connections
 * and sockets are bounded (connection-limits.ts, socket-flow.ts).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { fileURLToPath } from 'node:url';

import type { WebSocket } from 'ws';

import {
  CONTRACT_SOCKET_PATH,
  SESSION_ENDED_CLOSE_CODE,
  SESSION_KEY_FRAGMENT,
  SESSION_RENEW_PATH,
} from '../../shared/contract/wire';
import type { ContractCore } from '../ipc/contract-core';
import { createDispatcher } from '../ipc/dispatcher';
import { BrowserSessions, type BrowserSession, type SessionTimes } from './browser-sessions';
import {
  CONNECTION_CHECK_MS,
  DEFAULT_CONNECTION_LIMITS,
  limitConnections,
  type ConnectionLimits,
} from './connection-limits';
import { createContractSocketServer } from './contract-socket';
import { DEFAULT_SOCKET_LIMITS, type SocketLimits } from './socket-flow';
import { checkAddressing, offeredKey, sessionCookieName, sessionCookies } from './request-guard';
import { securityHeaders } from './security-headers';
import { lookupStaticFile } from '../ground/static-files';

/** Where `vite build` puts the UI (see vite.config.ts at the repository root). */
export const DEFAULT_RENDERER_DIR = fileURLToPath(
  new URL('../../../out/renderer', import.meta.url),
);

/** How often sockets of ended sessions are looked for. */
const SESSION_SWEEP_MS = 10_000;

export interface BrowserHostOptions {
  /** The core to serve; the host does not close it. */
  core: ContractCore;
  /** TCP port on 127.0.0.1; 0 or absent picks a free one. */
  port?: number;
  /** Directory of the built UI; defaults to out/renderer. */
  rendererDir?: string;
  /** Where unexpected internal errors are reported (never with argument values). */
  log?: (line: string) => void;
  /** Lifetimes of sign-in links and sessions (tests shorten them). */
  sessionTimes?: Partial<SessionTimes>;
  /** The sign-ins to honour; default: new ones. Tests pass one to restart a host in place. */
  sessions?: BrowserSessions;
  /** Called after a sign-in link was used (the launch file then gets a fresh one). */
  onSignIn?: () => void;
  /** Flow limits of each contract socket (tests shorten them). */
  socketLimits?: Partial<SocketLimits>;
  /** Limits on connections and their timeouts (tests shorten them). */
  connectionLimits?: Partial<ConnectionLimits>;
}

export interface BrowserHost {
  /** The host's address, without any secret. */
  url: string;
  port: number;
  /** The sign-ins this host honours. */
  sessions: BrowserSessions;
  /** A new sign-in link: it works once, within the sign-in lifetime. */
  signInUrl(): string;
  /** Stops listening and disconnects every browser. */
  close(): Promise<void>;
}

function reply(
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

function refuseUpgrade(socket: Duplex, status: 401 | 403 | 404 | 421 | 503, message: string): void {
  socket.end(
    `HTTP/1.1 ${status} Refused\r\nConnection: close\r\nContent-Type: text/plain\r\n\r\n${message}`,
  );
}

/** The page a sign-in answers with: it moves on to `target` (no script: the CSP allows none). */
function signedInPage(target: string): string {
  return `<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${target}"><title>Deskpilot</title><p>Signed in. <a href="${target}">Open Deskpilot</a>.</p>`;
}

const SIGN_IN_AGAIN =
  'Sign in again: open the sign-in file Deskpilot named when it started, or run it again.';

/** Starts the browser host and resolves once it listens. */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const sessions = options.sessions ?? new BrowserSessions(options.sessionTimes);
  const rendererDir = options.rendererDir ?? DEFAULT_RENDERER_DIR;
  const dispatcher = createDispatcher(options.core, options.log);
  const sockets = createContractSocketServer(options.core, dispatcher, {
    ...DEFAULT_SOCKET_LIMITS,
    ...options.socketLimits,
  });
  const sessionOf = new WeakMap<WebSocket, BrowserSession>();
  let port = 0;

  function setCookie(session: BrowserSession): string {
    const maxAge = Math.round(sessions.times.sessionTtlMs / 1000);
    return `${sessionCookieName(port, session.id)}=${session.cookie}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${maxAge}`;
  }

  /**
   * Uses a sign-in link and hands the page its key. The answer is a page that moves on to the
   * UI's root (whatever path the link had: no open redirect) by itself, rather than a redirect:
   * a link opened from the sign-in file comes from another site, and browsers keep a
   * SameSite=Strict cookie off a redirect that started there, but send it when our own page
   * moves on.
   */
  function signIn(request: IncomingMessage, response: ServerResponse, token: string): void {
    const session = sessions.signIn(token);
    if (session === null) {
      return reply(
        response,
        403,
        port,
        `This sign-in link has expired or was used already. ${SIGN_IN_AGAIN}`,
      );
    }
    options.onSignIn?.();
    const target = `/#${SESSION_KEY_FRAGMENT}=${session.key}`;
    reply(response, 200, port, signedInPage(target), {
      'Content-Type': 'text/html; charset=utf-8',
      'Set-Cookie': setCookie(session),
    });
  }

  /** The page keeps its session alive: both secrets renew it, and its cookie with it. */
  function renew(request: IncomingMessage, response: ServerResponse): void {
    const verdict = checkAddressing(request.headers, port, true);
    if (verdict !== null) return reply(response, verdict.status, port, verdict.message);
    const session = sessions.authorise(
      sessionCookies(request.headers, port),
      offeredKey(request.headers, false),
    );
    if (session === null)
      return reply(response, 401, port, `The session has ended. ${SIGN_IN_AGAIN}`);
    sessions.renew(session);
    response.writeHead(204, { ...securityHeaders(port), 'Set-Cookie': setCookie(session) });
    response.end();
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const verdict = checkAddressing(request.headers, port, false);
    if (verdict !== null) return reply(response, verdict.status, port, verdict.message);
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    if (request.method === 'POST' && url.pathname === SESSION_RENEW_PATH) {
      return renew(request, response);
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return reply(response, 405, port, 'Only GET and HEAD are served', { Allow: 'GET, HEAD' });
    }
    const token = url.searchParams.get('token');
    if (token !== null) return signIn(request, response, token);
    if (!sessions.signedIn(sessionCookies(request.headers, port))) {
      return reply(response, 401, port, `You are not signed in. ${SIGN_IN_AGAIN}`);
    }
    const found = await lookupStaticFile(rendererDir, url.pathname);
    if (found.kind === 'not-built') return reply(response, 503, port, found.message);
    if (found.kind === 'not-found') return reply(response, 404, port, 'Not found');
    return reply(response, 200, port, request.method === 'HEAD' ? '' : found.body, {
      'Content-Type': found.contentType,
    });
  }

  function upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    // Node hands over an upgrading socket without its error listener: a client that resets while
    // we answer would otherwise throw ECONNRESET out of the server and stop the host.
    socket.on('error', () => socket.destroy());
    const path = new URL(request.url ?? '/', `http://127.0.0.1:${port}`).pathname;
    if (path !== CONTRACT_SOCKET_PATH) return refuseUpgrade(socket, 404, 'Not found');
    const verdict = checkAddressing(request.headers, port, true);
    if (verdict !== null) return refuseUpgrade(socket, verdict.status, verdict.message);
    const session = sessions.authorise(
      sessionCookies(request.headers, port),
      offeredKey(request.headers, true),
    );
    if (session === null) {
      return refuseUpgrade(socket, 401, "No signed-in session with this page's key");
    }
    if (!pools.adopt(socket)) {
      return refuseUpgrade(socket, 503, 'Too many Deskpilot windows are connected');
    }
    sockets.handleUpgrade(request, socket, head, (client) => {
      sessionOf.set(client, session);
      sockets.emit('connection', client, request);
    });
  }

  /** Closes the sockets of sessions that ended, telling their pages to sign in again. */
  function sweep(): void {
    for (const client of sockets.clients) {
      const session = sessionOf.get(client);
      if (session !== undefined && !sessions.isLive(session)) {
        client.close(SESSION_ENDED_CLOSE_CODE, 'The session has ended');
      }
    }
  }

  const server = createServer(
    { connectionsCheckingInterval: CONNECTION_CHECK_MS },
    (request, response) => {
      handle(request, response).catch(() => {
        if (!response.headersSent) reply(response, 500, port, 'Internal error');
        else response.destroy();
      });
    },
  );
  const pools = limitConnections(server, {
    ...DEFAULT_CONNECTION_LIMITS,
    ...options.connectionLimits,
  });
  server.on('upgrade', upgrade);
  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', rejectListen);
      resolveListen();
    });
  });
  port = (server.address() as AddressInfo).port;
  const sweeper = setInterval(sweep, Math.min(SESSION_SWEEP_MS, sessions.times.sessionTtlMs));
  sweeper.unref();

  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    sessions,
    signInUrl: () => `http://127.0.0.1:${port}/?token=${sessions.mintLaunchToken()}`,
    async close() {
      clearInterval(sweeper);
      for (const client of sockets.clients) client.terminate();
      await new Promise<void>((resolveClose) => sockets.close(() => resolveClose()));
      server.closeAllConnections();
      await new Promise<void>((resolveClose) => server.close(() => resolveClose()));
    },
  };
}
