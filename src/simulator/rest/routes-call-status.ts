import { callDurationSeconds } from '../calls/call-clock';
import { phoneTimestamp, type CallLogKind } from '../calls/call-logs';
import type { SimCall } from '../calls/call-types';
import type { SimulatedPhone } from '../phone/phone';
import { callHandle, durationWords, remoteNumber } from './dialect-formats';
import { ok, status, type Route, type RouteContext, type RouteResult } from './route-types';

/** A call's appearance index: position on the phone, `*` on the call the UI has selected. */
function appearance(phone: SimulatedPhone, call: SimCall): string {
  const index = phone.calls.list().indexOf(call) + 1;
  return phone.calls.focused() === call ? `${index}*` : String(index);
}

function sequence(phone: SimulatedPhone, call: SimCall): number {
  return (
    phone.calls
      .list()
      .filter((c) => c.line === call.line)
      .indexOf(call) + 1
  );
}

/** SDP direction of the call's media (6.x `Media Direction`), from this phone's side. */
function mediaDirection(call: SimCall): string {
  if (call.state === 'Offering') return 'sendonly';
  if (call.state === 'Connected') return call.heldByFarEnd ? 'recvonly' : 'sendrecv';
  if (call.state === 'Hold') return call.heldByFarEnd ? 'inactive' : 'sendonly';
  return 'inactive';
}

/** A call's remote number as the phone's dialect prints it. */
function remoteOf(phone: SimulatedPhone, call: SimCall): string {
  return remoteNumber(phone, {
    number: call.remoteNumber,
    dialType: call.dialType,
    line: call.line,
    incoming: call.direction === 'Incoming',
  });
}

/** A call as callStatus v2 lists it, in the phone's dialect. */
export function callV2(phone: SimulatedPhone, call: SimCall, now: number): Record<string, string> {
  const { dialect } = phone;
  const duration = String(callDurationSeconds(call, now));
  const media = call.state === 'Connected' || call.state === 'Hold';
  return {
    CallHandle: callHandle(phone, call.handle, 'v2'),
    Type: call.direction,
    RemotePartyName: call.remoteName,
    RemotePartyNumber: remoteOf(phone, call),
    CallState: call.state,
    Protocol: 'SIP',
    StartTime: phoneTimestamp(call.createdAt),
    DurationSeconds: duration,
    // Firmware renamed the field; the reference prints both spellings.
    ...(dialect.durationsV2 === 'both' ? { DurationInSeconds: duration } : {}),
    LineID: String(call.line),
    CallSequence: String(sequence(phone, call)),
    UIAppearanceIndex: appearance(phone, call),
    Ringing: call.ringing ? '1' : '0',
    Muted: phone.calls.muted && call.state === 'Connected' ? '1' : '0',
    RTPPort: String(call.rtpPort),
    RTCPPort: String(call.rtpPort + 1),
    ...(dialect.mediaDirection
      ? {
          'Media Direction': mediaDirection(call),
          'Remote Connection IP': media ? '127.0.0.1' : '',
        }
      : {}),
  };
}

function callStatusV1(ctx: RouteContext): RouteResult {
  const { phone } = ctx;
  const call = phone.calls.focused() ?? phone.calls.list()[0];
  if (!call) return status(4007);
  return ok({
    CallHandle: callHandle(phone, call.handle, 'v1'),
    Type: call.direction,
    Protocol: 'SIP',
    CallState: call.state === 'Hold' ? phone.dialect.heldStateV1 : call.state,
    LineID: String(call.line),
    RemotePartyName: call.remoteName,
    RemotePartyNumber: remoteOf(phone, call),
    DurationInSeconds: String(callDurationSeconds(call, ctx.now)),
  });
}

/**
 * callStatus v2 takes `handle`, or `line`, or `line` and `sequence`; nothing else. Real phones
 * want the handle as v2 prints it, without `0x`.
 */
function callStatusV2(ctx: RouteContext): RouteResult {
  const { phone, query, now } = ctx;
  const keys = [...new Set(query.keys())].sort().join(',');
  if (!['', 'handle', 'line', 'line,sequence'].includes(keys)) return status(4000);
  let calls = [...phone.calls.list()];
  const handle = query.get('handle');
  if (handle !== null) {
    const call = phone.calls.find(handle);
    if (!call || (phone.dialect.handles === 'trimmed' && /^0x/i.test(handle.trim()))) {
      return status(4007);
    }
    calls = [call];
  }
  const line = query.get('line');
  if (line !== null) {
    if (!/^\d+$/.test(line)) return status(4000);
    calls = calls.filter((c) => c.line === Number(line));
    const seq = query.get('sequence');
    if (seq !== null) {
      if (!/^\d+$/.test(seq)) return status(4000);
      calls = calls.filter((c) => sequence(phone, c) === Number(seq));
      if (calls.length === 0) return status(4007);
    }
  }
  return ok(calls.map((c) => callV2(phone, c, now)));
}

const LOG_KINDS: readonly CallLogKind[] = ['missed', 'received', 'placed'];

/** A call list's name: `missed` as the reference prints it, `Missed` on real phones. */
function listName(phone: SimulatedPhone, kind: CallLogKind): string {
  return phone.dialect.callLogKeys === 'lower' ? kind : kind[0]?.toUpperCase() + kind.slice(1);
}

function callLog(phone: SimulatedPhone, kind: CallLogKind): Record<string, string>[] {
  const words = phone.dialect.durations === 'words';
  return phone.calls.logs.list(kind).map((entry) => ({
    LineNumber: String(entry.line),
    StartTime: phoneTimestamp(entry.startedAt),
    RemotePartyName: entry.remoteName,
    RemotePartyNumber: remoteNumber(phone, {
      number: entry.remoteNumber,
      dialType: entry.dialType,
      line: entry.line,
      incoming: kind !== 'placed',
    }),
    // Real phones write `39 secs`, and nothing for a call that never connected.
    Duration: !words
      ? String(entry.durationSeconds)
      : entry.connected
        ? durationWords(entry.durationSeconds)
        : '',
  }));
}

/** One call list: named (reference), or the list itself as `data` (real phones). */
function oneLog(phone: SimulatedPhone, kind: CallLogKind): RouteResult {
  const entries = callLog(phone, kind);
  return phone.dialect.callLogKeys === 'lower' ? ok({ [kind]: entries }) : ok(entries);
}

/** Call status and call log endpoints. */
export const callStatusRoutes: Route[] = [
  {
    method: 'GET',
    path: '/api/v1/webCallControl/callStatus',
    access: 'user',
    handle: callStatusV1,
  },
  {
    method: 'GET',
    path: '/api/v2/webCallControl/callStatus',
    access: 'user',
    handle: callStatusV2,
  },
  {
    method: 'GET',
    path: '/api/v1/mgmt/callLogs',
    access: 'user',
    handle: ({ phone }) =>
      ok(Object.fromEntries(LOG_KINDS.map((k) => [listName(phone, k), callLog(phone, k)]))),
  },
  ...LOG_KINDS.map((kind): Route => ({
    method: 'GET',
    path: `/api/v1/mgmt/callLogs/${kind}`,
    access: 'user',
    handle: ({ phone }) => oneLog(phone, kind),
  })),
];
