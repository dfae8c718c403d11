import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { AccessLevel } from '../rest/route-types';

/** The realm in the phone's challenge (the real string is unverified; clients must not rely on it). */
const REALM = 'Polycom VVX REST API';
/** The one user name a VVX accepts; the password decides admin or user level. */
export const USERNAME = 'Polycom';

export interface Credentials {
  adminPassword: string;
  userPassword: string;
}

function md5(text: string): string {
  return createHash('md5').update(text).digest('hex');
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The level a password grants: the admin password gives admin, the user password user. */
function levelFor(password: string, credentials: Credentials): AccessLevel | null {
  if (sameText(password, credentials.adminPassword)) return 'admin';
  if (sameText(password, credentials.userPassword)) return 'user';
  return null;
}

/** Parses `key="value", key=value` lists of an Authorization header. */
function parseParams(text: string): Map<string, string> {
  const params = new Map<string, string>();
  const pattern = /([a-zA-Z]+)=(?:"([^"]*)"|([^,\s]*))/g;
  for (const match of text.matchAll(pattern)) {
    const key = match[1];
    if (key) params.set(key.toLowerCase(), match[2] ?? match[3] ?? '');
  }
  return params;
}

/**
 * Checks HTTP authentication: Basic (public clients send it up front), or in Digest mode
 * Digest only (MD5, qop=auth), which is then what the 401 challenge asks for. Digest mode is the
 * simulator's `digest` option (`digestOnly`) or the phone's dialect, decided per request.
 */
export class Authenticator {
  private readonly nonces = new Set<string>();

  constructor(readonly digestOnly: boolean) {}

  /** The access level the request's credentials give, or null (answer 401 with `challenge()`). */
  check(req: IncomingMessage, credentials: Credentials, digest: boolean): AccessLevel | null {
    const header = req.headers.authorization ?? '';
    const space = header.indexOf(' ');
    const scheme = header.slice(0, space).toLowerCase();
    const rest = header.slice(space + 1).trim();
    // In Digest mode the phone takes Digest only, so a client's Digest path really gets used.
    if (scheme === 'basic' && !digest) {
      const decoded = Buffer.from(rest, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon < 0 || decoded.slice(0, colon) !== USERNAME) return null;
      return levelFor(decoded.slice(colon + 1), credentials);
    }
    if (scheme === 'digest')
      return this.checkDigest(req.method ?? 'GET', req.url ?? '', parseParams(rest), credentials);
    return null;
  }

  /** The WWW-Authenticate header for a 401. */
  challenge(digest: boolean): string {
    if (!digest) return `Basic realm="${REALM}"`;
    const nonce = randomBytes(16).toString('hex');
    // A phone keeps few nonces; bounded so a client that never answers cannot grow the set.
    if (this.nonces.size > 256) this.nonces.clear();
    this.nonces.add(nonce);
    return `Digest realm="${REALM}", qop="auth", algorithm=MD5, nonce="${nonce}", opaque="${md5(REALM)}"`;
  }

  private checkDigest(
    method: string,
    target: string,
    params: Map<string, string>,
    credentials: Credentials,
  ): AccessLevel | null {
    const nonce = params.get('nonce') ?? '';
    if (params.get('username') !== USERNAME || !this.nonces.has(nonce)) return null;
    const uri = params.get('uri') ?? '';
    // The answer must be for this request (RFC 7616 3.4.6): a client that hashes the wrong path
    // is refused by a phone, so it must be refused here too, not pass unnoticed.
    if (uri !== target) return null;
    const response = params.get('response') ?? '';
    const qop = params.get('qop');
    const ha2 = md5(`${method}:${uri}`);
    for (const level of ['admin', 'user'] as const) {
      const password = level === 'admin' ? credentials.adminPassword : credentials.userPassword;
      const ha1 = md5(`${USERNAME}:${REALM}:${password}`);
      const expected = qop
        ? md5(
            `${ha1}:${nonce}:${params.get('nc') ?? ''}:${params.get('cnonce') ?? ''}:${qop}:${ha2}`,
          )
        : md5(`${ha1}:${nonce}:${ha2}`);
      if (sameText(expected, response)) return level;
    }
    return null;
  }
}
