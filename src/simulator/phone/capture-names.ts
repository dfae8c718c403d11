/**
 * The configuration behind the screen capture and which of it a firmware knows: the admin's
 * switch `up.screenCapture.enabled` (every firmware since SIP 3.2), and the remote switch of the
 * user's own "Screen Capture" setting — `up.screenCapture.value` on a VVX from UC Software 5.7
 * (older firmware does not know the name), `up.screenCapture.allowed` on the CCX family.
 */
import type { Dialect } from '../dialects/dialects';

export const CAPTURE_ENABLED = 'up.screenCapture.enabled';
export const CAPTURE_VALUE = 'up.screenCapture.value';
export const CAPTURE_ALLOWED = 'up.screenCapture.allowed';

/** Whether a firmware version such as "5.8.0.17552" is at least major.minor. */
export function versionAtLeast(version: string, major: number, minor: number): boolean {
  const [a = 0, b = 0] = version.split('.').map((part) => Number.parseInt(part, 10) || 0);
  return a > major || (a === major && b >= minor);
}

/** The name that switches the user's setting on from afar, or null when the firmware has none. */
export function remoteCaptureSwitch(dialect: Dialect, release: string): string | null {
  if (dialect.captureSwitch === 'allowed') return CAPTURE_ALLOWED;
  return versionAtLeast(release, 5, 7) ? CAPTURE_VALUE : null;
}

/** Whether the firmware knows `name` (names other than the two remote switches: always). */
export function knowsCaptureName(name: string, dialect: Dialect, release: string): boolean {
  if (name !== CAPTURE_VALUE && name !== CAPTURE_ALLOWED) return true;
  return remoteCaptureSwitch(dialect, release) === name;
}
