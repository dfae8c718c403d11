/**
 * Test helpers for the simulator suite: plain HTTP(S) requests with Node's undici (never the
 * app's client), the control API (the simulator's own pinned client), and bounded polling for
 * conditions.
 */
import { createHash } from 'node:crypto';
import { Agent, request } from 'undici';
import { controlRequest, type SimulatedPhoneInfo, type Simulator } from '../../src/simulator';
import { waitFor } from '../support/wait-for';

export { waitFor };

/** The simulator's first phone; throws when it started none. */
export { phoneAt as firstPhone } from '../support/sim-phone';

/** Tests talk to self-signed phones; the HTTPS test checks the certificate itself. */
export const agent = new Agent({ connect: { rejectUnauthorized: false }, keepAliveTimeout: 10 });

/** Basic credentials (admin, user, given), none, or Digest with the admin password. */
export type Auth = 'admin' | 'user' | 'none' | 'digest' | { user: string; password: string };

export interface CallOptions {
  data?: unknown;
  /** Raw body instead of `{"data": ...}`. */
  body?: string;
  contentType?: string | null;
  auth?: Auth;
  headers?: Record<string, string>;
  /** Give up (reject) after this long, as a client with a timeout would. */
  timeoutMs?: number;
}

export interface Reply {
  http: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** The raw body (for binary answers such as the screen capture). */
  body: Buffer;
  /** Parsed JSON body, or null when the body is not JSON. */
  json: PhoneJson | null;
}

export interface PhoneJson {
  Status?: string;
  data?: unknown;
}

export function basic(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

const md5 = (text: string): string => createHash('md5').update(text).digest('hex');

/** A Digest answer (RFC 7616, MD5, qop=auth) to a phone's `WWW-Authenticate` challenge. */
export function digestAnswer(
  challenge: string,
  request: { method: string; uri: string; user: string; password: string },
): string {
  const field = (name: string): string =>
    new RegExp(`${name}="([^"]*)"`).exec(challenge)?.[1] ?? '';
  const ha1 = md5(`${request.user}:${field('realm')}:${request.password}`);
  const ha2 = md5(`${request.method}:${request.uri}`);
  const response = md5(`${ha1}:${field('nonce')}:00000001:abc:auth:${ha2}`);
  return (
    `Digest username="${request.user}", realm="${field('realm')}", nonce="${field('nonce')}", ` +
    `uri="${request.uri}", qop=auth, nc=00000001, cnonce="abc", response="${response}", opaque="${field('opaque')}"`
  );
}

/** Asks the phone for a Digest challenge and answers it with the admin password. */
async function digestHeader(
  phone: SimulatedPhoneInfo,
  method: string,
  path: string,
): Promise<string> {
  const challenge = await request(`${phone.url}${path}`, { method: 'GET', dispatcher: agent });
  await challenge.body.dump();
  const header = String(challenge.headers['www-authenticate'] ?? '');
  return digestAnswer(header, {
    method,
    uri: path,
    user: phone.username,
    password: phone.adminPassword,
  });
}

function authHeader(phone: SimulatedPhoneInfo, auth: Exclude<Auth, 'digest'>): string | undefined {
  if (auth === 'none') return undefined;
  if (auth === 'admin') return basic(phone.username, phone.adminPassword);
  if (auth === 'user') return basic(phone.username, phone.userPassword);
  return basic(auth.user, auth.password);
}

function parseJson(text: string): PhoneJson | null {
  try {
    return JSON.parse(text) as PhoneJson;
  } catch {
    return null;
  }
}

/** One request to a phone's REST API (admin Basic auth unless told otherwise). */
export async function call(
  phone: SimulatedPhoneInfo,
  method: 'GET' | 'POST',
  path: string,
  options: CallOptions = {},
): Promise<Reply> {
  const headers: Record<string, string> = { ...options.headers };
  const auth = options.auth ?? 'admin';
  const authorization =
    auth === 'digest' ? await digestHeader(phone, method, path) : authHeader(phone, auth);
  if (authorization) headers.authorization = authorization;
  let body: string | undefined;
  if (method === 'POST') {
    body =
      options.body ?? (options.data === undefined ? '' : JSON.stringify({ data: options.data }));
    if (options.contentType !== null)
      headers['content-type'] = options.contentType ?? 'application/json';
  }
  const signal =
    options.timeoutMs === undefined ? undefined : AbortSignal.timeout(options.timeoutMs);
  const response = await request(`${phone.url}${path}`, {
    method,
    headers,
    body,
    signal,
    dispatcher: agent,
  });
  const raw = Buffer.from(await response.body.arrayBuffer());
  const text = raw.toString('utf8');
  return {
    http: response.statusCode,
    headers: response.headers,
    text,
    body: raw,
    json: parseJson(text),
  };
}

/** The `data` of a 2000 answer, failing the test loudly otherwise. */
export async function data<T>(
  phone: SimulatedPhoneInfo,
  method: 'GET' | 'POST',
  path: string,
  options?: CallOptions,
): Promise<T> {
  const reply = await call(phone, method, path, options);
  if (reply.http !== 200 || reply.json?.Status !== '2000') {
    throw new Error(`${path} answered HTTP ${reply.http}: ${reply.text}`);
  }
  return reply.json.data as T;
}

/** The phone `Status` of an answer (HTTP 200 expected). */
export async function statusOf(
  phone: SimulatedPhoneInfo,
  method: 'GET' | 'POST',
  path: string,
  options?: CallOptions,
): Promise<string> {
  const reply = await call(phone, method, path, options);
  if (reply.http !== 200) throw new Error(`${path} answered HTTP ${reply.http}: ${reply.text}`);
  return reply.json?.Status ?? `no Status in ${reply.text}`;
}

/** A control-API call (`path` after `/__sim/`); throws with the answer when it is not 2xx. */
export async function control<T>(
  sim: Simulator,
  phone: SimulatedPhoneInfo,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<T> {
  return (await controlRequest(phone, sim.controlToken, method, path, body)) as T;
}

export interface CallV2 {
  CallHandle: string;
  CallState: string;
  Type: string;
  LineID: string;
  CallSequence: string;
  UIAppearanceIndex: string;
  Ringing: string;
  Muted: string;
  RemotePartyNumber: string;
  RemotePartyName: string;
  DurationSeconds: string;
}

export interface CallLogEntry {
  RemotePartyNumber: string;
  RemotePartyName: string;
  Duration: string;
  LineNumber: string;
}
export type CallLogs = Record<'missed' | 'received' | 'placed', CallLogEntry[]>;

/** The phone's call lists (the reference dialect's names). */
export function logsOf(phone: SimulatedPhoneInfo): Promise<CallLogs> {
  return data<CallLogs>(phone, 'GET', '/api/v1/mgmt/callLogs');
}

/** The phone's calls (callStatus v2). */
export function callsOf(phone: SimulatedPhoneInfo): Promise<CallV2[]> {
  return data<CallV2[]>(phone, 'GET', '/api/v2/webCallControl/callStatus');
}

/** Waits until the phone lists a call in `state` and returns it. */
export function waitForCallState(
  phone: SimulatedPhoneInfo,
  state: string,
  handle?: string,
): Promise<CallV2> {
  return waitFor(async () => {
    const calls = await callsOf(phone);
    return calls.find(
      (c) => c.CallState === state && (handle === undefined || c.CallHandle === handle),
    );
  }, `a call in ${state}`);
}

/**
 * Sends `first`, waits until the phone reports it in flight, then sends `rest`: a real overlap
 * with no timing race (the phone's latency keeps `first` busy meanwhile).
 */
export async function overlapping<T>(
  sim: Simulator,
  phone: SimulatedPhoneInfo,
  first: () => Promise<T>,
  rest: (() => Promise<T>)[],
): Promise<T[]> {
  const head = first();
  await waitFor(
    async () => (await control<{ inFlight: number }>(sim, phone, 'GET', 'stats')).inFlight >= 1,
    'the first request to be in flight',
  );
  return Promise.all([head, ...rest.map((send) => send())]);
}
