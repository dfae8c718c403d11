/**
 * The phone's web UI, as far as remote-screen clients use it: the login form
 * (`POST /form-submit/auth.htm`, Basic credentials in, a `session` cookie out) and the screen
 * capture (`/captureScreen`, an HTML page of every screen; `/captureScreen/mainScreen` and
 * `/captureScreen/em/N`, BMPs). It is the phone's web server, not its REST API: it answers while
 * the REST API is off, and with 404 to everything while `httpd.enabled` is 0. It shares the one
 * request at a time with the REST API (the same server).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

import type { SimulatedPhone } from '../phone/phone';
import { bump } from '../phone/stats';
import type { LoginOutcome, WebLevel } from '../phone/web-ui-state';
import { captureBitmap, captureScreens, captureServed } from '../screen/screen-capture';
import type { Authenticator } from './auth';
import { MAX_BODY_BYTES, readBody } from './body';
import { phoneHeaders, sendNotFound, sendText } from './phone-answers';

const LOGIN_PATH = '/form-submit/auth.htm';
const CAPTURE_PAGE = '/captureScreen';
const COOKIE = 'session';

/** The web UI page `path` names on this phone (its dialect's path case), or null. */
export function webUiPage(path: string, phone: SimulatedPhone): string | null {
  const fold = (text: string) => (phone.dialect.pathsIgnoreCase ? text.toLowerCase() : text);
  const wanted = fold(path);
  if (wanted === fold(LOGIN_PATH)) return LOGIN_PATH;
  if (wanted === fold(CAPTURE_PAGE)) return CAPTURE_PAGE;
  const prefix = fold(`${CAPTURE_PAGE}/`);
  if (!wanted.startsWith(prefix)) return null;
  const screen = wanted.slice(prefix.length);
  return `${CAPTURE_PAGE}/${screen === fold('mainScreen') ? 'mainScreen' : screen}`;
}

/** The value of the `session` cookie a request carries, if any. */
function sessionCookie(req: IncomingMessage): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === COOKIE) return value.join('=');
  }
  return undefined;
}

/** The login's answer body: `<lock parameters>|<state>|<seconds locked>`. */
function loginBody(outcome: LoginOutcome): string {
  return `0|${outcome.state}|${outcome.state === 'LOCKEDFOR' ? outcome.seconds : 0}`;
}

export interface WebUiRequest {
  req: IncomingMessage;
  res: ServerResponse;
  phone: SimulatedPhone;
  /** The page, as `webUiPage` named it. */
  page: string;
  authenticator: Authenticator;
  /** Whether the phone's REST server asks for Digest (its option or dialect). */
  digest: boolean;
  now: number;
}

/** Answers one web UI request (see the module comment). */
export async function serveWebUi(request: WebUiRequest): Promise<void> {
  const { req, res, phone, page } = request;
  if (!phone.config.enabled('httpd.enabled')) {
    sendNotFound(res, phone);
    return;
  }
  if (page === LOGIN_PATH) {
    await login(request);
    return;
  }
  if (req.method !== 'GET') {
    sendNotFound(res, phone);
    return;
  }
  const level = pageLevel(request);
  if (level !== 'admin') {
    // A phone that wants its login form's session names no scheme a browser would answer.
    if (phone.dialect.webLogin === 'basic-or-session') {
      res.setHeader('WWW-Authenticate', request.authenticator.challenge(request.digest));
    }
    sendText(res, 401, 'Unauthorized', phone);
    return;
  }
  if (page === CAPTURE_PAGE) {
    sendPage(res, phone, captureIndex(phone));
    return;
  }
  const bitmap = captureServed(phone)
    ? captureBitmap(phone, page.slice(CAPTURE_PAGE.length + 1), request.now)
    : null;
  if (bitmap === null) {
    sendNotFound(res, phone);
    return;
  }
  bump(phone.stats.httpStatuses, '200');
  res.writeHead(200, {
    ...phoneHeaders(phone),
    'Content-Type': 'image/bmp',
    'Content-Length': bitmap.length,
  });
  res.end(bitmap);
}

/**
 * `POST /form-submit/auth.htm` with Basic credentials: a session on success, else the state of
 * the login (wrong, one attempt left, locked); a request that already holds a live session is
 * answered 406, as real phones do.
 */
async function login({ req, res, phone, authenticator, now }: WebUiRequest): Promise<void> {
  if (req.method !== 'POST') {
    sendNotFound(res, phone);
    return;
  }
  await readBody(req, MAX_BODY_BYTES);
  if (phone.webUi.level(sessionCookie(req), now) !== null) {
    sendText(res, 406, 'Not Acceptable', phone);
    return;
  }
  const credentials = { adminPassword: phone.adminPassword, userPassword: phone.userPassword };
  const outcome = phone.webUi.login(authenticator.check(req, credentials, false), now);
  if (outcome.state === 'SUCCESS') {
    res.setHeader('Set-Cookie', `${COOKIE}=${outcome.token}; Path=/; HttpOnly`);
  }
  sendText(res, 200, loginBody(outcome), phone);
}

/** The level a capture page request has: its session's, or its credentials' where the dialect takes them. */
function pageLevel({ req, phone, authenticator, digest, now }: WebUiRequest): WebLevel | null {
  const session = phone.webUi.level(sessionCookie(req), now);
  if (session !== null || phone.dialect.webLogin === 'session') return session;
  const credentials = { adminPassword: phone.adminPassword, userPassword: phone.userPassword };
  return authenticator.check(req, credentials, digest);
}

/** The page that shows every screen, as a browser opens it. */
function captureIndex(phone: SimulatedPhone): string {
  const images = captureScreens(phone)
    .map((screen) => `<p><img src="${CAPTURE_PAGE}/${screen}" alt="${screen}"></p>`)
    .join('\n');
  return `<!DOCTYPE html>\n<html><head><title>Screen Capture</title></head><body>\n${images}\n</body></html>\n`;
}

function sendPage(res: ServerResponse, phone: SimulatedPhone, html: string): void {
  bump(phone.stats.httpStatuses, '200');
  res.writeHead(200, {
    ...phoneHeaders(phone),
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(html),
  });
  res.end(html);
}
