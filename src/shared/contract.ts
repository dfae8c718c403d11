/**
 * The one contract between the core and every UI (Electron preload, browser host, tests).
 *
 * Each request channel has a zod schema for its argument (parsed in the core before use: the
 * renderer is never trusted) and a result type. Events are pushed from the core. The preload
 * bridge, the Electron IPC wiring and the browser host's WebSocket are all typed from this file,
 * so a channel added here is checked everywhere at compile time.
 *
 * Argument schemas live in contract-schemas.ts (zod); this file holds only types and the tiny
 * runtime needed by every UI, so renderers never bundle zod.
 */
import type { z } from 'zod';
import type { requestSchemas } from './contract-schemas';
import type {
  CallLogEntry,
  CallLogKind,
  PhoneEvent,
  PhoneInfo,
  PhoneSnapshot,
  AttentionReason,
} from './domain';
import type { Contact, ContactImportPreview } from './contacts';
import type { AppSettings } from './settings';

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

export const CONFIG_EXPORT_TYPES = ['ConfigFiles', 'Local', 'Web', 'Device', 'All'] as const;
export const CONFIG_RESET_SCOPES = ['all', 'local', 'web', 'device'] as const;
export const TRANSFER_TYPES = ['Consultative', 'Blind', 'Safe'] as const;

/** Every request channel; each has a schema in contract-schemas.ts and a result type below. */
export const REQUEST_CHANNELS = [
  'phones.list',
  'phones.snapshots',
  'phones.add',
  'phones.update',
  'phones.remove',
  'phones.test',
  'phones.acceptCertificate',
  'phones.addDemo',
  'calls.dial',
  'calls.answer',
  'calls.ignore',
  'calls.reject',
  'calls.hold',
  'calls.resume',
  'calls.end',
  'calls.mute',
  'calls.transfer',
  'calls.sendDtmf',
  'calls.logs',
  'screen.get',
  'screen.touch',
  'screen.key',
  'device.details',
  'device.lines',
  'device.media',
  'device.restart',
  'device.reboot',
  'device.resetConfig',
  'device.factoryReset',
  'device.uploadCapture',
  'device.skypePresence',
  'device.skypeSignIn',
  'device.skypeSignOut',
  'config.get',
  'config.set',
  'config.export',
  'config.getTransferType',
  'config.setTransferType',
  'contacts.list',
  'contacts.add',
  'contacts.update',
  'contacts.remove',
  'contacts.previewImport',
  'contacts.commitImport',
  'settings.get',
  'settings.set',
  'links.parse',
] as const;

export type RequestChannel = (typeof REQUEST_CHANNELS)[number];
/** What a caller passes (defaults not yet applied). */
export type RequestArgs<C extends RequestChannel> = z.input<(typeof requestSchemas)[C]>;
/** What a handler receives after parsing. */
export type ParsedArgs<C extends RequestChannel> = z.output<(typeof requestSchemas)[C]>;

export interface ConnectionTestResult {
  ok: boolean;
  attention: AttentionReason | 'unreachable' | null;
  /** What is wrong and how to fix it, or what was found. */
  message: string;
  /** Certificate fingerprint the phone presented (HTTPS only). */
  fingerprint: string | null;
  model: string | null;
  firmware: string | null;
  /** Whether the credentials give admin access (needed for the admin console and remote screen). */
  admin: boolean;
}

export interface ScreenCapture {
  xml: string;
  model: string;
  width: number;
  height: number;
  touch: boolean;
  /** Whether the firmware takes simulateKeyEvent (hardware keys beside the screen). */
  keys: boolean;
  /** When touch or keys are unavailable: why, and how to enable them. */
  unavailableReason: string | null;
  capturedAt: number;
}

export type KeyValueGroup = Record<string, string>;

export interface DeviceDetails {
  device: KeyValueGroup;
  network: KeyValueGroup;
  networkStats: KeyValueGroup;
  stats: KeyValueGroup;
  location: KeyValueGroup;
  attachedHardware: KeyValueGroup;
  /** device/runningConfig (network, provisioning, time, …), flattened; absent where unsupported. */
  runningConfig?: KeyValueGroup;
}

/** Skype for Business on the phone: shown only where the phone reports it. */
export interface SkypeStatus {
  /** False where the phone does not run the Skype for Business profile (it answers 4004). */
  supported: boolean;
  /** The presence the phone reports ("Available", "Offline", …); null when unsupported. */
  presence: string | null;
  /** Everything getPresence answered, flattened. */
  details: KeyValueGroup;
}

export interface LineDetails {
  line: number;
  label: string;
  address: string;
  registration: string;
  protocol: string;
  proxies: string[];
  registrars: string[];
  forwarding: KeyValueGroup;
  doNotDisturb: boolean;
  raw: KeyValueGroup;
}

export interface MediaSample {
  handle: string;
  at: number;
  jitterMs: number;
  packetLossPercent: number;
  mos: number | null;
  codec: string;
  raw: KeyValueGroup;
}

export interface ConfigValue {
  value: string;
  source: string;
}

export interface ParsedLink {
  /** What will be dialled: digits (with optional leading +) or a SIP URI. */
  destination: string;
  type: 'TEL' | 'SIP';
  /** Human form for confirmation dialogs. */
  display: string;
  /**
   * Keypad digits to send as DTMF once the call connects (from ";ext=", ";postd=", "ext. 89" or
   * pauses like "+15551234567,89"); the phone's dial request has no room for them.
   */
  postDial?: string;
}

/** Result type per request channel. */
export interface RequestResults {
  'phones.list': PhoneInfo[];
  'phones.snapshots': PhoneSnapshot[];
  'phones.add': PhoneInfo;
  'phones.update': PhoneInfo;
  'phones.remove': null;
  'phones.test': ConnectionTestResult;
  'phones.acceptCertificate': PhoneInfo;
  'phones.addDemo': PhoneInfo;
  'calls.dial': { handle: string | null };
  'calls.answer': { handle: string | null };
  'calls.ignore': null;
  'calls.reject': null;
  'calls.hold': null;
  'calls.resume': null;
  'calls.end': null;
  'calls.mute': null;
  'calls.transfer': null;
  'calls.sendDtmf': null;
  'calls.logs': CallLogEntry[];
  'screen.get': ScreenCapture;
  'screen.touch': null;
  'screen.key': null;
  'device.details': DeviceDetails;
  'device.lines': LineDetails[];
  'device.media': MediaSample[];
  'device.restart': null;
  'device.reboot': null;
  'device.resetConfig': null;
  'device.factoryReset': null;
  'device.uploadCapture': null;
  'device.skypePresence': SkypeStatus;
  'device.skypeSignIn': null;
  'device.skypeSignOut': null;
  'config.get': Record<string, ConfigValue | null>;
  'config.set': null;
  'config.export': null;
  'config.getTransferType': { type: string };
  'config.setTransferType': null;
  'contacts.list': Contact[];
  'contacts.add': Contact;
  'contacts.update': Contact;
  'contacts.remove': null;
  'contacts.previewImport': ContactImportPreview;
  'contacts.commitImport': { imported: number };
  'settings.get': AppSettings;
  'settings.set': AppSettings;
  'links.parse': ParsedLink;
}

// Compile-time proof that every channel has a result type and vice versa.
type MissingResults = Exclude<RequestChannel, keyof RequestResults>;
type ExtraResults = Exclude<keyof RequestResults, RequestChannel>;
const contractIsComplete: [MissingResults, ExtraResults] extends [never, never] ? true : false =
  true;
void contractIsComplete;

/** Errors crossing the contract: a stable code, plain words, and the phone's own codes. */
export interface ContractError {
  code: ContractErrorCode;
  message: string;
  httpStatus?: number;
  vvxStatus?: number;
  /** For validation errors: the argument path that was wrong, e.g. "destination". */
  field?: string;
}

export type ContractErrorCode =
  | 'invalid-argument'
  | 'unknown-channel'
  | 'unknown-phone'
  | 'phone-error'
  | 'api-disabled'
  | 'default-password'
  | 'wrong-credentials'
  | 'insufficient-access'
  | 'unreachable'
  | 'certificate-unknown'
  | 'certificate-changed'
  | 'outcome-unknown'
  | 'queue-full'
  | 'cancelled'
  | 'invalid-response'
  | 'not-supported'
  | 'not-found'
  | 'internal';

export type RequestOutcome<C extends RequestChannel> =
  { ok: true; value: RequestResults[C] } | { ok: false; error: ContractError };

// ---- events ---------------------------------------------------------------------------------

export interface DialRequest {
  /** Where the request came from, for the confirmation prompt. */
  source: 'link' | 'command-line' | 'shortcut';
  link: ParsedLink;
}

/** Events pushed from the core to every UI. */
export interface EventPayloads {
  phone: PhoneEvent;
  /** A `tel:`/`sip:` link or shortcut asks to dial and settings say to confirm first. */
  'dial-request': DialRequest;
  'contacts-changed': Contact[];
  'settings-changed': AppSettings;
}
export type EventChannel = keyof EventPayloads;

type Namespace<C extends string> = C extends `${infer N}.${string}` ? N : never;
type VerbOf<C extends string, N extends string> = C extends `${N}.${infer V}` ? V : never;

/**
 * The API every UI sees (preload bridge and browser client alike): one namespace per channel
 * prefix and one verb per channel, e.g. `api.calls.dial({ phoneId, destination })`. Verbs
 * resolve to an outcome value rather than throwing, so errors keep their code across
 * contextBridge and WebSocket boundaries.
 */
export type DeskpilotApi = {
  [N in Namespace<RequestChannel>]: {
    [V in VerbOf<RequestChannel, N>]: `${N}.${V}` extends infer C extends RequestChannel
      ? (args: RequestArgs<C>) => Promise<RequestOutcome<C>>
      : never;
  };
} & {
  events: {
    on<E extends EventChannel>(event: E, listener: (payload: EventPayloads[E]) => void): () => void;
  };
};

/** The transport a UI host provides: one generic call and one event subscription. */
export interface ContractTransport {
  invoke<C extends RequestChannel>(channel: C, args: RequestArgs<C>): Promise<RequestOutcome<C>>;
  subscribe<E extends EventChannel>(
    event: E,
    listener: (payload: EventPayloads[E]) => void,
  ): () => void;
}

/** Builds the verb API over a transport; used by the preload and the browser client alike. */
export function createDeskpilotApi(transport: ContractTransport): DeskpilotApi {
  const api: Record<string, Record<string, (args: unknown) => unknown>> = {};
  for (const channel of REQUEST_CHANNELS) {
    const [namespace, verb] = channel.split('.') as [string, string];
    const group = (api[namespace] ??= {});
    group[verb] = (args: unknown) => transport.invoke(channel, args as RequestArgs<typeof channel>);
  }
  // The loop above builds exactly the mapped type; TypeScript cannot follow string splitting.
  return { ...api, events: { on: transport.subscribe } } as unknown as DeskpilotApi;
}

export type { CallLogKind };

/**
 * What the core implements: one async handler per channel, receiving parsed arguments. The
 * dispatcher (src/main/ipc) parses with contract-schemas.ts, calls the handler and maps thrown
 * errors to a ContractError; Electron IPC and the browser host both sit on that dispatcher.
 */
export type ContractHandlers = {
  [C in RequestChannel]: (args: ParsedArgs<C>) => Promise<RequestResults[C]>;
};
