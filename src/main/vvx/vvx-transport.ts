/**
 * One phone's HTTP(S) transport: a single kept-alive connection (the phone is a slow,
 * single-threaded server), authentication (below), pinned certificates, a timeout and a size
 * bound per request, and every failure mapped once to a PhoneError with plain words. REST
 * requests speak JSON; the web UI's pages (the login form, the screen capture) go through the
 * same connection and come back as bytes.
 *
 * Authentication: over HTTPS, Basic goes up front (the channel is encrypted and pinned) and
 * Digest when the phone asks for it. Over plain HTTP nothing is sent before the phone's
 * challenge: Digest when it offers it, remembered for every later request (the password never
 * crosses the network); Basic only when the phone offers nothing better, and then the password
 * crosses in the clear with every request, which the app says where a phone is set up.
 */
import type { IncomingHttpHeaders } from 'node:http';

import { Pool, errors as undiciErrors } from 'undici';

import { DigestSession, parseDigestChallenge } from './digest-auth';
import { PhoneError, phoneErrorFromVvxStatus } from './phone-error';
import { pinnedConnector } from './pinned-connector';
import { isRecord } from './vvx-values';

export interface VvxTransportOptions {
  url: string;
  username: string;
  password: string;
  /** SHA-256 fingerprint the user accepted; null refuses every HTTPS connection (TOFU). */
  pinnedFingerprint: string | null;
  connectTimeoutMs?: number;
}

/** Whether a request can change the phone: decides what is safe to retry and what a timeout means. */
export type RequestEffect = 'read' | 'write';

export interface VvxRequest {
  method: 'GET' | 'POST';
  path: string;
  query?: Record<string, string>;
  /** The `data` member of the JSON body (POST only); omitted sends an empty envelope. */
  data?: unknown;
  timeoutMs: number;
  effect: RequestEffect;
}

export interface VvxReply {
  httpStatus: number;
  /** The `data` member of the phone's answer (undefined when it sent none). */
  data: unknown;
  /** What the answer holds beside `Status` and `data` (real phones put `InvalidParams` here). */
  top: Record<string, unknown>;
}

/**
 * The most a REST answer may hold: the largest the simulator gives (call logs with 300 entries)
 * is about 21 KB; a real phone's widget tree may be larger, so this leaves room while stopping a
 * broken or hostile peer from filling memory.
 */
export const MAX_ANSWER_BYTES = 4 * 1024 * 1024;

/** One request to the phone's web UI (its login form, its screen capture), answered in bytes. */
export interface WebRequest {
  method: 'GET' | 'POST';
  path: string;
  /**
   * How to authenticate: as REST requests are (Basic, Digest when challenged), Basic up front
   * (the login form takes nothing else), or not at all (the request carries a session cookie).
   */
  credentials: 'challenge' | 'basic' | 'none';
  headers?: Record<string, string>;
  timeoutMs: number;
  /** The most bytes the answer may hold: a longer one is cut off and refused. */
  maxBytes: number;
  effect: RequestEffect;
}

export interface WebReply {
  httpStatus: number;
  body: Buffer;
  /** The answer's `Set-Cookie` headers. */
  setCookie: string[];
}

/** A request as it goes on the wire. */
interface Exchange {
  method: 'GET' | 'POST';
  /** With its query. */
  path: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
  effect: RequestEffect;
  maxBytes: number;
}

interface RawReply {
  httpStatus: number;
  body: Buffer;
  headers: IncomingHttpHeaders;
}

const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_CONNECT_TIMEOUT',
]);
/** What OpenSSL says when the other side answers a TLS hello in plain text: HTTP, not HTTPS. */
const PLAIN_TEXT_ANSWER_CODES = new Set([
  'ERR_SSL_WRONG_VERSION_NUMBER',
  'ERR_SSL_PACKET_LENGTH_TOO_LONG',
  'ERR_SSL_HTTP_REQUEST',
]);

/** Sends requests to one phone; never more than one connection, never a password in an error. */
export class VvxTransport {
  private pool: Pool;
  private readonly origin: string;
  private readonly basic: string;
  /** Whether Basic may go up front: over HTTPS always, over HTTP once the phone asked for it. */
  private basicUpFront: boolean;
  private digest: DigestSession | null = null;
  private opened = 0;
  private open = 0;

  constructor(private readonly options: VvxTransportOptions) {
    const url = parsePhoneUrl(options.url);
    this.origin = url.origin;
    this.basic = `Basic ${Buffer.from(`${options.username}:${options.password}`).toString('base64')}`;
    this.basicUpFront = url.protocol === 'https:';
    this.pool = this.createPool();
  }

  private createPool(): Pool {
    const pool = new Pool(this.origin, {
      connections: 1,
      pipelining: 1,
      keepAliveTimeout: 30_000,
      connect: pinnedConnector(
        this.options.pinnedFingerprint,
        this.options.connectTimeoutMs ?? 3000,
      ),
    });
    pool.on('connect', () => {
      this.opened += 1;
      this.open += 1;
    });
    pool.on('disconnect', () => {
      this.open -= 1;
    });
    return pool;
  }

  /**
   * Gives up on a request that outlived its timeout: its connection is dropped with the pool it
   * belongs to, and later requests get a fresh pool. (undici's own header/body timeouts tick at
   * about one second, too coarse for phones; an AbortSignal per request costs more than the
   * rare replacement.)
   */
  private abandon(pool: Pool): void {
    if (this.pool === pool) this.pool = this.createPool();
    pool.destroy().catch(() => undefined);
  }

  /** Connections (so TLS handshakes, over HTTPS) opened so far: kept-alive means a handful. */
  get connectionsOpened(): number {
    return this.opened;
  }

  /** Sends one request and returns the phone's `data`, or throws a PhoneError. */
  async send(request: VvxRequest): Promise<VvxReply> {
    const headers: Record<string, string> = { accept: 'application/json' };
    let body: string | undefined;
    if (request.method === 'POST') {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(request.data === undefined ? {} : { data: request.data });
    }
    const reply = await this.authenticated({
      method: request.method,
      path: pathWithQuery(request),
      headers,
      body,
      timeoutMs: request.timeoutMs,
      effect: request.effect,
      maxBytes: MAX_ANSWER_BYTES,
    });
    if (reply.httpStatus === 401) throw wrongCredentials(this.origin);
    return interpret(reply, this.origin);
  }

  /**
   * Sends one request to the phone's web UI and returns its answer as it came (status, bytes,
   * cookies): what a status means there is the caller's to judge. A 401 after credentials is
   * answered too (the page may want the login form's session instead).
   */
  async sendWeb(request: WebRequest): Promise<WebReply> {
    const exchange: Exchange = {
      method: request.method,
      path: request.path,
      headers: { ...request.headers },
      body: request.method === 'POST' ? '' : undefined,
      timeoutMs: request.timeoutMs,
      effect: request.effect,
      maxBytes: request.maxBytes,
    };
    const reply =
      request.credentials === 'challenge'
        ? await this.authenticated(exchange)
        : await this.exchange(exchange, request.credentials === 'basic' ? this.basic : null);
    const cookies = reply.headers['set-cookie'];
    return {
      httpStatus: reply.httpStatus,
      body: reply.body,
      setCookie: cookies === undefined ? [] : [cookies].flat(),
    };
  }

  /** Closes the connection; pending requests fail. */
  async close(): Promise<void> {
    await this.pool.destroy();
  }

  /**
   * Sends a request with credentials, answering the phone's challenge once (a 401 means the
   * phone did nothing, so that is safe even for writes); a 401 it cannot answer is returned.
   */
  private async authenticated(exchange: Exchange): Promise<RawReply> {
    const sent = this.authorization(exchange);
    const first = await this.exchange(exchange, sent);
    if (first.httpStatus !== 401) return first;
    const challenge = parseDigestChallenge(first.headers['www-authenticate']);
    if (challenge !== null && this.digest?.challenge.nonce !== challenge.nonce) {
      this.digest = new DigestSession(challenge, this.options.username, this.options.password);
    } else if (challenge === null && sent === null) {
      // The phone offers nothing better than Basic.
      this.basicUpFront = true;
    } else {
      return first;
    }
    const second = await this.exchange(exchange, this.authorization(exchange));
    if (second.httpStatus === 401) this.digest = null;
    return second;
  }

  /** What to authenticate a request with before any challenge; null sends none. */
  private authorization(exchange: Exchange): string | null {
    if (this.digest !== null) return this.digest.authorization(exchange.method, exchange.path);
    return this.basicUpFront ? this.basic : null;
  }

  private async exchange(exchange: Exchange, authorization: string | null): Promise<RawReply> {
    const headers = { ...exchange.headers };
    if (authorization !== null) headers.authorization = authorization;
    const pool = this.pool;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      this.abandon(pool);
    }, exchange.timeoutMs);
    // Whether the request can have reached the phone: a connection was up or came up meanwhile.
    const openedBefore = this.opened;
    const connectedBefore = this.open > 0;
    try {
      const response = await pool.request({
        method: exchange.method,
        path: exchange.path,
        headers,
        body: exchange.body,
        // Backstops only: the timer above fires first.
        headersTimeout: exchange.timeoutMs + 1000,
        bodyTimeout: exchange.timeoutMs + 1000,
      });
      const body = await readCapped(response.body, exchange.maxBytes, () => this.abandon(pool));
      if (body === null) throw tooLarge(this.origin, exchange.maxBytes);
      return { httpStatus: response.statusCode, body, headers: response.headers };
    } catch (error) {
      const sent = connectedBefore || this.opened > openedBefore;
      throw transportError(error, exchange.effect, this.origin, { timedOut, sent });
    } finally {
      clearTimeout(timer);
    }
  }
}

/**
 * Reads an answer by running byte count; past `maxBytes` the connection is dropped (so the rest
 * is never received) and null returned.
 */
async function readCapped(
  body: AsyncIterable<Buffer>,
  maxBytes: number,
  dropConnection: () => void,
): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of body) {
    total += chunk.length;
    if (total > maxBytes) {
      dropConnection();
      return null;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, total);
}

function tooLarge(origin: string, maxBytes: number): PhoneError {
  const size =
    maxBytes >= 1024 * 1024 ? `${maxBytes / 1024 / 1024} MB` : `${Math.round(maxBytes / 1024)} KB`;
  return new PhoneError(
    'invalid-response',
    `The phone at ${origin} sent an answer larger than ${size}, more than it ever sends; it was cut off and not used.`,
  );
}

function parsePhoneUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new PhoneError(
      'invalid-argument',
      `"${value}" is not a phone address; use http:// or https:// and the phone's IP, like https://192.168.1.20`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new PhoneError(
      'invalid-argument',
      'The phone address must start with http:// or https://',
    );
  }
  return url;
}

function pathWithQuery(request: VvxRequest): string {
  const query = request.query === undefined ? '' : new URLSearchParams(request.query).toString();
  return query === '' ? request.path : `${request.path}?${query}`;
}

function wrongCredentials(origin: string): PhoneError {
  return new PhoneError(
    'wrong-credentials',
    `The phone at ${origin} refused the user name or password. Check them (the REST API uses the user name "Polycom" and the phone's admin or user password).`,
    { httpStatus: 401 },
  );
}

/** Maps a network-level failure: before sending it is "unreachable", after a write "unknown". */
function transportError(
  error: unknown,
  effect: RequestEffect,
  origin: string,
  context: { timedOut: boolean; sent: boolean },
): PhoneError {
  if (error instanceof PhoneError) return error;
  const code = errorCode(error);
  if (origin.startsWith('https:') && plainTextAnswer(error)) {
    return new PhoneError(
      'unreachable',
      `The phone at ${origin} answers in plain HTTP, not HTTPS: its HTTPS is turned off. Choose HTTP for this phone, or turn HTTPS on in the phone's web page.`,
      { cause: error },
    );
  }
  const unreachable = new PhoneError(
    'unreachable',
    `Cannot reach the phone at ${origin}. Check that it is powered on, on the network, and that the address is right.`,
    { cause: error },
  );
  if ((code !== null && UNREACHABLE_CODES.has(code)) || (context.timedOut && !context.sent)) {
    return unreachable;
  }
  const timedOut =
    context.timedOut ||
    error instanceof undiciErrors.HeadersTimeoutError ||
    error instanceof undiciErrors.BodyTimeoutError;
  const what = timedOut ? 'did not answer in time' : 'dropped the connection';
  if (effect === 'write') {
    return new PhoneError(
      'outcome-unknown',
      `The phone at ${origin} ${what} after receiving the request, so it may or may not have carried it out. It was not repeated; check the phone.`,
      { cause: error },
    );
  }
  const advice = timedOut
    ? ' If this keeps happening while the phone otherwise works, its REST service may be hung (firmware 5.5.2 does this after ending a call): reboot the phone.'
    : ' It may be busy or restarting.';
  return new PhoneError('unreachable', `The phone at ${origin} ${what}.${advice}`, {
    cause: error,
  });
}

/** Whether the TLS handshake met a plain-text answer (the error or the one it wraps says so). */
function plainTextAnswer(error: unknown): boolean {
  const cause = error instanceof Error ? error.cause : undefined;
  return [errorCode(error), errorCode(cause)].some(
    (code) => code !== null && PLAIN_TEXT_ANSWER_CODES.has(code),
  );
}

function errorCode(error: unknown): string | null {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const { code } = error;
    return typeof code === 'string' ? code : null;
  }
  return null;
}

/** Turns the phone's answer into data or the PhoneError it stands for. */
function interpret(reply: RawReply, origin: string): VvxReply {
  const { httpStatus } = reply;
  const text = reply.body.toString('utf8');
  const envelope = parseEnvelope(text);
  const vvxStatus = envelope === null ? null : statusNumber(envelope.Status);
  if (vvxStatus !== null && vvxStatus !== 2000) {
    throw phoneErrorFromVvxStatus(vvxStatus, httpStatus);
  }
  if (httpStatus === 404) {
    throw new PhoneError(
      'api-disabled',
      `The phone at ${origin} does not offer the REST API (HTTP 404). Turn it on in the phone's web page (Settings > Applications > REST API) or set apps.restapi.enabled=1.`,
      { httpStatus },
    );
  }
  if (httpStatus === 403) {
    throw new PhoneError(
      'phone-error',
      'The phone is busy with another request (HTTP 403); try again in a moment.',
      { httpStatus },
    );
  }
  if (httpStatus === 400 || httpStatus === 413) {
    throw new PhoneError(
      'invalid-argument',
      httpStatus === 413
        ? 'The request was too large for the phone (it takes at most 20 KB).'
        : 'The phone rejected the request as malformed (HTTP 400).',
      { httpStatus },
    );
  }
  if (httpStatus < 200 || httpStatus >= 300) {
    throw new PhoneError('phone-error', `The phone answered with HTTP ${httpStatus}.`, {
      httpStatus,
    });
  }
  if (envelope === null) {
    throw new PhoneError('invalid-response', 'The phone sent an answer that is not valid JSON.', {
      httpStatus,
    });
  }
  if (vvxStatus === null) {
    throw new PhoneError(
      'invalid-response',
      'The phone sent an answer without a usable "Status" code.',
      { httpStatus },
    );
  }
  const top = Object.fromEntries(
    Object.entries(envelope).filter(([key]) => key !== 'Status' && key !== 'data'),
  );
  return { httpStatus, data: envelope.data, top };
}

/** The `{Status, data}` envelope, or null when the text is not a JSON object. */
function parseEnvelope(text: string): Record<string, unknown> | null {
  try {
    const parsed: unknown = JSON.parse(text);
    return isRecord(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

function statusNumber(status: unknown): number | null {
  if (typeof status !== 'number' && typeof status !== 'string') return null;
  const value = typeof status === 'number' ? status : Number.parseInt(status.trim(), 10);
  return Number.isInteger(value) ? value : null;
}
