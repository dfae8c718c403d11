/**
 * Schemas for the `data` of each VVX answer. They accept what every firmware family sends
 * (string or number values, keys and enumerated values in any case, misspelled and renamed
 * fields, durations in words, handles and parties in several spellings) and reject what is
 * broken with an issue naming the field; the client turns that into 'invalid-response'. A value
 * they cannot read but can do without is noted (read-notes.ts) and replaced by a neutral one.
 */
import { z } from 'zod';

import { CALL_LOG_KINDS, CALL_STATES, type CallLogKind, type CallState } from '../../shared/domain';
import { noteUnreadable } from './read-notes';
import { isKnownPollStateData, readableAddress, readDuration, readUptime } from './vvx-text-forms';
import {
  count,
  flag,
  isRecord,
  listOf,
  normaliseHandle,
  normaliseMacAddress,
  optionalText,
  pick,
  record,
  text,
} from './vvx-values';

const callStateByName = new Map<string, CallState>([
  ...CALL_STATES.map((state) => [state.toLowerCase(), state] as const),
  ['callhold', 'Hold'],
]);

/** A call as callStatus v1 or v2 reports it, normalised. */
export interface VvxCall {
  /** In the one spelling Deskpilot keeps (normaliseHandle). */
  handle: string;
  /** The handle as this phone printed it, without `0x`: the form to send it back in. */
  ref: string;
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
  heldByFarEnd: boolean;
}

/** 6.4 firmware's `Media Direction` of a call (SDP's attribute), lower-cased. */
const MEDIA_DIRECTIONS = new Set(['sendrecv', 'sendonly', 'recvonly', 'inactive']);

/**
 * Whether the other side holds a connected call: on 6.4+ `Media Direction` says the phone
 * only receives (or nothing flows). Firmware without the field never says so.
 */
function heldByFarEnd(raw: Record<string, unknown>, state: CallState): boolean {
  const value = pick(raw, 'Media Direction');
  if (value === undefined) return false;
  const direction = optionalText.parse(value).trim().toLowerCase();
  if (!MEDIA_DIRECTIONS.has(direction)) {
    noteUnreadable('Media Direction', value);
    return false;
  }
  return state === 'Connected' && (direction === 'recvonly' || direction === 'inactive');
}

/** A party name: a display name, or (some firmware) the same URI as the number, made readable. */
function partyName(value: unknown): string {
  const name = optionalText.parse(value);
  return /^\s*(sips?|tel):/i.test(name) ? readableAddress(name) : name.trim();
}

/**
 * One call object. Reads `DurationSeconds` or `DurationInSeconds` (firmware renamed it), a count
 * or words; a handle with or without `0x` and leading zeros; a remote party as a URI or bare.
 */
export const callSchema = record.transform((raw, context): VvxCall => {
  const fields = z
    .object({
      handle: text.refine(
        (value) => /^(0x)?[0-9a-f]+$/i.test(value.trim()),
        'CallHandle is not hexadecimal',
      ),
      state: text,
      line: count,
    })
    .safeParse({
      handle: pick(raw, 'CallHandle'),
      state: pick(raw, 'CallState'),
      line: pick(raw, 'LineID', 'LineNumber') ?? '1',
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
    handle: normaliseHandle(fields.data.handle),
    ref: fields.data.handle.trim().replace(/^0x/i, ''),
    line: fields.data.line,
    state,
    direction: /^in/i.test(optionalText.parse(pick(raw, 'Type'))) ? 'Incoming' : 'Outgoing',
    remoteName: partyName(pick(raw, 'RemotePartyName')),
    remoteNumber: readableAddress(optionalText.parse(pick(raw, 'RemotePartyNumber'))),
    durationSeconds: durationField(raw, '', 'DurationSeconds', 'DurationInSeconds'),
    startTime: optionalText.parse(pick(raw, 'StartTime')),
    sequence: sequence.success ? sequence.data : 0,
    appearance: appearanceText.replace(/\*$/, ''),
    active: appearanceText.endsWith('*'),
    ringing: flag.parse(pick(raw, 'Ringing')),
    muted: flag.parse(pick(raw, 'Muted')),
    protocol: optionalText.parse(pick(raw, 'Protocol')),
    heldByFarEnd: heldByFarEnd(raw, state),
  };
});

/**
 * A duration field in any form readDuration knows; absent is 0, an unknown form 0 and noted
 * under `where` (the entry's path) and the field's first spelling.
 */
function durationField(
  raw: Record<string, unknown>,
  where: string,
  ...spellings: [string, ...string[]]
): number {
  const value = pick(raw, ...spellings);
  if (value === undefined) return 0;
  const seconds = readDuration(value);
  if (seconds === null) noteUnreadable(`${where}${spellings[0]}`, value);
  return seconds ?? 0;
}

/** callStatus v2: an array of calls (`[]` with no call); some firmware sends one object. */
export const callListSchema = listOf(callSchema);

/**
 * pollForStatus: `State` Idle/Active/Error and free-text `StateData` (polled often: kept lean).
 * A `StateData` of an idle or active phone that is none of the known sentences is noted.
 */
export const pollStatusSchema = record.transform((raw, context) => {
  const state = text.safeParse(pick(raw, 'State'));
  if (!state.success) {
    context.addIssue({ code: 'custom', message: 'no State', path: ['State'] });
    return z.NEVER;
  }
  const stateData = optionalText.parse(pick(raw, 'StateData'));
  if (/^(idle|active)$/i.test(state.data.trim()) && !isKnownPollStateData(stateData)) {
    noteUnreadable('StateData', stateData);
  }
  return { state: state.data.trim(), stateData };
});

/** Device identity from deviceInfo v1 (`"ModelNumber "`, flat `FirmwareRelease`) or v2. */
export interface VvxDeviceInfo {
  model: string;
  firmware: string;
  /** Twelve upper-case hex digits (real phones send lower case), or the text sent. */
  macAddress: string;
  /** Seconds since the phone started, or null when it does not say in a readable form. */
  uptimeSeconds: number | null;
  raw: Record<string, unknown>;
}

/**
 * Device identity. v2's `Firmware.Application` carries the build date after the version on real
 * phones (`5.9.3.2857 02-Jul-19 06:14`): the version alone is the firmware, as v1 names it.
 */
export const deviceInfoSchema = record.transform((raw): VvxDeviceInfo => {
  const firmware = pick(raw, 'Firmware', 'FirmwareRelease');
  const application = optionalText
    .parse(isRecord(firmware) ? pick(firmware, 'Application') : firmware)
    .trim();
  const uptime = pick(raw, 'UpTimeSinceLastReboot', 'UpTime');
  const uptimeSeconds = uptime === undefined ? null : readUptime(uptime);
  if (uptime !== undefined && uptimeSeconds === null) noteUnreadable('UpTime', uptime);
  return {
    model: optionalText.parse(pick(raw, 'ModelNumber')).trim(),
    firmware: /^\d+(?:\.\d+)+[A-Z]?(?=\s|$)/.exec(application)?.[0] ?? application,
    macAddress: normaliseMacAddress(optionalText.parse(pick(raw, 'MACAddress'))),
    uptimeSeconds,
    raw,
  };
});

/** A whole answer: its `data` and what sits beside it (`InvalidParams`, `Presence`). */
export interface Envelope {
  data: unknown;
  top: Record<string, unknown>;
}

/** An answer whose only use is what sits beside `data`, or `data` of any shape. */
export const envelopeSchema = z.object({ data: z.unknown(), top: record });

/**
 * The names `InvalidParams` lists, wherever the firmware puts it (inside `data` or beside it)
 * and however (an array of names, an object whose values are names, one name).
 */
export function invalidParams(envelope: Envelope): string[] {
  const inData = isRecord(envelope.data) ? pick(envelope.data, 'InvalidParams') : undefined;
  const found = inData ?? pick(envelope.top, 'InvalidParams');
  const names = Array.isArray(found) ? found : isRecord(found) ? Object.values(found) : [found];
  return names.flatMap((name) => {
    if (typeof name === 'string' && name.trim() !== '') return [name.trim()];
    if (name !== undefined && name !== null) noteUnreadable('InvalidParams', name);
    return [];
  });
}

/**
 * Config get: `{name: {Value, Source}}` (or lower-case keys) plus `InvalidParams` naming the
 * unknowns, which read as null. `Source` comes in one spelling, upper case (`CONFIG`): real
 * phones write `config`, the reference `CONFIG`.
 */
export const configValuesSchema = z
  .object({ data: record.nullish().transform((data) => data ?? {}), top: record })
  .transform((envelope) => {
    const values: Record<string, { value: string; source: string } | null> = {};
    for (const [name, entry] of Object.entries(envelope.data)) {
      if (name.toLowerCase() === 'invalidparams') continue;
      if (isRecord(entry)) {
        values[name] = {
          value: optionalText.parse(pick(entry, 'Value')),
          source: optionalText.parse(pick(entry, 'Source')).trim().toUpperCase(),
        };
      } else {
        values[name] = { value: optionalText.parse(entry), source: '' };
      }
    }
    for (const name of invalidParams(envelope)) values[name] = null;
    return values;
  });

/** One call-log entry, normalised. */
export interface VvxCallLogEntry {
  line: number;
  startTime: string;
  remoteName: string;
  remoteNumber: string;
  durationSeconds: number;
}

function callLogEntry(raw: Record<string, unknown>, where: string): VvxCallLogEntry {
  return {
    line: count.catch(1).parse(pick(raw, 'LineNumber') ?? '1'),
    startTime: optionalText.parse(pick(raw, 'StartTime')),
    remoteName: partyName(pick(raw, 'RemotePartyName')),
    remoteNumber: readableAddress(optionalText.parse(pick(raw, 'RemotePartyNumber'))),
    durationSeconds: durationField(raw, where, 'Duration'),
  };
}

/** The entries of one list; an entry that is not an object is noted and left out. */
function callLogList(list: unknown, field: string): VvxCallLogEntry[] {
  if (!Array.isArray(list)) {
    if (list !== undefined && list !== null) noteUnreadable(field, list);
    return [];
  }
  return list.flatMap((entry, index) => {
    if (isRecord(entry)) return [callLogEntry(entry, `${field}.${index}.`)];
    noteUnreadable(`${field}.${index}`, entry);
    return [];
  });
}

/** Call logs by kind; `unfiled` is a bare list (what the `/callLogs/<kind>` paths answer). */
export type VvxCallLogs = Partial<Record<CallLogKind | 'unfiled', VvxCallLogEntry[]>>;

/**
 * Call logs: `{missed, received, placed}` in the reference's case or real phones' `Missed`…, or
 * (one kind's path on real phones) the list itself. A list under another name is noted.
 */
export const callLogsSchema = z.unknown().transform((data, context): VvxCallLogs => {
  if (data === undefined || data === null) return {};
  if (Array.isArray(data)) return { unfiled: callLogList(data, 'data') };
  if (!isRecord(data)) {
    context.addIssue({ code: 'custom', message: 'the call logs are neither lists nor a list' });
    return z.NEVER;
  }
  const logs: VvxCallLogs = {};
  for (const [name, list] of Object.entries(data)) {
    const kind = CALL_LOG_KINDS.find((known) => known === name.trim().toLowerCase());
    if (kind === undefined) noteUnreadable(name, list);
    else logs[kind] = callLogList(list, name);
  }
  return logs;
});

/** Transfer type: `{Type}`. */
export const transferTypeSchema = record.transform((raw, context) => {
  const type = text.safeParse(pick(raw, 'Type'));
  if (type.success) return { type: type.data };
  context.addIssue({ code: 'custom', message: 'no Type', path: ['Type'] });
  return z.NEVER;
});

/** uixml: the XML text of the screen. */
export const uixmlSchema = z.string();

/** Anything with a shape we only display: kept, flattened by the caller. */
export const anyDataSchema = z.unknown();

/** Session stats: an array of media sessions, each with streams. */
export const sessionStatsSchema = z
  .union([z.array(record), z.null()])
  .optional()
  .transform((s) => s ?? []);
