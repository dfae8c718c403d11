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
  /** Who answers: the dial plan's behaviour, another simulated phone, or nobody yet (Dialtone). */
  farEnd: FarEndBehaviour | 'phone' | null;
  /** The call on another simulated phone this call is connected to (phone-to-phone calls). */
  peer: CallPeer | null;
  /** The other phone holds this call: it stays Connected here, but no media flows. */
  heldByFarEnd: boolean;
  /** Why the call is Disconnected (shown on the screen), e.g. "Busy". */
  endReason: string;
  dtmf: string;
  sipCallId: string;
  rtpPort: number;
}

/** What the other simulated phone of a phone-to-phone call did, as this side learns it. */
export type FarEndEvent =
  | { kind: 'answered' }
  | { kind: 'ended'; why: 'hung-up' | 'cancelled' | 'rejected' }
  | { kind: 'held'; held: boolean }
  | { kind: 'transferred'; destination: string };

/** A phone's calls as another simulated phone's call reaches them. */
export interface PeerPhone {
  /** The peer of call `handle` did something; this phone reacts as a phone would. */
  farEnd(handle: string, event: FarEndEvent, now: number): void;
  /** The control API as this phone's user: answer a ringing call. */
  answer(ref: string | undefined, now: number): CallResult;
  /** The control API as this phone's user: hang up, or refuse a ringing call. */
  hangUp(handle: string, now: number): CallResult;
}

/** The call on another simulated phone that a call is connected to. */
export interface CallPeer {
  phone: PeerPhone;
  handle: string;
}

/** A phone status code a call operation answers with when it cannot proceed. */
export type CallFailure = { ok: false; status: 4000 | 4002 | 4003 | 4005 | 4007; message: string };
export type CallResult = { ok: true; call: SimCall } | CallFailure;

/** Whether the line can place calls: unknown lines and unregistered lines are refused. */
export type LineCheck = 'registered' | 'unregistered' | 'missing';
