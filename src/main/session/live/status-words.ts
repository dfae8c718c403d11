/**
 * Plain words for a phone's connection health, each with what the user can do about it.
 */
import type { AttentionReason, PhoneHealth } from '../../../shared/domain';

/** The message shown for a health state when no phone error supplied a better one. */
export function healthMessage(health: PhoneHealth, retryInMs: number | null = null): string {
  const retry =
    retryInMs === null ? '' : ` Trying again in ${Math.max(1, Math.round(retryInMs / 1000))} s.`;
  switch (health) {
    case 'connecting':
      return 'Connecting to the phone…';
    case 'online':
      return 'Connected.';
    case 'unreachable':
      return `The phone does not answer. Check that it is powered on and on the network.${retry}`;
    case 'rebooting':
      return `The phone is restarting; this usually takes one to three minutes.${retry}`;
    case 'needs-attention':
      return 'The phone needs attention before it can be used.';
  }
}

/** Which problems stop the session until the user acts (they are not fixed by waiting). */
export function isAttentionReason(code: string): code is AttentionReason {
  return (
    code === 'api-disabled' ||
    code === 'default-password' ||
    code === 'wrong-credentials' ||
    code === 'certificate-unknown' ||
    code === 'certificate-changed' ||
    code === 'insufficient-access'
  );
}
