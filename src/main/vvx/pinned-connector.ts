/**
 * Trust on first use for phone certificates. A phone's certificate is issued by the vendor's
 * device CA for its MAC address, never for the IP we reach it on, so neither chain nor hostname
 * verification can succeed. Instead every TLS connection is checked against the one SHA-256
 * fingerprint the user accepted; a connection presenting anything else is destroyed before a
 * single byte of the request (or the password) is written.
 */
import { createSecureContext, type SecureContext, type TLSSocket } from 'node:tls';
import { buildConnector } from 'undici';

import { PhoneError } from './phone-error';

let sharedContext: SecureContext | null = null;

/**
 * One TLS context for every phone connection of the process. Without it Node builds a context,
 * root certificates and all, for each connection — most of a new connection's cost, and a new
 * connection is what a phone asked only every 30 s needs each time (its server closes idle ones).
 */
function phoneContext(): SecureContext {
  sharedContext ??= createSecureContext();
  return sharedContext;
}

/** Normalises a fingerprint to upper-case hex pairs joined by ':' (the form Node and UIs show). */
export function normaliseFingerprint(fingerprint: string): string {
  const hex = fingerprint.replace(/[^0-9a-fA-F]/g, '').toUpperCase();
  return hex.match(/.{2}/g)?.join(':') ?? '';
}

/** Error for a certificate nobody accepted yet: carries the fingerprint to show the user. */
function certificateUnknownError(presented: string): PhoneError {
  return new PhoneError(
    'certificate-unknown',
    `The phone presented a certificate that is not trusted yet (SHA-256 ${presented}). Compare it with the fingerprint on the phone's web page, then accept it.`,
    { presentedFingerprint: presented },
  );
}

/** Error for a certificate that differs from the pinned one: refuse until the user accepts it. */
function certificateChangedError(presented: string): PhoneError {
  return new PhoneError(
    'certificate-changed',
    `The phone's certificate changed (now SHA-256 ${presented}). This happens after a factory reset or a new certificate, but could also mean someone is intercepting the connection; accept the new fingerprint only if you expected the change.`,
    { presentedFingerprint: presented },
  );
}

/**
 * The fingerprint a connected TLS socket presented, or null when it presented none. (The X509
 * object computes only the fingerprint; getPeerCertificate() would decode every field.)
 */
function presentedFingerprint(socket: TLSSocket): string | null {
  const fingerprint = socket.getPeerX509Certificate()?.fingerprint256;
  return typeof fingerprint === 'string' && fingerprint !== ''
    ? normaliseFingerprint(fingerprint)
    : null;
}

/**
 * An undici connector that accepts a TLS connection only when the phone presents the pinned
 * certificate. With `pinned` null every HTTPS connection is refused with 'certificate-unknown'
 * naming the presented fingerprint, so the user can compare and accept it.
 */
export function pinnedConnector(
  pinned: string | null,
  connectTimeoutMs: number,
): buildConnector.connector {
  // Chain verification is replaced, not skipped: the fingerprint check below runs on every
  // connection before it is handed to undici, so nothing is ever sent to an unpinned peer.
  // No TLS session resumption: a resumed session presents no certificate to check, and a
  // connection is opened only a handful of times per session anyway.
  const connect = buildConnector({
    rejectUnauthorized: false,
    timeout: connectTimeoutMs,
    maxCachedSessions: 0,
    secureContext: phoneContext(),
  });
  const expected = pinned === null ? null : normaliseFingerprint(pinned);
  return (options, callback) => {
    connect(options, (error, socket) => {
      if (error !== null) {
        callback(error, null);
        return;
      }
      if (options.protocol !== 'https:') {
        callback(null, socket);
        return;
      }
      const presented = presentedFingerprint(socket as TLSSocket);
      if (presented !== null && presented === expected) {
        callback(null, socket);
        return;
      }
      socket.destroy();
      const shown = presented ?? 'none';
      callback(
        expected === null ? certificateUnknownError(shown) : certificateChangedError(shown),
        null,
      );
    });
  };
}
