/**
 * Schemas for the `data` of each VVX answer. They accept what real phones send (string or
 * number values, misspelled and renamed fields from the notes, unknown extra fields) and reject
 * what is broken with an issue naming the field; the client turns that into 'invalid-response'.
 */
import { z } from 'zod';

import { CALL_STATES, type CallState } from '../../shared/domain';
import { count, flag, optionalText, pick, text } from './vvx-values';

const record = z.record(z.string(), z.unknown());

const callStateByName = new Map<string, CallState>([
  ...CALL_STATES.map((state) => [state.toLowerCase(), state] as const),
  ['callhold', 'Hold'],
]);

/** A call as callStatus v1 or v2 reports it, normalised. */
export interface VvxCall {
  handle: string;
  line: number;
  state: CallState;
  direction: 'Incoming' | 'Outgoing';
  remoteName: string;
  remoteNumber: string;
  durationSeconds: number;
  startTime: string;
  sequence: number;
  appearance: string;
  active: boolean;
  ringing: boolean;
  muted: boolean;
  protocol: string;
}

/** One call object; `DurationSeconds` and `DurationInSeconds` both accepted (firmware renamed it). */
export const callSchema = record.transform((raw, context): VvxCall => {
  const fields = z
    .object({
      handle: text.refine(
        (value) => /^(0x)?[0-9a-f]+$/i.test(value.trim()),
        'CallHandle is not hexadecimal',
      ),
      state: text,
      line: count,
      duration: count.optional(),
    })
    .safeParse({
      handle: pick(raw, 'CallHandle'),
      state: pick(raw, 'CallState'),
      line: pick(raw, 'LineID', 'LineNumber') ?? '1',
      duration: pick(raw, 'DurationSeconds', 'DurationInSeconds'),
    });
  if (!fields.success) {
    for (const issue of fields.error.issues) {
      context.addIssue({ code: 'custom', message: issue.message, path: issue.path });
    }
    return z.NEVER;
  }
  const state = callStateByName.get(fields.data.state.trim().toLowerCase());
  if (state === undefined) {
    context.addIssue({
      code: 'custom',
      message: `unknown CallState "${fields.data.state}"`,
      path: ['CallState'],
    });
    return z.NEVER;
  }
  const appearanceText = optionalText.parse(pick(raw, 'UIAppearanceIndex'));
  const sequence = count.safeParse(pick(raw, 'CallSequence') ?? '0');
  return {
    handle: `0x${fields.data.handle.trim().toLowerCase().replace(/^0x/, '')}`,
    line: fields.data.line,
    state,
    direction: /^in/i.test(optionalText.parse(pick(raw, 'Type'))) ? 'Incoming' : 'Outgoing',
    remoteName: optionalText.parse(pick(raw, 'RemotePartyName')),
    remoteNumber: optionalText.parse(pick(raw, 'RemotePartyNumber')),
    durationSeconds: fields.data.duration ?? 0,
    startTime: optionalText.parse(pick(raw, 'StartTime')),
    sequence: sequence.success ? sequence.data : 0,
    appearance: appearanceText.replace(/\*$/, ''),
    active: appearanceText.endsWith('*'),
    ringing: flag.parse(pick(raw, 'Ringing')),
    muted: flag.parse(pick(raw, 'Muted')),
    protocol: optionalText.parse(pick(raw, 'Protocol')),
  };
});

/** Accepts a list, a lone object (some firmware) or nothing, so item errors keep their words. */
function listOf<T extends z.ZodType>(item: T) {
  return z.preprocess(
    (value) =>
      value === undefined || value === null ? [] : Array.isArray(value) ? value : [value],
    z.array(item),
  );
}

/** callStatus v2: an array of calls (`[]` with no call); some firmware sends one object. */
export const callListSchema = listOf(callSchema);

/** pollForStatus: `State` Idle/Active/Error and free-text `StateData` (polled often: kept lean). */
export const pollStatusSchema = z
  .looseObject({ State: text, StateData: optionalText })
  .transform((raw) => ({ state: raw.State, stateData: raw.StateData }));

/** One line of lineInfo v1 or v2, normalised; everything else kept as flattened text. */
export interface VvxLine {
  line: number;
  label: string;
  address: string;
  registered: boolean;
  registration: string;
  protocol: string;
  doNotDisturb: boolean;
  callServers: string[];
  forwarding: Record<string, string>;
  raw: Record<string, unknown>;
}

const lineSchema = record.transform((raw, context): VvxLine => {
  const line = count.safeParse(pick(raw, 'ID', 'LineNumber'));
  if (!line.success) {
    context.addIssue({
      code: 'custom',
      message: 'line without a number (ID/LineNumber)',
      path: ['ID'],
    });
    return z.NEVER;
  }
  const registration = optionalText.parse(pick(raw, 'RegistrationStatus'));
  const servers = z.array(record).safeParse(pick(raw, 'CallServers'));
  const forwarding = record.safeParse(pick(raw, 'ForwardingConfig'));
  const proxy = optionalText.parse(pick(raw, 'ProxyAddress'));
  return {
    line: line.data,
    label: optionalText.parse(pick(raw, 'Label')),
    address: optionalText.parse(pick(raw, 'SIPAddress', 'Username', 'UserID')),
    registered: registration.trim().toLowerCase() === 'registered',
    registration,
    protocol: optionalText.parse(pick(raw, 'Protocol')) || 'SIP',
    doNotDisturb: flag.parse(pick(raw, 'DoNotDisturb')),
    callServers: servers.success
      ? servers.data
          .map((server) => optionalText.parse(pick(server, 'Address')))
          .filter((a) => a !== '')
      : proxy === ''
        ? []
        : [proxy],
    forwarding: forwarding.success
      ? Object.fromEntries(
          Object.entries(forwarding.data).map(([k, v]) => [k, optionalText.parse(v)]),
        )
      : {},
    raw,
  };
});

/** lineInfo v1/v2: an array of lines (one object accepted too). */
export const lineListSchema = listOf(lineSchema);

/** Device identity from deviceInfo v1 (`"ModelNumber "`, flat `FirmwareRelease`) or v2. */
export interface VvxDeviceInfo {
  model: string;
  firmware: string;
  macAddress: string;
  raw: Record<string, unknown>;
}

export const deviceInfoSchema = record.transform((raw): VvxDeviceInfo => {
  const firmware = pick(raw, 'Firmware', 'FirmwareRelease');
  const application =
    typeof firmware === 'object' && firmware !== null
      ? pick(firmware as Record<string, unknown>, 'Application')
      : firmware;
  return {
    model: optionalText.parse(pick(raw, 'ModelNumber')).trim(),
    firmware: optionalText.parse(application).trim(),
    macAddress: optionalText.parse(pick(raw, 'MACAddress')).trim(),
    raw,
  };
});

/** Config get: `{name: {Value, Source}}` (or lower-case) plus `InvalidParams` naming unknowns. */
export const configValuesSchema = record.transform((raw) => {
  const values: Record<string, { value: string; source: string } | null> = {};
  for (const [name, entry] of Object.entries(raw)) {
    if (name === 'InvalidParams') continue;
    if (typeof entry === 'object' && entry !== null && !Array.isArray(entry)) {
      const fields = entry as Record<string, unknown>;
      values[name] = {
        value: optionalText.parse(pick(fields, 'Value', 'value')),
        source: optionalText.parse(pick(fields, 'Source', 'source')),
      };
    } else {
      values[name] = { value: optionalText.parse(entry), source: '' };
    }
  }
  const invalid = z.array(text).safeParse(raw.InvalidParams);
  for (const name of invalid.success ? invalid.data : []) values[name] = null;
  return values;
});

/** One call-log entry as the phone prints it. */
const callLogEntrySchema = record.transform((raw) => ({
  line: count.catch(1).parse(pick(raw, 'LineNumber') ?? '1'),
  startTime: optionalText.parse(pick(raw, 'StartTime')),
  remoteName: optionalText.parse(pick(raw, 'RemotePartyName')),
  remoteNumber: optionalText.parse(pick(raw, 'RemotePartyNumber')),
  durationSeconds: durationSeconds(optionalText.parse(pick(raw, 'Duration'))),
}));

/** Call logs: `{missed: [...], received: [...], placed: [...]}`, any of them absent. */
export const callLogsSchema = z.looseObject({
  missed: z.array(callLogEntrySchema).optional(),
  received: z.array(callLogEntrySchema).optional(),
  placed: z.array(callLogEntrySchema).optional(),
});

/** Reads "125", "00:02:05" or ISO-ish "PT2M5S" as seconds; unparseable reads as 0. */
export function durationSeconds(value: string): number {
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const clock = /^(?:(\d+):)?(\d+):(\d+)$/.exec(trimmed);
  if (clock !== null)
    return Number(clock[1] ?? 0) * 3600 + Number(clock[2]) * 60 + Number(clock[3]);
  const iso = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/i.exec(trimmed);
  if (iso !== null)
    return Number(iso[1] ?? 0) * 3600 + Number(iso[2] ?? 0) * 60 + Number(iso[3] ?? 0);
  return 0;
}

/** Transfer type: `{Type}`. */
export const transferTypeSchema = z
  .looseObject({ Type: text })
  .transform((raw) => ({ type: raw.Type }));

/** uixml: the XML text of the screen. */
export const uixmlSchema = z.string();

/** Anything with a shape we only display: kept, flattened by the caller. */
export const anyDataSchema = z.unknown();

/** Session stats: an array of media sessions, each with streams. */
export const sessionStatsSchema = z
  .union([z.array(record), z.null()])
  .optional()
  .transform((s) => s ?? []);
