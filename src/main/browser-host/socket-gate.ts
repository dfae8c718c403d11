/**
 * The door to the contract socket: an upgrade opens a socket only at the contract's path, from
 * our own origin, for a signed-in session presenting its page's key, and while the window bound
 * leaves room; sockets of sessions that ended are closed, telling their pages to sign in again.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

import type { WebSocket, WebSocketServer } from 'ws';

import { CONTRACT_SOCKET_PATH, SESSION_ENDED_CLOSE_CODE } from '../../shared/contract/wire';
import type { BrowserSession, BrowserSessions } from './browser-sessions';
import type { ConnectionPools } from './connection-limits';
import { checkAddressing, offeredKey, sessionCookies } from './request-guard';

function refuse(socket: Duplex, status: 401 | 403 | 404 | 421 | 503, message: string): void {
  socket.end(
    `HTTP/1.1 ${status} Refused\r\nConnection: close\r\nContent-Type: text/plain\r\n\r\n${message}`,
  );
}

export interface SocketGate {
  /** The server's 'upgrade' handler. */
  upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Closes the sockets whose session ended. */
  sweep(): void;
}

/** The gate in front of `sockets`; see the module comment. */
export function socketGate(options: {
  sessions: BrowserSessions;
  sockets: WebSocketServer;
  pools: ConnectionPools;
  port: () => number;
}): SocketGate {
  const { sessions, sockets, pools, port } = options;
  const sessionOf = new WeakMap<WebSocket, BrowserSession>();
  return {
    upgrade(request, socket, head) {
      // Node hands over an upgrading socket without its error listener: a client that resets
      // while we answer would otherwise throw ECONNRESET out of the server and stop the host.
      socket.on('error', () => socket.destroy());
      const path = new URL(request.url ?? '/', `http://127.0.0.1:${port()}`).pathname;
      if (path !== CONTRACT_SOCKET_PATH) return refuse(socket, 404, 'Not found');
      const verdict = checkAddressing(request.headers, port(), true);
      if (verdict !== null) return refuse(socket, verdict.status, verdict.message);
      const session = sessions.authorise(
        sessionCookies(request.headers, port()),
        offeredKey(request.headers, true),
      );
      if (session === null) return refuse(socket, 401, "No signed-in session with this page's key");
      if (!pools.adopt(socket))
        return refuse(socket, 503, 'Too many Deskpilot windows are connected');
      sockets.handleUpgrade(request, socket, head, (client) => {
        sessionOf.set(client, session);
        sockets.emit('connection', client, request);
      });
    },
    sweep() {
      for (const client of sockets.clients) {
        const session = sessionOf.get(client);
        if (session !== undefined && !sessions.isLive(session)) {
          client.close(SESSION_ENDED_CLOSE_CODE, 'The session has ended');
        }
      }
    },
  };
}
