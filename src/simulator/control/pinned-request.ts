/**
 * One HTTP(S) request to a simulated phone, trusting over HTTPS exactly the certificate the
 * simulator reported for it. A phone's certificate is self-signed for its MAC address, so chain
 * and host name checks cannot pass; instead the presented SHA-256 fingerprint must equal the
 * expected one before a byte of the request is written.
 */
import http, { type ClientRequestArgs } from 'node:http';
import tls from 'node:tls';

export interface PinnedRequest {
  method: string;
  url: URL;
  /** Expected SHA-256 fingerprint (any case, `:` optional); null over plain HTTP. */
  fingerprint: string | null;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
  /** Answers longer than this are refused rather than buffered. */
  maxAnswerBytes: number;
}

export interface PinnedAnswer {
  status: number;
  text: string;
}

function sameFingerprint(presented: string | undefined, expected: string): boolean {
  const plain = (value: string): string => value.replace(/:/g, '').toUpperCase();
  return presented !== undefined && plain(presented) === plain(expected);
}

/** A connection factory for node:http that completes only once the pinned certificate is seen. */
function pinnedConnection(expected: string | null): ClientRequestArgs['createConnection'] {
  return (options, done) => {
    const socket = tls.connect({
      host: options.hostname ?? options.host ?? '127.0.0.1',
      port: Number(options.port),
      // Verification is the fingerprint check below, which runs before the request is handed over.
      rejectUnauthorized: false,
    });
    socket.once('secureConnect', () => {
      const presented = socket.getPeerCertificate().fingerprint256;
      if (expected !== null && sameFingerprint(presented, expected)) {
        done(null, socket);
        return;
      }
      socket.destroy();
      done(
        new Error(
          `the phone at ${options.host ?? ''}:${options.port ?? ''} presented certificate ${presented || 'none'}, not ${expected ?? 'a known one'}`,
        ),
        socket,
      );
    });
    socket.once('error', (error) => done(error, socket));
    return undefined;
  };
}

/** Sends the request on a fresh connection and reads the whole answer (bounded). */
export function pinnedRequest(request: PinnedRequest): Promise<PinnedAnswer> {
  const { url } = request;
  const secure = url.protocol === 'https:';
  return new Promise((resolve, reject) => {
    const outgoing = http.request(
      {
        method: request.method,
        hostname: url.hostname,
        port: url.port === '' ? (secure ? 443 : 80) : Number(url.port),
        path: `${url.pathname}${url.search}`,
        headers: request.headers,
        signal: AbortSignal.timeout(request.timeoutMs),
        ...(secure
          ? { createConnection: pinnedConnection(request.fingerprint) }
          : { agent: false }),
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > request.maxAnswerBytes) {
            response.destroy(
              new Error(`the answer of ${url.pathname} is over ${request.maxAnswerBytes} bytes`),
            );
            return;
          }
          chunks.push(chunk);
        });
        response.once('error', reject);
        response.once('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    outgoing.once('error', reject);
    outgoing.end(request.body);
  });
}
