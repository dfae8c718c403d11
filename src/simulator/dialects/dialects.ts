/**
 * The dialects a simulated phone speaks: the vendor reference as printed, and the firmware
 * families public captures show answering differently (README.md, "Dialects", names the
 * evidence behind each field). A dialect is data: the HTTP pipeline and the endpoints read it,
 * so switching a phone's dialect (CLI, options, control API) changes every answer at once.
 */

export const DIALECT_NAMES = ['reference', 'vvx-5', 'vvx-6', 'edge'] as const;
export type DialectName = (typeof DIALECT_NAMES)[number];

/** Firmware strings: `release` as device info v1 prints it, the rest as v2's `Firmware`. */
export interface Firmware {
  release: string;
  application: string;
  updater: string;
  bootBlock: string;
}

/** How the phone writes its pushed events (telephony notifications; README "Pushed events"). */
export interface PushFormat {
  /** CallStateChangeEvent's CallReference and CallState: attributes, or child elements. */
  callFields: 'attributes' | 'elements';
  /** CallStateChangeEvent carries `<LineNumber>`. */
  lineNumber: boolean;
  /** Party numbers as the line knows them (`1011`), or as addresses (`1011@sip…`, `sip:1011@sip…`). */
  partyNumbers: 'bare' | 'addresses';
  /** The document starts with an XML declaration. */
  declaration: boolean;
}

export interface Dialect {
  name: DialectName;
  /** One line for the CLI's help. */
  summary: string;
  firmware: Firmware;
  vendor: string;
  /** `ModelNumber`: `VVX601`, `VVX 601`, or the product's own name whatever the model. */
  modelNumber: 'compact' | 'spaced' | { product: string };
  /** Request paths match whatever their case (`/api/v1/WebCallControl/callStatus`). */
  pathsIgnoreCase: boolean;
  /** `Server` header on every answer; null: none. */
  server: string | null;
  /** Further headers the phone's HTTPd puts on every answer. */
  headers: Readonly<Record<string, string>>;
  /** Body of a 404 (REST API off, unknown path): plain text, or the HTTPd's HTML page. */
  notFoundPage: 'text' | 'html';
  /** Basic (also accepted up front), or Digest only (MD5, qop=auth). */
  auth: 'basic' | 'digest';
  deviceType: string;
  macAddress: 'upper' | 'lower';
  /** device info v1 `UpTimeSinceLastReboot`: see rest/dialect-formats.ts for each form. */
  uptime: 'reference' | 'day' | 'Day' | 'dotted';
  /** device info `AttachedHardware`: `{Camera, EM}`, `{EM}` only, or `Camera` "yes"/"no". */
  attachedHardware: 'reference' | 'em-only' | 'camera-yes-no';
  /** lineInfo: one entry per registration, or one per line key (lower-case values). */
  lineEntries: 'per-line' | 'per-key';
  /** The placeholder line of a phone with no line configured (per-key dialects). */
  placeholderLine: 'none' | 'full' | 'short';
  /** network info as the reference prints it, or as real phones answer (`enabled`, `CDPCompatibility`). */
  networkInfo: 'reference' | 'real';
  configSource: 'upper' | 'lower';
  /** Where config get/set name unknown parameters: inside `data`, or beside it. */
  invalidParams: 'in-data' | 'top-level';
  /** config/set refuses everything for one bad name, or applies what it can. */
  configSet: 'all-or-nothing' | 'partial';
  /** getPresence's `Presence`: inside `data`, or beside it. */
  presence: 'in-data' | 'top-level';
  /** CallHandle: 8 hex digits, or without leading zeros (v1 with `0x`); `?handle=` then refuses `0x`. */
  handles: 'padded' | 'trimmed';
  /** RemotePartyNumber: as dialled, or as a URI (`sip:` for SIP; TEL bare, or `tel:` for a caller). */
  remoteNumber: 'raw' | 'sip-or-tel' | 'sip-or-bare';
  /** callStatus v1's name for a held call. */
  heldStateV1: 'Hold' | 'CallHold';
  /** callStatus v2's duration field(s). */
  durationsV2: 'both' | 'DurationSeconds';
  /** callStatus v2 adds `Media Direction` and `Remote Connection IP`. */
  mediaDirection: boolean;
  /** Durations (pollForStatus, call logs) as the reference prints them, or in words (`5 mins 25 secs`). */
  durations: 'reference' | 'words';
  /** callLogs' list names: `missed…` as the reference prints them, or `Missed…`. */
  callLogKeys: 'lower' | 'capitalised';
  /** Serves `/api/v1/callctrl/*` (Edge answers 404 to every one of them). */
  callControl: boolean;
  /** Serves 6.x management additions: `mgmt/updateConfiguration`, `configReset/cloud`. */
  mgmt6x: boolean;
  /** simulateKeyEvent and simulateTextInput: with `laterFirmware`, always, never. */
  laterScreenApi: 'option' | 'always' | 'never';
  /**
   * How the phone's own "Screen Capture" setting is switched on from afar: a VVX on 5.7 or later
   * takes `up.screenCapture.value`, a CCX-family phone `up.screenCapture.allowed` (the other
   * name is unknown to it).
   */
  captureSwitch: 'value' | 'allowed';
  /**
   * What the web UI's pages (the screen capture) take: Basic credentials or the session cookie
   * of `/form-submit/auth.htm`, or that cookie only.
   */
  webLogin: 'basic-or-session' | 'session';
  /** The capture's BMP: bits per pixel and row order (unrecorded: each family sends another). */
  captureBitmap: CaptureBitmap;
  /** sendDTMF also takes `digits` (lower case), as a 6.4 client sends it. */
  lowerCaseDigits: boolean;
  push: PushFormat;
}

/** A BMP's pixel format: 16 bits (RGB 5-6-5), 24 or 32; rows from the top or, as usual, the bottom. */
export interface CaptureBitmap {
  bits: 16 | 24 | 32;
  topDown: boolean;
}

/** What every real firmware family shares: the reference prints all of these differently. */
const REAL_PHONE = {
  pathsIgnoreCase: true,
  notFoundPage: 'html',
  macAddress: 'lower',
  lineEntries: 'per-key',
  networkInfo: 'real',
  configSource: 'lower',
  invalidParams: 'top-level',
  configSet: 'partial',
  presence: 'top-level',
  handles: 'trimmed',
  heldStateV1: 'CallHold',
  durationsV2: 'DurationSeconds',
  durations: 'words',
  callLogKeys: 'capitalised',
  lowerCaseDigits: true,
} satisfies Partial<Dialect>;

/** What the VVX families (5.x, 6.x) share beyond that. */
const VVX = {
  ...REAL_PHONE,
  vendor: 'Polycom',
  modelNumber: 'spaced',
  server: 'Polycom SoundPoint IP Telephone HTTPd',
  headers: {},
  auth: 'basic',
  deviceType: 'HardwareEndpoint',
  placeholderLine: 'full',
  callControl: true,
} satisfies Partial<Dialect>;

const DIALECTS: Readonly<Record<DialectName, Dialect>> = {
  reference: {
    name: 'reference',
    summary: 'the UC Software 5.8 REST API reference as printed (default)',
    firmware: {
      release: '5.8.0.17552',
      application: '5.8.0.17552',
      updater: '5.8.0.17552',
      bootBlock: '3.0.6.0146',
    },
    vendor: 'Polycom',
    modelNumber: 'compact',
    pathsIgnoreCase: false,
    server: null,
    headers: {},
    notFoundPage: 'text',
    auth: 'basic',
    deviceType: 'HardwareEndPoint',
    macAddress: 'upper',
    uptime: 'reference',
    attachedHardware: 'reference',
    lineEntries: 'per-line',
    placeholderLine: 'none',
    networkInfo: 'reference',
    configSource: 'upper',
    invalidParams: 'in-data',
    configSet: 'all-or-nothing',
    presence: 'in-data',
    handles: 'padded',
    remoteNumber: 'raw',
    heldStateV1: 'Hold',
    durationsV2: 'both',
    mediaDirection: false,
    durations: 'reference',
    callLogKeys: 'lower',
    callControl: true,
    mgmt6x: false,
    laterScreenApi: 'option',
    captureSwitch: 'value',
    webLogin: 'basic-or-session',
    captureBitmap: { bits: 24, topDown: false },
    lowerCaseDigits: false,
    push: { callFields: 'attributes', lineNumber: true, partyNumbers: 'bare', declaration: true },
  },
  'vvx-5': {
    ...VVX,
    name: 'vvx-5',
    summary: 'a VVX on UC Software 5.4–5.9, as public captures show it',
    firmware: {
      release: '5.9.3.2857',
      application: '5.9.3.2857 02-Jul-19 06:14',
      updater: '5.9.7.26508',
      bootBlock: '3.0.6.0098 (48830-001)',
    },
    uptime: 'day',
    attachedHardware: 'em-only',
    remoteNumber: 'sip-or-tel',
    mediaDirection: false,
    mgmt6x: false,
    laterScreenApi: 'option',
    captureSwitch: 'value',
    webLogin: 'basic-or-session',
    captureBitmap: { bits: 16, topDown: false },
    push: {
      callFields: 'elements',
      lineNumber: false,
      partyNumbers: 'addresses',
      declaration: false,
    },
  },
  'vvx-6': {
    ...VVX,
    name: 'vvx-6',
    summary: 'a VVX on UC Software 6.x (6.1–6.4), as public captures show it',
    firmware: {
      release: '6.1.0.6189',
      application: '6.1.0.6189 31-Jul-19 02:54',
      updater: '6.1.0.6163',
      bootBlock: '3.0.5.0131 (48500-001)',
    },
    uptime: 'dotted',
    attachedHardware: 'camera-yes-no',
    remoteNumber: 'sip-or-bare',
    mediaDirection: true,
    mgmt6x: true,
    laterScreenApi: 'always',
    captureSwitch: 'value',
    webLogin: 'session',
    captureBitmap: { bits: 32, topDown: true },
    push: {
      callFields: 'attributes',
      lineNumber: true,
      partyNumbers: 'addresses',
      declaration: false,
    },
  },
  edge: {
    ...REAL_PHONE,
    name: 'edge',
    summary: 'a Poly Edge E350 on 8.6: Digest only, no call control',
    firmware: {
      release: '8.6.0.1321',
      application: '8.6.0.1321',
      updater: '8.6.0.1321',
      bootBlock: '8.6.0.1321',
    },
    vendor: 'Poly',
    modelNumber: { product: 'Edge E350' },
    server: 'Poly Edge Telephone HTTPd',
    headers: {
      'X-Frame-Options': 'SAMEORIGIN',
      'X-Content-Type-Options': 'nosniff',
      'X-XSS-Protection': '1',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
      'Permissions-Policy': 'geolocation=(self)',
      'Cache-Control': 'no-store',
      'Strict-Transport-Security': 'max-age=2592000',
    },
    auth: 'digest',
    deviceType: 'hardwareEndpoint',
    uptime: 'Day',
    attachedHardware: 'em-only',
    placeholderLine: 'short',
    remoteNumber: 'sip-or-bare',
    mediaDirection: true,
    callControl: false,
    mgmt6x: false,
    laterScreenApi: 'never',
    captureSwitch: 'allowed',
    webLogin: 'session',
    captureBitmap: { bits: 32, topDown: false },
    push: {
      callFields: 'attributes',
      lineNumber: true,
      partyNumbers: 'addresses',
      declaration: true,
    },
  },
};

/** The dialect of a known name. */
export function dialectNamed(name: DialectName): Dialect {
  return DIALECTS[name];
}

/** The dialect of a name (any case), or null when there is none by that name. */
export function findDialect(name: string): Dialect | null {
  const wanted = name.trim().toLowerCase();
  const found = DIALECT_NAMES.find((known) => known === wanted);
  return found ? DIALECTS[found] : null;
}

/** Every dialect, in the order the CLI lists them. */
export function listDialects(): readonly Dialect[] {
  return DIALECT_NAMES.map((name) => DIALECTS[name]);
}
