/** Response headers that lock the served UI down to its own origin and files. */

/**
 * The Content-Security-Policy for the UI: only our own scripts and styles, no inline script, no
 * plugins, no framing; `connectSources` are the only connections allowed ('none' in Electron,
 * where the contract goes through the preload).
 */
export function contentSecurityPolicy(connectSources: readonly string[]): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src ${connectSources.length === 0 ? "'none'" : connectSources.join(' ')}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

/** Headers sent on every response of the browser host. */
export function securityHeaders(port: number): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy([
      "'self'",
      `ws://127.0.0.1:${port}`,
      `ws://localhost:${port}`,
    ]),
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  };
}
