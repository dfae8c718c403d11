/**
 * The page's part of its browser-host session: the key the sign-in handed it in the address's
 * fragment, kept in this tab's storage (no other origin can read it) and taken out of the
 * address at once, and the renewal that keeps the session alive while the page is open.
 */
import {
  SESSION_KEY_FRAGMENT,
  SESSION_KEY_HEADER,
  SESSION_RENEW_EVERY_MS,
  SESSION_RENEW_PATH,
} from '../../shared/contract/wire';

const STORAGE_NAME = 'deskpilot-session-key';

/**
 * The session key: from the address right after a sign-in (then removed from it and from the
 * history entry), else the one this tab kept; null when this tab was never signed in.
 */
export function takeSessionKey(): string | null {
  const fragment = new URLSearchParams(window.location.hash.slice(1)).get(SESSION_KEY_FRAGMENT);
  if (fragment !== null) {
    window.sessionStorage.setItem(STORAGE_NAME, fragment);
    window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}`);
    return fragment;
  }
  return window.sessionStorage.getItem(STORAGE_NAME);
}

/**
 * Renews the session now and every SESSION_RENEW_EVERY_MS for as long as the page is open, until
 * the host says the session is over: then calls `onEnded` once and stops (a network failure
 * only waits for the next try).
 */
export function keepSessionAlive(key: string, onEnded: () => void): void {
  let ended = false;
  const renew = async (): Promise<void> => {
    try {
      const response = await fetch(SESSION_RENEW_PATH, {
        method: 'POST',
        headers: { [SESSION_KEY_HEADER]: key },
        credentials: 'same-origin',
      });
      if (response.status === 401 && !ended) {
        ended = true;
        clearInterval(timer);
        onEnded();
      }
    } catch {
      // The host is away (restarting, or the machine slept): the socket reports that.
    }
  };
  const timer = setInterval(() => void renew(), SESSION_RENEW_EVERY_MS);
  void renew();
}
