/**
 * The event receiver: a small HTTP server on the local address each phone reaches this computer
 * by, where every phone with instant call events has a secret path (`/deskpilot/events/<token>`;
 * phones cannot authenticate, so the URL carries the secret). Only the phone's own address may
 * post there. Strangers never reach a session: they are refused before the body is read, and
 * nothing a request carries is ever logged.
 *
 * Refusals, in order: a source that is no phone's → 403; not POST → 405; unknown path → 404; a
 * known path from another address → 403; over 20 KB (declared or counted) → 413; not UTF-8 XML
 * with at least one event → 400 and one log line (at most one per phone every 30 s). An accepted
 * event is answered 200 with an empty body at once, then handed to the phone's session.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { DeskpilotError } from '../ground/deskpilot-error';
import { hostPort, localAddressFor, phoneAddress, plainAddress } from './local-address';
import type { PushEvent } from './push-event';
import { readPushBody } from './push-xml';

/** A phone's request body limit (the phone's own, for what it receives). */
export const MAX_EVENT_BYTES = 20 * 1024;
const PATH_PREFIX = '/deskpilot/events/';
const LOG_EVERY_MS = 30_000;

export interface PushReceiverOptions {
  /** The port to listen on; 0: any free port. */
  port: number;
  /** Take a free port when `port` is taken (the app); false: refuse with the reason (the CLI). */
  fallback: boolean;
  /** One line per refused malformed event (rate-limited); never a body or a token. */
  log: (line: string) => void;
}

/** A phone's open path: the URL to give the phone and the address it names. */
export interface PushPath {
  url: string;
  /** `192.168.1.5:8489`: where this computer listens for this phone. */
  listeningOn: string;
  /** Closes the path: the phone's events are refused (404) from now on. */
  close(): void;
}

/** What the receiver did, for tests and benchmarks. */
export interface ReceiverStats {
  accepted: number;
  refused: Record<number, number>;
}

interface Route {
  address: string;
  deliver: (events: PushEvent[]) => void;
  /** When a malformed event from this phone was last logged, and how many were not since. */
  loggedAt: number;
  unlogged: number;
}

/** One phone's receiver paths on the local addresses phones reach; see the module comment. */
export class PushReceiver {
  private readonly servers = new Map<string, Promise<http.Server>>();
  private readonly routes = new Map<string, Route>();
  /** How many open paths each phone address has (so a stranger's address is refused at once). */
  private readonly phoneAddresses = new Map<string, number>();
  private closed = false;
  readonly stats: ReceiverStats = { accepted: 0, refused: {} };

  constructor(private readonly options: PushReceiverOptions) {}

  /**
   * Opens `token`'s path for the phone at `phoneUrl`: listens on the local address that reaches
   * it (once per address) and hands every accepted event to `deliver`. Throws DeskpilotError when
   * there is no route to the phone or the port cannot be had.
   */
  async open(
    phone: { phoneUrl: string; token: string },
    deliver: (events: PushEvent[]) => void,
  ): Promise<PushPath> {
    const { address, url, listeningOn } = await this.endpoint(phone);
    if (this.routes.has(phone.token)) {
      throw new DeskpilotError('internal', 'This event path is already open.');
    }
    const route: Route = { address, deliver, loggedAt: 0, unlogged: 0 };
    this.routes.set(phone.token, route);
    this.phoneAddresses.set(address, (this.phoneAddresses.get(address) ?? 0) + 1);
    let open = true;
    return {
      url,
      listeningOn,
      close: () => {
        if (!open) return;
        open = false;
        this.routes.delete(phone.token);
        const left = (this.phoneAddresses.get(address) ?? 1) - 1;
        if (left > 0) this.phoneAddresses.set(address, left);
        else this.phoneAddresses.delete(address);
      },
    };
  }

  /** Where the phone at `phoneUrl` would post for `token` (listening there from now on). */
  async locate(phone: { phoneUrl: string; token: string }): Promise<Omit<PushPath, 'close'>> {
    const { url, listeningOn } = await this.endpoint(phone);
    return { url, listeningOn };
  }

  /** How many paths are open (the core closes the receiver when none is). */
  get openPaths(): number {
    return this.routes.size;
  }

  /** Stops listening everywhere; open paths stop receiving. */
  async close(): Promise<void> {
    this.closed = true;
    const servers = await Promise.allSettled(this.servers.values());
    this.servers.clear();
    await Promise.all(
      servers.map((result) =>
        result.status === 'fulfilled'
          ? new Promise<void>((resolve) => {
              result.value.close(() => resolve());
              result.value.closeAllConnections();
            })
          : undefined,
      ),
    );
  }

  private async endpoint(phone: { phoneUrl: string; token: string }) {
    const address = await phoneAddress(phone.phoneUrl);
    const local = await localAddressFor(address);
    const server = await this.serverOn(local);
    const { port } = server.address() as AddressInfo;
    const listeningOn = hostPort(local, port);
    return { address, url: `http://${listeningOn}${PATH_PREFIX}${phone.token}`, listeningOn };
  }

  /** The server on `local`, started on first use. */
  private serverOn(local: string): Promise<http.Server> {
    if (this.closed)
      return Promise.reject(new DeskpilotError('cancelled', 'Deskpilot is closing.'));
    let server = this.servers.get(local);
    if (server === undefined) {
      server = this.listen(local);
      this.servers.set(local, server);
      // A failed start is not kept: the next phone tries again.
      server.catch(() => this.servers.delete(local));
    }
    return server;
  }

  private async listen(local: string): Promise<http.Server> {
    const server = http.createServer({ maxHeaderSize: 8 * 1024 }, (req, res) =>
      this.handle(req, res),
    );
    // A slow or silent client is dropped quickly: a phone posts a small body at once.
    server.headersTimeout = 5000;
    server.requestTimeout = 10_000;
    server.keepAliveTimeout = 5000;
    server.maxConnections = 4096;
    server.on('clientError', (_error, socket) => socket.destroy());
    const { port, fallback } = this.options;
    try {
      await listenOn(server, port, local);
    } catch (error) {
      const code = error instanceof Error && 'code' in error ? String(error.code) : '';
      if (code !== 'EADDRINUSE' || !fallback || port === 0) {
        throw new DeskpilotError(
          code === 'EADDRINUSE' ? 'not-supported' : 'internal',
          code === 'EADDRINUSE'
            ? `Port ${port} on ${local} is in use (perhaps by another Deskpilot on this computer), so instant call events cannot be received here.`
            : `Deskpilot cannot listen for instant call events on ${hostPort(local, port)} (${code || 'unknown error'}).`,
        );
      }
      await listenOn(server, 0, local);
    }
    return server;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    req.on('error', () => req.destroy());
    const source = plainAddress(req.socket.remoteAddress ?? '');
    if (!this.phoneAddresses.has(source)) return this.refuse(res, 403, 'Not a phone of Deskpilot');
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      return this.refuse(res, 405, 'Only POST');
    }
    const path = req.url ?? '';
    const route = path.startsWith(PATH_PREFIX)
      ? this.routes.get(path.slice(PATH_PREFIX.length))
      : undefined;
    if (route === undefined) return this.refuse(res, 404, 'Not found');
    if (route.address !== source) return this.refuse(res, 403, 'Not this phone');
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_EVENT_BYTES) return this.refuse(res, 413, 'Over 20 KB', true);
    readBounded(req, (body) => {
      if (body === null) return this.refuse(res, 413, 'Over 20 KB', true);
      this.accept(route, body, res);
    });
  }

  private accept(route: Route, body: Buffer, res: ServerResponse): void {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    } catch {
      return this.malformed(route, res, 'the body is not UTF-8 text');
    }
    const reading = readPushBody(text);
    if (!reading.ok) return this.malformed(route, res, reading.reason);
    this.stats.accepted += 1;
    // Answered before the session sees it: the phone never waits for Deskpilot's work.
    res.writeHead(200, { 'content-length': '0' });
    res.end();
    try {
      route.deliver(reading.events);
    } catch {
      // A session that fails on an event must not take the receiver down.
    }
  }

  private malformed(route: Route, res: ServerResponse, reason: string): void {
    this.refuse(res, 400, 'Malformed event');
    const now = Date.now();
    if (now - route.loggedAt < LOG_EVERY_MS) {
      route.unlogged += 1;
      return;
    }
    const more = route.unlogged > 0 ? ` (${route.unlogged} more since the last report)` : '';
    route.loggedAt = now;
    route.unlogged = 0;
    this.options.log(
      `Deskpilot: refused an event from the phone at ${route.address}: ${reason}${more}.`,
    );
  }

  private refuse(res: ServerResponse, status: number, text: string, closeAfter = false): void {
    this.stats.refused[status] = (this.stats.refused[status] ?? 0) + 1;
    if (res.headersSent) return;
    res.writeHead(status, {
      'content-type': 'text/plain; charset=utf-8',
      'content-length': String(Buffer.byteLength(text)),
      ...(closeAfter ? { connection: 'close' } : {}),
    });
    res.end(text);
    // The rest of an oversized body is not read: the connection goes.
    if (closeAfter) res.once('finish', () => res.req.destroy());
  }
}

/** Reads the body counting as it goes; null as soon as it passes MAX_EVENT_BYTES. */
function readBounded(req: IncomingMessage, done: (body: Buffer | null) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let over = false;
  req.on('data', (chunk: Buffer) => {
    if (over) return;
    size += chunk.length;
    if (size > MAX_EVENT_BYTES) {
      over = true;
      req.pause();
      done(null);
      return;
    }
    chunks.push(chunk);
  });
  req.on('end', () => {
    if (!over) done(Buffer.concat(chunks));
  });
}

function listenOn(server: http.Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
