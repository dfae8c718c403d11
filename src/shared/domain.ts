/**
 * The domain model every process shares: phones, lines, calls and the events the core emits.
 * Plain data only (it crosses IPC and WebSocket boundaries); no passwords ever appear here.
 */

/** Call states as VVX firmware names them (`CallHold` is normalised to `Hold`). */
export const CALL_STATES = [
  'Dialtone',
  'Setup',
  'Proceeding',
  'RingBack',
  'Offering',
  'Connected',
  'Hold',
  'Disconnected',
] as const;
export type CallState = (typeof CALL_STATES)[number];

export type CallDirection = 'Incoming' | 'Outgoing';

export interface Call {
  /** The phone's call handle, normalised to lower-case hex with `0x` (e.g. `0x9577dd30`). */
  handle: string;
  /** Line number (1-based) the call is on. */
  line: number;
  state: CallState;
  direction: CallDirection;
  remoteName: string;
  remoteNumber: string;
  /** Seconds the call had lasted when `observedAt` was taken. */
  durationSeconds: number;
  /** Epoch milliseconds at which the phone reported `durationSeconds`; lets the UI tick smoothly. */
  observedAt: number;
  muted: boolean;
  /** The call the phone considers active (its appearance index ends in `*`). */
  active: boolean;
  /** The phone's appearance index without the `*` marker, e.g. "1". */
  appearance: string;
  sequence: number;
  protocol: string;
  /** The other side holds this connected call (6.4+ firmware says so; older never does). */
  heldByFarEnd: boolean;
  /** Why the call ended, once the phone shows it ended (`Disconnected`) and says why. */
  outcome?: CallOutcome;
}

/**
 * How a call ended, as far as the phone's answers tell: the reason it showed (busy, declined…),
 * or what the call's course implies (it was connected and the other side left; nobody answered).
 */
export const CALL_OUTCOMES = [
  'busy',
  'declined',
  'not-found',
  'no-answer',
  'failed',
  'ended-by-other-side',
  'missed',
  'cancelled',
  'ended',
] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

/** What every window, History and the CLI say of an outcome. */
export const CALL_OUTCOME_WORDS: Readonly<Record<CallOutcome, string>> = {
  busy: 'Busy',
  declined: 'Declined',
  'not-found': 'Number not found',
  'no-answer': 'No answer',
  failed: 'Call failed',
  'ended-by-other-side': 'Ended by the other side',
  missed: 'Missed',
  cancelled: 'Cancelled',
  ended: 'Ended',
};

/** Outcomes of a call that never got through: the user is told why, and `dial` exits non-zero. */
export const FAILED_OUTCOMES: readonly CallOutcome[] = [
  'busy',
  'declined',
  'not-found',
  'no-answer',
  'failed',
];

export type LineRegistration = 'Registered' | 'Unregistered';

export interface Line {
  /** 1-based line number. */
  line: number;
  label: string;
  address: string;
  registration: LineRegistration;
  protocol: string;
}

/** Health of the connection to a phone, as the poller sees it. */
export type PhoneHealth = 'connecting' | 'online' | 'unreachable' | 'rebooting' | 'needs-attention';

/** A problem the user must fix before the phone can be used (shown with its fix). */
export type AttentionReason =
  | 'api-disabled'
  | 'default-password'
  | 'wrong-credentials'
  | 'certificate-unknown'
  | 'certificate-changed'
  | 'insufficient-access';

export type PhoneScheme = 'http' | 'https';

/** What the UI and CLI may know about a configured phone: never its password. */
export interface PhoneInfo {
  id: string;
  name: string;
  url: string;
  username: string;
  /** Whether a password is stored for this phone (the password itself stays in the core). */
  hasPassword: boolean;
  /** SHA-256 fingerprint (upper-case hex pairs joined by `:`) of the pinned certificate. */
  pinnedFingerprint: string | null;
  pollIntervalIdleMs: number;
  pollIntervalActiveMs: number;
  demo: boolean;
  /** The user-defined group the phone belongs to ("Reception"), or null. */
  group: string | null;
}

/**
 * What a phone's firmware may lack while its REST API works (it answers 404 there and device
 * info still answers): a Poly Edge E350 on 8.6 has no call control.
 */
export type PhoneFeature = 'call-control';

/** What the windows and the CLI say where a phone lacks a feature. */
export const MISSING_FEATURE_WORDS: Readonly<Record<PhoneFeature, string>> = {
  'call-control':
    'This phone does not offer call control through its REST API: dial, answer, hold and end calls on the phone itself. Deskpilot still shows its calls.',
};

export interface PhoneStatus {
  phoneId: string;
  health: PhoneHealth;
  attention: AttentionReason | null;
  /** Plain-words explanation of `health`/`attention`, including how to fix it. */
  message: string;
  /** Fingerprint the phone presented when `attention` is a certificate problem. */
  presentedFingerprint: string | null;
  model: string | null;
  firmware: string | null;
  macAddress: string | null;
  lastSeenAt: number | null;
  /** Features the phone showed it lacks (learned on first use; forgotten when it restarts). */
  missing: PhoneFeature[];
}

/** A phone's status before anything is known of it: connecting, with `message` saying so. */
export function connectingStatus(phoneId: string, message: string): PhoneStatus {
  return {
    phoneId,
    health: 'connecting',
    attention: null,
    message,
    presentedFingerprint: null,
    model: null,
    firmware: null,
    macAddress: null,
    lastSeenAt: null,
    missing: [],
  };
}

/**
 * Where the phone's pushed call events ("instant call events") stand: off; set up and waiting
 * for the first event; working (polling slowed right down); not arriving (polling as usual);
 * or a problem setting it up or undoing it.
 */
export type PushPhase = 'off' | 'waiting' | 'working' | 'not-arriving' | 'problem';

export interface PushStatus {
  phase: PushPhase;
  /** What is going on and, when something is wrong, the likely cause and the fix, in words. */
  message: string;
  /** When the last event from the phone arrived (epoch ms), this run. */
  lastEventAt: number | null;
  /** Where this computer listens for the phone's events (`192.168.1.5:8489`), when on. */
  listeningOn: string | null;
}

/** Everything the core knows about one phone at a moment. */
export interface PhoneSnapshot {
  info: PhoneInfo;
  status: PhoneStatus;
  lines: Line[];
  calls: Call[];
  push: PushStatus;
}

/** Events the core emits; every UI and the CLI's `watch` consume the same stream. */
export type PhoneEvent =
  | { type: 'phone-status'; phoneId: string; status: PhoneStatus }
  | { type: 'lines-changed'; phoneId: string; lines: Line[] }
  | { type: 'call-added'; phoneId: string; call: Call }
  | { type: 'call-changed'; phoneId: string; call: Call; previousState: CallState }
  | {
      type: 'call-removed';
      phoneId: string;
      call: Call;
      /** How it ended, judged from what the phone showed of it (absent from older cores). */
      outcome?: CallOutcome;
    }
  | { type: 'incoming-call'; phoneId: string; call: Call }
  | { type: 'push-status'; phoneId: string; push: PushStatus }
  | { type: 'phones-changed'; phones: PhoneInfo[] };

export const CALL_LOG_KINDS = ['missed', 'received', 'placed'] as const;
export type CallLogKind = (typeof CALL_LOG_KINDS)[number];

export interface CallLogEntry {
  kind: CallLogKind;
  remoteName: string;
  remoteNumber: string;
  line: number;
  /** ISO 8601 start time as the phone reports it. */
  startTime: string;
  durationSeconds: number;
  /** How the call ended, where Deskpilot saw it end (the phone's logs do not say). */
  outcome?: CallOutcome;
}

// ---- what a phone takes ----------------------------------------------------------------------

/** The hardware keys simulateKeyEvent can press. */
export const HARDWARE_KEYS = [
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight',
  'Dialpad0',
  'Dialpad1',
  'Dialpad2',
  'Dialpad3',
  'Dialpad4',
  'Dialpad5',
  'Dialpad6',
  'Dialpad7',
  'Dialpad8',
  'Dialpad9',
  'DialpadStar',
  'DialpadPound',
  'Home',
  'MicMute',
  'Redial',
  'Select',
  'Delete',
  'SoftKey1',
  'SoftKey2',
  'SoftKey3',
  'SoftKey4',
  'VolUp',
  'VolDown',
] as const;
export type HardwareKey = (typeof HARDWARE_KEYS)[number];

/** The touches simulateTouch can make. */
export const TOUCH_TYPES = ['Tap', 'Press', 'Release', 'Swipe'] as const;
export type TouchType = (typeof TOUCH_TYPES)[number];

/** What configuration export can send. */
export const CONFIG_EXPORT_TYPES = ['ConfigFiles', 'Local', 'Web', 'Device', 'All'] as const;
/** What configuration reset can reset: everything, or one source. */
export const CONFIG_RESET_SCOPES = ['all', 'local', 'web', 'device'] as const;
export type ConfigResetScope = (typeof CONFIG_RESET_SCOPES)[number];
/** The admin password a VVX has from the factory (and after its device settings are reset). */
export const FACTORY_ADMIN_PASSWORD = '456';
/** Whether a configuration reset of `scope` clears the device settings, the admin password among them. */
export function resetsAdminPassword(scope: ConfigResetScope): boolean {
  return scope === 'all' || scope === 'device';
}
/** How the phone transfers a call. */
export const TRANSFER_TYPES = ['Consultative', 'Blind', 'Safe'] as const;
