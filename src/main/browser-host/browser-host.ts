/**
 * The browser host: the built UI over HTTP and the contract over a WebSocket, on 127.0.0.1 only.
 * A random token in the printed URL becomes an HttpOnly, SameSite=Strict cookie; every request
 * and upgrade must carry it and be addressed to our loopback host from our own origin.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { fileURLToPath } from 'node:url';

import { CONTRACT_SOCKET_PATH } from '../../shared/contract/wire';
import type { ContractCore } from '../ipc/contract-core';
import { createDispatcher } from '../ipc/dispatcher';
import {
  CONNECTION_CHECK_MS,
  DEFAULT_CONNECTION_LIMITS,
  limitConnections,
  type ConnectionLimits,
} from './connection-limits';
import { createContractSocketServer } from './contract-socket';
import { DEFAULT_SOCKET_LIMITS, type SocketLimits } from './socket-flow';
import { checkAddressing, hasSessionCookie, tokenCookieName, tokensMatch } from './request-guard';
import { securityHeaders } from './security-headers';
import { lookupStaticFile } from '../ground/static-files';

/** Where `vite build` puts the UI (see vite.config.ts at the repository root). */
export const DEFAULT_RENDERER_DIR = fileURLToPath(
  new URL('../../../out/renderer', import.meta.url),
);

export interface BrowserHostOptions {
  /** The core to serve; the host does not close it. */
  core: ContractCore;
  /** TCP port on 127.0.0.1; 0 or absent picks a free one. */
  port?: number;
  /** Directory of the built UI; defaults to out/renderer. */
  rendererDir?: string;
  /** Where unexpected internal errors are reported (never with argument values). */
  log?: (line: string) => void;
  /** The session token; default: 32 random bytes. Tests pass one to restart a host in place. */
  token?: string;
  /** Flow limits of each contract socket (tests shorten them). */
  socketLimits?: Partial<SocketLimits>;
  /** Limits on connections and their timeouts (tests shorten them). */
  connectionLimits?: Partial<ConnectionLimits>;
}

export interface BrowserHost {
  /** The address to open, with the session token. */
  url: string;
  port: number;
  /** The session token (tests use it to build requests). */
  token: string;
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

/** Starts the browser host and resolves once it listens. */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const rendererDir = options.rendererDir ?? DEFAULT_RENDERER_DIR;
  const dispatcher = createDispatcher(options.core, options.log);
  const sockets = createContractSocketServer(options.core, dispatcher, {
    ...DEFAULT_SOCKET_LIMITS,
    ...options.socketLimits,
  });
  let port = 0;

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const verdict = checkAddressing(request.headers, port, false);
    if (verdict !== null) return reply(response, verdict.status, port, verdict.message);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return reply(response, 405, port, 'Only GET and HEAD are served', { Allow: 'GET, HEAD' });
    }
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    const offered = url.searchParams.get('token');
    if (offered !== null) {
      if (!tokensMatch(token, offered)) {
        return reply(
          response,
          403,
          port,
          'This link is not valid any more: open the address Deskpilot printed last.',
        );
      }
      url.searchParams.delete('token');
      return reply(response, 303, port, 'Signed in', {
        'Set-Cookie': `${tokenCookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        Location: `${url.pathname}${url.search}`,
      });
    }
    if (!hasSessionCookie(request.headers, port, token)) {
      return reply(response, 401, port, 'Open the address Deskpilot printed (it carries a token).');
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
    if (!hasSessionCookie(request.headers, port, token)) {
      return refuseUpgrade(socket, 401, 'The session token is missing');
    }
    if (!pools.adopt(socket)) {
      return refuseUpgrade(socket, 503, 'Too many Deskpilot windows are connected');
    }
    sockets.handleUpgrade(request, socket, head, (client) =>
      sockets.emit('connection', client, request),
    );
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

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    async close() {
      for (const client of sockets.clients) client.terminate();
      await new Promise<void>((resolveClose) => sockets.close(() => resolveClose()));
      server.closeAllConnections();
      await new Promise<void>((resolveClose) => server.close(() => resolveClose()));
    },
  };
}
