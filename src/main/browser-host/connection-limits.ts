/**
 * What a local process can hold open on the browser host without a session: connections must
 * send their request headers within seconds and go idle only briefly, and at most `maxWaiting`
 * of them are kept — a new one pushes out the one that has waited longest, so a flood of silent
 * connections costs the flooder its own connections, not a browser's. Authorised WebSockets
 * leave that pool and have their own bound.
 */
import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';

export interface ConnectionLimits {
  /** Connections kept that are not an authorised WebSocket. */
  maxWaiting: number;
  /** Authorised WebSockets at once (windows and tabs). */
  maxSockets: number;
  /** Time to send the request headers. */
  headersTimeoutMs: number;
  /** Time a connection may sit idle between requests, or with a request half-sent. */
  idleTimeoutMs: number;
}

export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = {
  maxWaiting: 64,
  maxSockets: 64,
  headersTimeoutMs: 5000,
  idleTimeoutMs: 10_000,
};

/** How often Node looks for connections past their header or request time. */
export const CONNECTION_CHECK_MS = 1000;

/** The pools of one server; see the module comment. */
export interface ConnectionPools {
  /** Moves an authorised upgrade out of the waiting pool; false when no socket is free. */
  adopt(socket: Duplex): boolean;
}

/** Applies the limits to `server` (created with `connectionsCheckingInterval` = CONNECTION_CHECK_MS). */
export function limitConnections(server: Server, limits: ConnectionLimits): ConnectionPools {
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = limits.idleTimeoutMs;
  server.keepAliveTimeout = limits.headersTimeoutMs;
  server.setTimeout(limits.idleTimeoutMs);
  // Insertion order is age: the first entry has waited longest.
  const waiting = new Set<Duplex>();
  const sockets = new Set<Duplex>();
  server.on('connection', (socket: Socket) => {
    waiting.add(socket);
    socket.once('close', () => {
      waiting.delete(socket);
      sockets.delete(socket);
    });
    if (waiting.size > limits.maxWaiting) {
      const oldest = waiting.values().next().value;
      if (oldest !== undefined) {
        waiting.delete(oldest);
        oldest.destroy();
      }
    }
  });
  return {
    adopt(socket) {
      if (sockets.size >= limits.maxSockets) return false;
      waiting.delete(socket);
      sockets.add(socket);
      return true;
    },
  };
}
