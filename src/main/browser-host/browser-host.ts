/**
 * The browser host: the built UI over HTTP and the contract over a WebSocket, on 127.0.0.1 only.
 * A browser signs in with a single-use, short-lived link (browser-sessions.ts, page-routes.ts);
 * every request must be addressed to our loopback host from our own origin (request-guard.ts);
 * the socket opens for a session and its page's key (socket-gate.ts); connections and sockets
 * are bounded (connection-limits.ts, socket-flow.ts).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

import type { ContractCore } from '../ipc/contract-core';
import { createDispatcher } from '../ipc/dispatcher';
import { BrowserSessions, type SessionTimes } from './browser-sessions';
import {
  CONNECTION_CHECK_MS,
  DEFAULT_CONNECTION_LIMITS,
  limitConnections,
  type ConnectionLimits,
} from './connection-limits';
import { createContractSocketServer } from './contract-socket';
import { pageRoutes, reply } from './page-routes';
import { socketGate } from './socket-gate';
import { DEFAULT_SOCKET_LIMITS, type SocketLimits } from './socket-flow';

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

/** Starts the browser host and resolves once it listens. */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const sessions = options.sessions ?? new BrowserSessions(options.sessionTimes);
  const dispatcher = createDispatcher(options.core, options.log);
  const sockets = createContractSocketServer(options.core, dispatcher, {
    ...DEFAULT_SOCKET_LIMITS,
    ...options.socketLimits,
  });
  let port = 0;
  const pages = pageRoutes({
    sessions,
    rendererDir: options.rendererDir ?? DEFAULT_RENDERER_DIR,
    port: () => port,
    ...(options.onSignIn === undefined ? {} : { onSignIn: options.onSignIn }),
  });
  const server = createServer(
    { connectionsCheckingInterval: CONNECTION_CHECK_MS },
    (request, response) => {
      pages(request, response).catch(() => {
        if (!response.headersSent) reply(response, 500, port, 'Internal error');
        else response.destroy();
      });
    },
  );
  const pools = limitConnections(server, {
    ...DEFAULT_CONNECTION_LIMITS,
    ...options.connectionLimits,
  });
  const gate = socketGate({ sessions, sockets, pools, port: () => port });
  server.on('upgrade', gate.upgrade);
  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', rejectListen);
      resolveListen();
    });
  });
  port = (server.address() as AddressInfo).port;
  const sweeper = setInterval(gate.sweep, Math.min(SESSION_SWEEP_MS, sessions.times.sessionTtlMs));
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
