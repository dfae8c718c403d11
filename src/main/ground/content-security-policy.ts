/** The Content-Security-Policy of the UI, the same for the browser host and the app:// protocol. */

/**
 * Only our own scripts and styles, no inline script, no plugins, no framing; `connectSources` are
 * the only connections allowed ('none' in Electron, where the contract goes through the preload).
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
