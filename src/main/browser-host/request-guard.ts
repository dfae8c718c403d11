/**
 * Who may talk to the browser host: requests addressed to our loopback name (defeats DNS
 * rebinding), from our own origin (defeats cross-site requests and WebSocket hijacking), carrying
 * the session token as a cookie (defeats other local users and pages that guess the port).
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** The hosts a browser may use to reach a host listening on 127.0.0.1:port. */
function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/** Name of the session cookie; per port, because cookies are shared across ports of a host. */
export function tokenCookieName(port: number): string {
  return `deskpilot-token-${port}`;
}

/** Compares two tokens in constant time. */
export function tokensMatch(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Reads one cookie from a Cookie header, or null. */
function readCookie(header: string | undefined, name: string): string | null {
  if (header === undefined) return null;
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator === -1) continue;
    if (part.slice(0, separator).trim() === name) return part.slice(separator + 1).trim();
  }
  return null;
}

/** Why a request is refused, in words for the response body; null when it may proceed. */
export type GuardVerdict = { status: 403 | 421; message: string } | null;

/**
 * Checks the Host and Origin headers. `requireOrigin` is set for WebSocket upgrades, where
 * browsers always send Origin and its absence means a non-browser client we do not serve.
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

/** Whether the request carries the session cookie with the right token. */
export function hasSessionCookie(
  headers: IncomingHttpHeaders,
  port: number,
  token: string,
): boolean {
  const cookie = readCookie(headers.cookie, tokenCookieName(port));
  return cookie !== null && tokensMatch(token, cookie);
}
