/**
 * What the phone's web UI remembers: its login sessions (the `session` cookie of
 * `/form-submit/auth.htm`) and failed logins, which lock the login for a while as real phones
 * do (`ONE_ATTEMPT_LEFT`, then `LOCKEDFOR`). Forgotten when the phone restarts.
 */
import { randomBytes } from 'node:crypto';

export type WebLevel = 'admin' | 'user';

/** A session ends after this long unused (a public client assumes 30 minutes). */
export const WEB_SESSION_IDLE_MS = 30 * 60_000;
/** Failed logins allowed before the login locks; the last one is answered `ONE_ATTEMPT_LEFT`. */
export const WEB_LOGIN_ATTEMPTS = 5;
/** How long the login stays locked after too many failures. */
export const WEB_LOCK_MS = 60_000;
/** Sessions kept at once; a new one beyond this ends the least recently used. */
const MAX_SESSIONS = 8;

interface WebSession {
  level: WebLevel;
  lastUsed: number;
}

/** The outcome of one login attempt, as the phone words it in the answer's body. */
export type LoginOutcome =
  | { state: 'SUCCESS'; token: string }
  | { state: 'INVALID_LOGIN' | 'ONE_ATTEMPT_LEFT' | 'LOCKED' }
  | { state: 'LOCKEDFOR'; seconds: number };

export class WebUiState {
  private readonly sessions = new Map<string, WebSession>();
  private failures = 0;
  private lockedUntil = 0;

  /** Judges a login with the level its password gave (null: wrong); opens a session on success. */
  login(level: WebLevel | null, now: number): LoginOutcome {
    if (now < this.lockedUntil) return { state: 'LOCKED' };
    if (level === null) {
      this.failures += 1;
      if (this.failures >= WEB_LOGIN_ATTEMPTS) {
        this.failures = 0;
        this.lockedUntil = now + WEB_LOCK_MS;
        return { state: 'LOCKEDFOR', seconds: WEB_LOCK_MS / 1000 };
      }
      return {
        state: this.failures === WEB_LOGIN_ATTEMPTS - 1 ? 'ONE_ATTEMPT_LEFT' : 'INVALID_LOGIN',
      };
    }
    this.failures = 0;
    const token = randomBytes(16).toString('hex');
    if (this.sessions.size >= MAX_SESSIONS) {
      const oldest = [...this.sessions].sort((a, b) => a[1].lastUsed - b[1].lastUsed)[0];
      if (oldest) this.sessions.delete(oldest[0]);
    }
    this.sessions.set(token, { level, lastUsed: now });
    return { state: 'SUCCESS', token };
  }

  /** The level of a live session (renewed by the use), or null when there is none. */
  level(token: string | undefined, now: number): WebLevel | null {
    const session = token === undefined ? undefined : this.sessions.get(token);
    if (session === undefined) return null;
    if (now - session.lastUsed > WEB_SESSION_IDLE_MS) {
      this.sessions.delete(token ?? '');
      return null;
    }
    session.lastUsed = now;
    return session.level;
  }

  /** After a restart: no session, no failures, no lock. */
  reset(): void {
    this.sessions.clear();
    this.failures = 0;
    this.lockedUntil = 0;
  }
}
