/**
 * HTTP Digest authentication (RFC 7616, MD5 and SHA-256, qop "auth"), used whenever a phone
 * offers it (see vvx-transport.ts for when Basic is sent instead).
 */
import { createHash, randomBytes } from 'node:crypto';

export interface DigestChallenge {
  realm: string;
  nonce: string;
  opaque: string | null;
  qop: string | null;
  algorithm: 'MD5' | 'SHA-256';
}

/**
 * Finds the Digest challenge among a `WWW-Authenticate` answer's challenges (one per header, or
 * several in one, like `Basic realm="x", Digest realm="x", nonce="…"`); null when there is none.
 */
export function parseDigestChallenge(
  header: string | string[] | undefined,
): DigestChallenge | null {
  const joined = (Array.isArray(header) ? header : header === undefined ? [] : [header]).join(', ');
  const start = /(?:^|,)\s*digest\s+/i.exec(joined);
  if (start === null) return null;
  const rest = joined.slice(start.index + start[0].length);
  // The Digest parameters end where another scheme's challenge begins.
  const next = /,\s*[A-Za-z][\w-]*\s+[\w-]+=/.exec(rest);
  const digest = next === null ? rest : rest.slice(0, next.index);
  const params = new Map<string, string>();
  for (const match of digest.matchAll(/(\w+)=("([^"]*)"|[^,\s]*)/g)) {
    const key = match[1];
    if (key !== undefined) params.set(key.toLowerCase(), match[3] ?? match[2] ?? '');
  }
  const nonce = params.get('nonce');
  if (nonce === undefined) return null;
  const qops = (params.get('qop') ?? '').split(',').map((qop) => qop.trim());
  const algorithm = (params.get('algorithm') ?? 'MD5').toUpperCase();
  return {
    realm: params.get('realm') ?? '',
    nonce,
    opaque: params.get('opaque') ?? null,
    qop: qops.includes('auth') ? 'auth' : null,
    algorithm: algorithm === 'SHA-256' ? 'SHA-256' : 'MD5',
  };
}

/** Keeps the nonce count for one challenge so later requests can reuse it without a 401. */
export class DigestSession {
  private nonceCount = 0;

  constructor(
    readonly challenge: DigestChallenge,
    private readonly username: string,
    private readonly password: string,
  ) {}

  /** The `Authorization` header value for one request. */
  authorization(method: string, uri: string): string {
    const { realm, nonce, opaque, qop, algorithm } = this.challenge;
    const hash = (text: string) =>
      createHash(algorithm === 'SHA-256' ? 'sha256' : 'md5')
        .update(text)
        .digest('hex');
    const ha1 = hash(`${this.username}:${realm}:${this.password}`);
    const ha2 = hash(`${method}:${uri}`);
    this.nonceCount += 1;
    const nc = this.nonceCount.toString(16).padStart(8, '0');
    const cnonce = randomBytes(8).toString('hex');
    const response =
      qop === null
        ? hash(`${ha1}:${nonce}:${ha2}`)
        : hash(`${ha1}:${nonce}:${nc}:${cnonce}:${qop}:${ha2}`);
    const parts = [
      `username="${this.username}"`,
      `realm="${realm}"`,
      `nonce="${nonce}"`,
      `uri="${uri}"`,
      `algorithm=${algorithm}`,
      `response="${response}"`,
    ];
    if (opaque !== null) parts.push(`opaque="${opaque}"`);
    if (qop !== null) parts.push(`qop=${qop}`, `nc=${nc}`, `cnonce="${cnonce}"`);
    return `Digest ${parts.join(', ')}`;
  }
}
