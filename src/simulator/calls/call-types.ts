import type { FarEndBehaviour } from './dial-plan';

/** Call states with the names VVX firmware uses. */
export type SimCallState =
  | 'Dialtone'
  | 'Setup'
  | 'Proceeding'
  | 'RingBack'
  | 'Offering'
  | 'Connected'
  | 'Hold'
  | 'Disconnected';

export interface SimCall {
  /** Eight lower-case hex digits, as the phone prints `CallHandle`. */
  handle: string;
  line: number;
  direction: 'Incoming' | 'Outgoing';
  state: SimCallState;
  remoteNumber: string;
  remoteName: string;
  /** Dial type asked for (SIP/TEL/H323); the signalling protocol is always SIP here. */
  dialType: string;
  createdAt: number;
  connectedAt: number | null;
  /** Media time accumulated before the current connected stretch (hold stops media). */
  mediaMs: number;
  mediaSince: number | null;
  ringing: boolean;
  answered: boolean;
  farEnd: FarEndBehaviour | null;
  /** Why the call is Disconnected (shown on the screen), e.g. "Busy". */
  endReason: string;
  dtmf: string;
  sipCallId: string;
  rtpPort: number;
}

/** A phone status code a call operation answers with when it cannot proceed. */
export type CallFailure = { ok: false; status: 4000 | 4002 | 4003 | 4005 | 4007; message: string };
export type CallResult = { ok: true; call: SimCall } | CallFailure;

/** Whether the line can place calls: unknown lines and unregistered lines are refused. */
export type LineCheck = 'registered' | 'unregistered' | 'missing';
