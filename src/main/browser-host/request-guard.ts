/**
 * Who may talk to the browser host: requests addressed to our loopback name (defeats DNS
 * rebinding), from our own origin (defeats cross-site requests and WebSocket hijacking), and
 * for everything but the sign-in, belonging to a session (browser-sessions.ts): its cookie for
 * the UI's files, its cookie and its page's key for the contract socket and renewals.
 */
import type { IncomingHttpHeaders } from 'node:http';

import { SESSION_KEY_HEADER, SESSION_KEY_PROTOCOL_PREFIX } from '../../shared/contract/wire';

/** The hosts a browser may use to reach a host listening on 127.0.0.1:port. */
function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

const COOKIE_PREFIX = 'deskpilot-';

/** Name of a session's cookie: per port, so two hosts on one machine keep apart, and per session. */
export function sessionCookieName(port: number, sessionId: string): string {
  return `${COOKIE_PREFIX}${port}-${sessionId}`;
}

/** The session cookies of this port in a Cookie header: session id → value. */
export function sessionCookies(headers: IncomingHttpHeaders, port: number): Map<string, string> {
  const prefix = `${COOKIE_PREFIX}${port}-`;
  const found = new Map<string, string>();
  for (const part of (headers.cookie ?? '').split(';')) {
    const separator = part.indexOf('=');
    const name = part.slice(0, separator).trim();
    if (separator !== -1 && name.startsWith(prefix)) {
      found.set(name.slice(prefix.length), part.slice(separator + 1).trim());
    }
  }
  return found;
}

/** The page's session key, from the socket's subprotocols (`upgrade`) or the renewal header. */
export function offeredKey(headers: IncomingHttpHeaders, upgrade: boolean): string | null {
  if (!upgrade) {
    const key = headers[SESSION_KEY_HEADER];
    return typeof key === 'string' ? key : null;
  }
  const protocols = (headers['sec-websocket-protocol'] ?? '').split(',').map((item) => item.trim());
  const carrier = protocols.find((protocol) => protocol.startsWith(SESSION_KEY_PROTOCOL_PREFIX));
  return carrier === undefined ? null : carrier.slice(SESSION_KEY_PROTOCOL_PREFIX.length);
}

/** Why a request is refused, in words for the response body; null when it may proceed. */
export type GuardVerdict = { status: 403 | 421; message: string } | null;

/**
 * Checks the Host and Origin headers. `requireOrigin` is set for WebSocket upgrades and
 * renewals, where browsers always send Origin and its absence means a client we do not serve.
 */
export function checkAddressing(
  headers: IncomingHttpHeaders,
  port: number,
  requireOrigin: boolean,
): GuardVerdict {
  const hosts = allowedHosts(port);
  if (headers.host === undefined || !hosts.includes(headers.host.toLowerCase())) {
    return {
      status: 421,
      message: `Deskpilot only answers requests addressed to ${hosts.join(' or ')}`,
    };
  }
  const origin = headers.origin;
  if (origin === undefined) {
    return requireOrigin
      ? { status: 403, message: 'A request without an Origin is refused' }
      : null;
  }
  if (!hosts.map((host) => `http://${host}`).includes(origin.toLowerCase())) {
    return { status: 403, message: 'Requests from other sites are refused' };
  }
  return null;
}
