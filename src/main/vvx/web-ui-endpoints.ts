/**
 * The phone's web UI, as far as the remote screen needs it: the screen capture
 * (`/captureScreen/mainScreen`, `/captureScreen/em/N`: a BMP, 404 while capture is off) and the
 * login form (`/form-submit/auth.htm`) whose `session` cookie later firmware wants instead of
 * credentials. Like every client method, each sends one request; the cookie is kept here and
 * offered until the phone refuses it. A refused login is never repeated: a few wrong ones lock
 * the phone's web login.
 */
import { PhoneError } from './phone-error';
import type { VvxTransport } from './vvx-transport';

/** A screen the phone can capture: the main one, or expansion module N. */
export type CaptureScreenName = 'mainScreen' | `em/${number}`;

export type CaptureAnswer =
  | { kind: 'picture'; bmp: Buffer }
  /** 404: capture is off (or the phone has no such screen). */
  | { kind: 'off' }
  /** 401: the credentials were not enough; the login form's session is wanted. */
  | { kind: 'login-needed' };

const LOGIN_PATH = '/form-submit/auth.htm';
/** The login form answers a line such as `0|SUCCESS|0`. */
const MAX_LOGIN_ANSWER = 4096;

/** The capture and the login form of one phone's web UI; see the module comment. */
export class WebUiEndpoints {
  private cookie: string | null = null;

  constructor(
    private readonly transport: VvxTransport,
    private readonly timeoutMs: number,
  ) {}

  /** Whether the phone's web session is held (its cookie is sent with every capture). */
  get signedIn(): boolean {
    return this.cookie !== null;
  }

  /**
   * Fetches one screen's capture, with the session cookie when one is held, else with the REST
   * credentials (enough for 5.x firmware); `maxBytes` bounds the answer.
   */
  async capture(screen: CaptureScreenName, maxBytes: number): Promise<CaptureAnswer> {
    const { cookie } = this;
    const reply = await this.transport.sendWeb({
      method: 'GET',
      path: `/captureScreen/${screen}`,
      credentials: cookie === null ? 'challenge' : 'none',
      headers: cookie === null ? {} : { cookie },
      timeoutMs: this.timeoutMs,
      maxBytes,
      effect: 'read',
    });
    switch (reply.httpStatus) {
      case 200:
        return { kind: 'picture', bmp: reply.body };
      case 404:
        return { kind: 'off' };
      case 401:
        this.cookie = null;
        return { kind: 'login-needed' };
      case 403:
        throw new PhoneError(
          'phone-error',
          'The phone is busy with another request (HTTP 403); try again in a moment.',
          { httpStatus: 403 },
        );
      default:
        throw new PhoneError(
          'phone-error',
          `The phone's web server answered HTTP ${reply.httpStatus} to the screen capture.`,
          { httpStatus: reply.httpStatus },
        );
    }
  }

  /** Logs in to the web UI with the admin credentials and keeps its session cookie. */
  async login(): Promise<void> {
    const held = this.cookie;
    const reply = await this.transport.sendWeb({
      method: 'POST',
      path: LOGIN_PATH,
      credentials: 'basic',
      headers: held === null ? {} : { cookie: held },
      timeoutMs: this.timeoutMs,
      maxBytes: MAX_LOGIN_ANSWER,
      // Logging in changes nothing on the phone: safe to send again after a lost answer.
      effect: 'read',
    });
    const text = reply.body.toString('utf8');
    // Already logged in: 406 (some firmware), or 400/412 saying SessionAlreadyActive (Trio).
    const active =
      reply.httpStatus === 406 ||
      ([400, 412].includes(reply.httpStatus) && text.includes('SessionAlreadyActive'));
    if (active && held !== null) return;
    if (reply.httpStatus === 404) {
      throw new PhoneError(
        'not-supported',
        "The phone's web server is off (httpd.enabled is 0), and the screen capture is part of it.",
        { httpStatus: 404 },
      );
    }
    if (reply.httpStatus !== 200) {
      throw new PhoneError(
        'phone-error',
        `The phone's web login answered HTTP ${reply.httpStatus}.`,
        { httpStatus: reply.httpStatus },
      );
    }
    this.cookie = sessionCookie(reply.setCookie, text);
  }
}

/** The session cookie of a successful login, or the refusal in words. */
function sessionCookie(setCookie: readonly string[], answer: string): string {
  const [, state = '', seconds = ''] = answer.trim().split('|');
  switch (state) {
    case 'SUCCESS': {
      const cookies = setCookie.map((header) => header.split(';')[0]?.trim() ?? '');
      const cookie = cookies.find((c) => c.startsWith('session=')) ?? cookies.find(Boolean);
      if (cookie === undefined) {
        throw new PhoneError('invalid-response', "The phone's web login gave no session cookie.");
      }
      return cookie;
    }
    case 'INVALID_LOGIN':
      throw refusedLogin('refused the admin password');
    case 'ONE_ATTEMPT_LEFT':
      throw refusedLogin('refused the admin password, and one more wrong attempt locks it');
    case 'LOCKEDFOR':
    case 'LOCKED': {
      const wait = /^\d+$/.test(seconds) && seconds !== '0' ? ` for ${seconds} seconds` : '';
      throw refusedLogin(`is locked${wait} after wrong passwords`);
    }
    default:
      throw new PhoneError(
        'invalid-response',
        `The phone's web login answered something unexpected (${answer.slice(0, 40)}).`,
      );
  }
}

function refusedLogin(what: string): PhoneError {
  return new PhoneError(
    'wrong-credentials',
    `The phone's web login ${what}. Check the admin password set up for this phone under Phones.`,
  );
}
