/**
 * Who is signed in to the browser host. A sign-in link carries a launch token that works once
 * and only for a short while; using it opens a session made of two secrets: a cookie the browser
 * keeps (HttpOnly, so the page cannot read it) and a key the page keeps (in its own storage,
 * which no other origin can read). The contract socket needs both, so a cookie that leaks —
 * browsers send cookies to every port of a host — opens nothing on its own. Each sign-in (a tab)
 * has its own session and cookie, named by the session's id, which the key begins with. A
 * session lives while its page renews it, and ends a while after the page stops.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';

export interface SessionTimes {
  /** How long a sign-in link works (once). */
  launchTtlMs: number;
  /** How long a session lives after it was opened or last renewed. */
  sessionTtlMs: number;
}

/** The page renews every minute (see SESSION_RENEW_EVERY_MS), so five minutes spare four misses. */
const DEFAULT_SESSION_TIMES: SessionTimes = {
  launchTtlMs: 2 * 60_000,
  sessionTtlMs: 5 * 60_000,
};

/** Sign-in links outstanding at once; a new one retires the oldest. */
const MAX_LAUNCH_TOKENS = 8;
/** Sessions at once (tabs, browsers); a new one ends the one renewed longest ago. */
const MAX_SESSIONS = 16;

/** One signed-in page. */
export interface BrowserSession {
  /** Names the session's cookie; the key begins with it. */
  readonly id: string;
  /** The cookie's value. */
  readonly cookie: string;
  /** The page's secret, `<id>.<secret>`, presented when the contract socket opens and on renewal. */
  readonly key: string;
  expiresAt: number;
}

/** The session cookies a request carries: session id → value. */
export type SessionCookies = ReadonlyMap<string, string>;

function secret(): string {
  return randomBytes(32).toString('base64url');
}

function same(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The sign-in links and sessions of one host; see the module comment. */
export class BrowserSessions {
  readonly times: SessionTimes;
  /** Token → expiry; insertion order is age. */
  private readonly launchTokens = new Map<string, number>();
  /** Insertion order is age. */
  private readonly sessions = new Map<string, BrowserSession>();

  constructor(
    times: Partial<SessionTimes> = {},
    private readonly now: () => number = Date.now,
  ) {
    this.times = { ...DEFAULT_SESSION_TIMES, ...times };
  }

  /** A new single-use launch token for a sign-in link. */
  mintLaunchToken(): string {
    const token = secret();
    this.launchTokens.set(token, this.now() + this.times.launchTtlMs);
    for (const stale of [...this.launchTokens.keys()].slice(0, -MAX_LAUNCH_TOKENS)) {
      this.launchTokens.delete(stale);
    }
    return token;
  }

  /** Uses a launch token to open a session; null when it is unknown, used or expired. */
  signIn(token: string): BrowserSession | null {
    const expiresAt = this.launchTokens.get(token);
    if (expiresAt === undefined) return null;
    this.launchTokens.delete(token);
    if (expiresAt <= this.now()) return null;
    const id = randomBytes(9).toString('base64url');
    const session = {
      id,
      cookie: secret(),
      key: `${id}.${secret()}`,
      expiresAt: this.now() + this.times.sessionTtlMs,
    };
    this.sessions.set(id, session);
    if (this.sessions.size > MAX_SESSIONS) {
      const stalest = [...this.sessions.values()].reduce((a, b) =>
        b.expiresAt < a.expiresAt ? b : a,
      );
      this.sessions.delete(stalest.id);
    }
    return session;
  }

  /** Whether any of the cookies belongs to a live session (enough for the UI's own files). */
  signedIn(cookies: SessionCookies): boolean {
    return [...cookies].some(([id, value]) => this.live(id, value) !== null);
  }

  /** The live session when the page's key and its cookie belong to it together, else null. */
  authorise(cookies: SessionCookies, key: string | null): BrowserSession | null {
    if (key === null) return null;
    const id = key.slice(0, key.indexOf('.'));
    const session = this.live(id, cookies.get(id) ?? null);
    return session !== null && same(session.key, key) ? session : null;
  }

  /** Extends a live session by the session lifetime. */
  renew(session: BrowserSession): BrowserSession {
    session.expiresAt = this.now() + this.times.sessionTtlMs;
    return session;
  }

  /** Whether a session is still live (not expired, not pushed out by newer ones). */
  isLive(session: BrowserSession): boolean {
    return this.sessions.get(session.id) === session && session.expiresAt > this.now();
  }

  /** The live session `id` when `cookie` is its cookie, else null (forgetting it if expired). */
  private live(id: string, cookie: string | null): BrowserSession | null {
    const session = this.sessions.get(id);
    if (session === undefined || cookie === null || !same(session.cookie, cookie)) return null;
    if (session.expiresAt <= this.now()) {
      this.sessions.delete(id);
      return null;
    }
    return session;
  }
}
