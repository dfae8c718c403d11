import type { Call, CallState } from '../../shared/domain';

/** Every per-call action the UI can offer; the names double as the buttons' accessible names. */
export type CallAction =
  | 'Answer'
  | 'Reject'
  | 'Ignore'
  | 'Hold'
  | 'Resume'
  | 'Swap'
  | 'End call'
  | 'Mute'
  | 'Unmute'
  | 'Transfer'
  | 'Keypad';

const STATE_WORDS: Record<CallState, string> = {
  Dialtone: 'Dial tone',
  Setup: 'Dialling',
  Proceeding: 'Calling',
  RingBack: 'Ringing',
  Offering: 'Ringing',
  Connected: 'Connected',
  Hold: 'On hold',
  Disconnected: 'Ended',
};

/**
 * The call's state in the words a person uses ("Ringing", "On hold"), not the firmware's; a
 * connected call the other side holds says so (6.4+ firmware tells).
 */
export function describeCallState(call: Pick<Call, 'state' | 'heldByFarEnd'>): string {
  if (call.state === 'Connected' && call.heldByFarEnd) return 'Held by the other side';
  return STATE_WORDS[call.state];
}

/**
 * The actions that make sense for a call in its current state, in display order. Offering calls
 * can only be answered, rejected or ignored; held calls resumed (swapped with the call talking
 * now, when `otherTalking`) or ended; mute, transfer and the DTMF keypad only mean something on
 * a connected call.
 */
export function allowedCallActions(
  call: Pick<Call, 'state' | 'muted' | 'direction'>,
  otherTalking = false,
): CallAction[] {
  switch (call.state) {
    case 'Offering':
      return call.direction === 'Incoming' ? ['Answer', 'Reject', 'Ignore'] : ['End call'];
    case 'Connected':
      return ['Hold', call.muted ? 'Unmute' : 'Mute', 'Transfer', 'Keypad', 'End call'];
    case 'Hold':
      return [otherTalking ? 'Swap' : 'Resume', 'End call'];
    case 'Dialtone':
    case 'Setup':
    case 'Proceeding':
    case 'RingBack':
      return ['End call'];
    case 'Disconnected':
      return [];
  }
}

/** Whether the call is ringing in (the banner, the Answer shortcut). */
export function isIncomingRinging(call: Pick<Call, 'state' | 'direction'>): boolean {
  return call.state === 'Offering' && call.direction === 'Incoming';
}

/**
 * Who is on the other end, as well as we know it: the user's own contact name first (phones
 * often report just the number as the name), then the phone's caller ID, then the number.
 */
export function callerName(
  call: Pick<Call, 'remoteName' | 'remoteNumber'>,
  contactName: string | null,
): string {
  return contactName ?? (call.remoteName.trim() || call.remoteNumber || 'Unknown caller');
}
