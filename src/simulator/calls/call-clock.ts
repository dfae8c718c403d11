import type { CallLogKind } from './call-logs';
import type { SimCall } from './call-types';

/** Seconds a call has lasted: since it connected, or since it started when it never did. */
export function callDurationSeconds(call: SimCall, now: number): number {
  return Math.max(0, Math.floor((now - (call.connectedAt ?? call.createdAt)) / 1000));
}

/** Milliseconds of media the call has carried (connected, not held). */
export function callMediaMs(call: SimCall, now: number): number {
  return call.mediaMs + (call.mediaSince === null ? 0 : now - call.mediaSince);
}

/** Stops the call's media clock (held, ended, or held by the far end). */
export function pauseMedia(call: SimCall, now: number): void {
  call.mediaMs = callMediaMs(call, now);
  call.mediaSince = null;
}

/** What the phone shows for an outgoing call the far end refused. */
export function failReason(call: SimCall): string {
  if (call.farEnd === 'busy') return 'Busy';
  if (call.farEnd === 'not-found') return 'Number not found';
  if (call.farEnd === 'no-answer') return 'No answer';
  return 'Call rejected';
}

/** The call list a finished call belongs in; null for a dial that never left Dialtone. */
export function logKind(call: SimCall): CallLogKind | null {
  if (call.direction === 'Incoming') return call.answered ? 'received' : 'missed';
  return call.farEnd === null ? null : 'placed';
}

/** Accepts `0x9577DD30`, `9577dd30`, `0x3740b48` (leading zero dropped) and the like. */
export function normaliseHandle(handle: string): string {
  const hex = handle.trim().toLowerCase().replace(/^0x/, '');
  return /^[0-9a-f]{1,7}$/.test(hex) ? hex.padStart(8, '0') : hex;
}
