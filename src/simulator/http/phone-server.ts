import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { Authenticator } from './auth';
import { isJsonContentType, MAX_BODY_BYTES, readBody } from './body';
import { sendJson, sendNotFound, sendResult, sendText } from './phone-answers';
import type { TimerSet } from './timers';
import { extraDelayMs, overloaded, takeShot, type RequestWindow } from '../phone/faults';
import type { SimulatedPhone } from '../phone/phone';
import { bump } from '../phone/stats';
import type { RouteTable } from '../rest/routes';
import { uploadFile } from '../rest/uploader';
import { serveWebUi, webUiPage } from './web-ui';

export interface TlsMaterial {
  key: string;
  cert: string;
}

/** Answers a control-API request (`/__sim/...`); the server has checked the token. */
export type ControlHandler = (
  method: string,
  path: string,
  body: unknown,
) => Promise<{ httpStatus: number; json: unknown }>;

export interface PhoneServerOptions {
  phone: SimulatedPhone;
  routes: RouteTable;
  tls: TlsMaterial | null;
  controlToken: string;
  latencyMs: number;
  queueParallel: boolean;
  authenticator: Authenticator;
  control: ControlHandler;
  timers: TimerSet;
  /** A request was processed: the phones may have changed (their pushed events follow). */
  changed: () => void;
}

const CONTROL_BODY_LIMIT = 1024 * 1024;
const DEFAULT_PASSWORD = '456';

/**
 * One phone's HTTP(S) server: the control API, then the phone's rules in the order a request
 * meets them (reachability, faults, one request at a time, the web UI's pages, API enabled,
 * authentication, default password, body size and type), then the endpoint.
 */
export class PhoneServer {
  private readonly server: http.Server;
  private readonly sockets = new Set<Socket>();
  /** Requests admitted for processing (one, or several waiting in the queue). */
  private processing = 0;
  private inFlight = 0;
  private queueTail: Promise<void> = Promise.resolve();
  private readonly window: RequestWindow = { start: 0, count: 0 };

  constructor(private readonly options: PhoneServerOptions) {
    const listener = (req: IncomingMessage, res: ServerResponse): void => {
      this.handle(req, res).catch(() => {
        if (!res.headersSent) sendText(res, 500, 'Internal Server Error');
      });
    };
    this.server = options.tls
      ? https.createServer({ key: options.tls.key, cert: options.tls.cert }, listener)
      : http.createServer(listener);
    this.server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  /** Listens on 127.0.0.1; port 0 picks a free port. Resolves with the port. */
  listen(port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => {
        this.server.off('error', reject);
        resolve((this.server.address() as AddressInfo).port);
      });
    });
  }

  /** Serves a new certificate to new connections (certificate rotation). */
  setCertificate(tls: TlsMaterial): void {
    if (this.server instanceof https.Server) this.server.setSecureContext(tls);
  }

  /** Drops every connection (hung requests included) and stops listening. */
  close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://phone');
    if (url.pathname.startsWith('/__sim/')) {
      await this.handleControl(req, res, url.pathname);
      return;
    }
    const { phone } = this.options;
    const now = Date.now();
    phone.settle(now);
    if (phone.unreachable(now)) {
      req.socket.destroy();
      return;
    }
    if (phone.faults.overload && overloaded(phone.faults, this.window, now)) {
      phone.unreachableUntil = now + phone.faults.overload.unreachableMs;
      phone.stats.faultsInjected += 1;
      req.socket.destroy();
      return;
    }
    const path = url.pathname;
    const { stats, faults } = phone;
    stats.totalRequests += 1;
    bump(stats.requests, path);
    this.inFlight += 1;
    stats.inFlight = this.inFlight;
    stats.maxConcurrent = Math.max(stats.maxConcurrent, this.inFlight);
    res.on('close', () => {
      this.inFlight -= 1;
      phone.stats.inFlight = this.inFlight;
    });
    if (phone.restHung) return;
    if (takeShot(faults.drop, path)) {
      stats.faultsInjected += 1;
      req.socket.destroy();
      return;
    }
    // A hung request is never answered; the client gives up (or close() drops it).
    if (takeShot(faults.hang, path)) {
      stats.faultsInjected += 1;
      return;
    }
    if (faults.busy && takeShot(faults.busy, path)) {
      stats.faultsInjected += 1;
      if (faults.busy.as === 'http403') sendText(res, 403, 'Forbidden: device busy', phone);
      else sendResult(res, { status: 4001 }, phone);
      return;
    }
    if (this.processing > 0 && !this.options.queueParallel) {
      stats.parallelRejected += 1;
      sendText(res, 403, 'Forbidden: another request is being processed', phone);
      return;
    }
    if (this.processing > 0) stats.queued += 1;
    this.processing += 1;
    const turn = this.queueTail.then(() => this.process(req, res, url));
    this.queueTail = turn.catch(() => undefined);
    try {
      await turn;
    } finally {
      this.processing -= 1;
      this.options.changed();
    }
  }

  private async process(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const { phone } = this.options;
    const path = url.pathname;
    await this.options.timers.delay(this.options.latencyMs + extraDelayMs(phone.faults, path));
    if (res.destroyed) return;
    const { authenticator } = this.options;
    const digest = authenticator.digestOnly || phone.dialect.auth === 'digest';
    const page = webUiPage(path, phone);
    if (page !== null) {
      await serveWebUi({ req, res, phone, page, authenticator, digest, now: Date.now() });
      return;
    }
    if (!phone.config.enabled('apps.restapi.enabled')) {
      sendNotFound(res, phone);
      return;
    }
    const credentials = { adminPassword: phone.adminPassword, userPassword: phone.userPassword };
    const access = authenticator.check(req, credentials, digest);
    const route = this.options.routes.find(req.method ?? 'GET', path, phone);
    if (!access || (route?.access === 'admin' && access !== 'admin')) {
      res.setHeader('WWW-Authenticate', authenticator.challenge(digest));
      sendText(res, 401, 'Unauthorized', phone);
      return;
    }
    if (!route) {
      sendNotFound(res, phone);
      return;
    }
    if (phone.adminPassword === DEFAULT_PASSWORD) {
      sendResult(res, { status: 4010 }, phone);
      return;
    }
    let data: unknown = undefined;
    if (route.method === 'POST') {
      if (!isJsonContentType(req.headers['content-type'])) {
        sendText(res, 400, 'Bad Request: Content-Type must be application/json', phone);
        return;
      }
      const body = await readBody(req, MAX_BODY_BYTES);
      if (!body.ok) {
        if (body.reason === 'too-large') sendText(res, 413, 'Request Entity Too Large', phone);
        return;
      }
      const parsed = parseJson(body.body);
      if (parsed === INVALID) {
        sendResult(res, { status: 4000 }, phone);
        return;
      }
      data =
        typeof parsed === 'object' && parsed !== null
          ? (parsed as { data?: unknown }).data
          : undefined;
    }
    if (takeShot(phone.faults.fail5000, path)) {
      phone.stats.faultsInjected += 1;
      sendResult(res, { status: 5000 }, phone);
      return;
    }
    const result = await route.handle({
      phone,
      now: Date.now(),
      data,
      query: url.searchParams,
      upload: (target, file, contentType) => uploadFile(target, file, contentType),
    });
    // The phone did the work but the answer is lost: the client cannot know the outcome.
    if (takeShot(phone.faults.dropAfter, path)) {
      phone.stats.faultsInjected += 1;
      req.socket.destroy();
      return;
    }
    if (!res.destroyed) sendResult(res, result, phone);
  }

  private async handleControl(
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
  ): Promise<void> {
    const expected = `Bearer ${this.options.controlToken}`;
    if (req.headers.authorization !== expected) {
      sendJson(res, 401, { error: 'The control API needs Authorization: Bearer <control token>' });
      return;
    }
    const body = await readBody(req, CONTROL_BODY_LIMIT);
    if (!body.ok) {
      if (body.reason === 'too-large') sendJson(res, 413, { error: 'Control request over 1 MB' });
      return;
    }
    const parsed = body.body.length === 0 ? {} : parseJson(body.body);
    if (parsed === INVALID) {
      sendJson(res, 400, { error: 'The control request body is not valid JSON' });
      return;
    }
    const answer = await this.options.control(req.method ?? 'GET', path, parsed);
    sendJson(res, answer.httpStatus, answer.json);
  }
}

const INVALID = Symbol('invalid JSON');

function parseJson(body: Buffer): unknown {
  if (body.length === 0) return undefined;
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    return INVALID;
  }
}
