/** Response headers that lock the served UI down to its own origin and files. */
import { contentSecurityPolicy } from '../ground/content-security-policy';

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
