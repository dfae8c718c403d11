/**
 * A phone's telephony notification event as Deskpilot reads it, whichever firmware sent it, and
 * the two translations the session needs: the phone's push state names onto the app's CallState,
 * and a `CallReference` onto a handle compared as a number (push sends `41aa9c00`, callStatus
 * `0x41aa9c00` or without leading zeros).
 */
import type { CallDirection, CallState } from '../../shared/domain';

/** What happened, by the event element's name (unknown elements keep their name for the log). */
export type PushEventKind =
  | 'incoming'
  | 'outgoing'
  | 'off-hook'
  | 'on-hook'
  | 'call-state'
  | 'line-registered'
  | 'line-unregistered'
  | 'phone-locked'
  | 'phone-unlocked'
  | 'user-login'
  | 'unknown';

const KINDS: Readonly<Record<string, PushEventKind>> = {
  incomingcallevent: 'incoming',
  outgoingcallevent: 'outgoing',
  offhookevent: 'off-hook',
  onhookevent: 'on-hook',
  callstatechangeevent: 'call-state',
  lineregistrationevent: 'line-registered',
  lineunregistrationevent: 'line-unregistered',
  phonelockedevent: 'phone-locked',
  phoneunlockedevent: 'phone-unlocked',
  userloginoutevent: 'user-login',
};

/** The kind of an event element, by its name in any case. */
export function pushEventKind(element: string): PushEventKind {
  return KINDS[element.toLowerCase()] ?? 'unknown';
}

/** One event; text fields are '' when the phone left them out or empty. */
export interface PushEvent {
  kind: PushEventKind;
  /** The element's name as sent, e.g. `CallStateChangeEvent`. */
  element: string;
  phoneIp: string;
  macAddress: string;
  timeStamp: string;
  /** The call's reference as sent (attribute, element, or inside CallInfo); '' without one. */
  callReference: string;
  /** The call's state as sent (`Offering`, `Ringback`, `Free`…); '' without one. */
  callState: string;
  /** `Incoming` or `Outgoing` as sent; '' without one. */
  callType: string;
  callingPartyName: string;
  callingPartyNumber: string;
  calledPartyName: string;
  calledPartyNumber: string;
  /** The line (LineNumber, else LineKeyNum), or null. */
  line: number | null;
}

/** What a pushed state means for the app: a CallState, the call is gone, or unknown. */
export type PushedState = CallState | 'gone' | 'unknown';

/**
 * Every state name of the three vocabularies (push, state polling, REST callStatus), lower case.
 * `Held` (the far end holds the call) is Connected here, as callStatus shows it; a conference is
 * a connected call.
 */
const STATES: Readonly<Record<string, PushedState>> = {
  dialtone: 'Dialtone',
  setup: 'Setup',
  proceeding: 'Proceeding',
  ringback: 'RingBack',
  offering: 'Offering',
  connected: 'Connected',
  callconference: 'Connected',
  held: 'Connected',
  callheld: 'Connected',
  callconfheld: 'Connected',
  callremoteactive: 'Connected',
  hold: 'Hold',
  callhold: 'Hold',
  callconfhold: 'Hold',
  disconnected: 'Disconnected',
  free: 'gone',
};

/** Maps a pushed state name (any case) onto the app's CallState; unknown names say so. */
export function pushedState(name: string): PushedState {
  return STATES[name.trim().toLowerCase()] ?? 'unknown';
}

/** `Incoming` / `Outgoing` in any case, else null. */
export function pushedDirection(callType: string): CallDirection | null {
  const type = callType.trim().toLowerCase();
  if (type === 'incoming') return 'Incoming';
  if (type === 'outgoing') return 'Outgoing';
  return null;
}

/**
 * A call reference as a handle in the one numeric spelling (`0x` + lower-case hex without
 * leading zeros), or null when it is missing, not hexadecimal, too long, or 0 (no usable call).
 */
export function pushedHandle(reference: string): string | null {
  const hex = reference.trim().toLowerCase().replace(/^0x/, '');
  if (!/^[0-9a-f]{1,16}$/.test(hex)) return null;
  const digits = hex.replace(/^0+/, '');
  return digits === '' ? null : `0x${digits}`;
}
