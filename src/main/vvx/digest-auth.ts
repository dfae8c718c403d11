/**
 * HTTP Digest authentication (RFC 7616, MD5 and SHA-256, qop "auth"), used only when a phone
 * challenges: Basic goes up front because that is what VVX firmware accepts without a round trip.
 */
import { createHash, randomBytes } from 'node:crypto';

export interface DigestChallenge {
  realm: string;
  nonce: string;
  opaque: string | null;
  qop: string | null;
  algorithm: 'MD5' | 'SHA-256';
}

/** Parses a `WWW-Authenticate: Digest ...` header; null when it is not a Digest challenge. */
export function parseDigestChallenge(
  header: string | string[] | undefined,
): DigestChallenge | null {
  const values = Array.isArray(header) ? header : header === undefined ? [] : [header];
  const digest = values.find((value) => /^\s*digest\s/i.test(value));
  if (digest === undefined) return null;
  const params = new Map<string, string>();
  for (const match of digest.replace(/^\s*digest\s/i, '').matchAll(/(\w+)=("([^"]*)"|[^,\s]*)/g)) {
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
