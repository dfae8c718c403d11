import { callDurationSeconds } from '../calls/call-clock';
import type { CallLogKind } from '../calls/call-logs';
import { phoneTimestamp } from '../calls/call-logs';
import type { CallResult, SimCall } from '../calls/call-types';
import { asFields, text, wholeNumber } from './input';
import type { SimulatedPhone } from '../phone/phone';
import { ok, status, type Route, type RouteContext, type RouteResult } from './route-types';

const DIAL_TYPES = ['SIP', 'TEL', 'H323'];

/** The status a call operation answers with. */
function answer(result: CallResult): RouteResult {
  return result.ok ? ok() : status(result.status);
}

/** Optional `Ref`: absent, empty or a string; null when it has an unusable type. */
function optionalRef(ctx: RouteContext): string | undefined | null {
  const fields = asFields(ctx.data);
  if (ctx.data !== undefined && !fields) return null;
  const value = fields?.Ref;
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : null;
}

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

/** A call as callStatus v2 lists it (both duration spellings, as firmware differs). */
export function callV2(phone: SimulatedPhone, call: SimCall, now: number): Record<string, string> {
  const duration = String(callDurationSeconds(call, now));
  return {
    CallHandle: call.handle,
    Type: call.direction,
    RemotePartyName: call.remoteName,
    RemotePartyNumber: call.remoteNumber,
    CallState: call.state,
    Protocol: 'SIP',
    StartTime: phoneTimestamp(call.createdAt),
    DurationSeconds: duration,
    DurationInSeconds: duration,
    LineID: String(call.line),
    CallSequence: String(sequence(phone, call)),
    UIAppearanceIndex: appearance(phone, call),
    Ringing: call.ringing ? '1' : '0',
    Muted: phone.calls.muted && call.state === 'Connected' ? '1' : '0',
    RTPPort: String(call.rtpPort),
    RTCPPort: String(call.rtpPort + 1),
  };
}

function callStatusV1(ctx: RouteContext): RouteResult {
  const { phone } = ctx;
  const call = phone.calls.focused() ?? phone.calls.list()[0];
  if (!call) return status(4007);
  return ok({
    CallHandle: call.handle,
    Type: call.direction,
    Protocol: 'SIP',
    CallState: call.state,
    LineID: String(call.line),
    RemotePartyName: call.remoteName,
    RemotePartyNumber: call.remoteNumber,
    DurationInSeconds: String(callDurationSeconds(call, ctx.now)),
  });
}

/** callStatus v2 takes `handle`, or `line`, or `line` and `sequence`; nothing else. */
function callStatusV2(ctx: RouteContext): RouteResult {
  const { phone, query, now } = ctx;
  const keys = [...new Set(query.keys())].sort().join(',');
  if (!['', 'handle', 'line', 'line,sequence'].includes(keys)) return status(4000);
  let calls = [...phone.calls.list()];
  const handle = query.get('handle');
  if (handle !== null) {
    const call = phone.calls.find(handle);
    if (!call) return status(4007);
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

function dial(ctx: RouteContext): RouteResult {
  const fields = asFields(ctx.data);
  const dest = text(fields, 'Dest')?.trim();
  if (!dest || dest.length > 256) return status(4000);
  const line = wholeNumber(fields, 'Line', 1, 99);
  if (line === null) return status(4000);
  const type = (text(fields, 'Type') ?? 'TEL').toUpperCase();
  if (!DIAL_TYPES.includes(type)) return status(4000);
  const result = ctx.phone.calls.dial(dest, line ?? 1, type, ctx.now);
  if (result.ok) ctx.phone.screen.dialBuffer = '';
  return answer(result);
}

function endCall(ctx: RouteContext): RouteResult {
  const ref = text(asFields(ctx.data), 'Ref');
  if (!ref) return status(4000);
  const result = ctx.phone.calls.end(ref, ctx.now);
  // Firmware 5.5.2's REST server stops answering after endCall until the phone reboots.
  if (result.ok && ctx.phone.faults.endCallBug) ctx.phone.restHung = true;
  return answer(result);
}

function mute(ctx: RouteContext): RouteResult {
  const state = text(asFields(ctx.data), 'state') ?? text(asFields(ctx.data), 'State');
  if (state !== '0' && state !== '1') return status(4000);
  const failure = ctx.phone.calls.setMute(state === '1');
  return failure ? status(failure.status) : ok();
}

function transfer(ctx: RouteContext): RouteResult {
  const fields = asFields(ctx.data);
  const ref = text(fields, 'Ref');
  const dest = text(fields, 'TransferDest')?.trim();
  if (!ref || !dest) return status(4000);
  const result = ctx.phone.calls.transfer(ref, dest, ctx.now);
  if (result.ok)
    ctx.phone.stats.transfers.push({ destination: dest, at: new Date(ctx.now).toISOString() });
  return answer(result);
}

function sendDtmf(ctx: RouteContext): RouteResult {
  const digits = text(asFields(ctx.data), 'Digits');
  if (!digits || !/^[0-9*#A-Da-d]{1,64}$/.test(digits)) return status(4000);
  const result = ctx.phone.calls.sendDtmf(digits);
  if (result.ok) ctx.phone.stats.dtmf.push(digits);
  return answer(result);
}

/** The optional-Ref operations (hold, resume, answer, ignore, reject). */
function withOptionalRef(
  operate: (phone: SimulatedPhone, ref: string | undefined, now: number) => CallResult,
): (ctx: RouteContext) => RouteResult {
  return (ctx) => {
    const ref = optionalRef(ctx);
    if (ref === null) return status(4000);
    return answer(operate(ctx.phone, ref, ctx.now));
  };
}

function callLog(phone: SimulatedPhone, kind: CallLogKind): Record<string, string>[] {
  return phone.calls.logs.list(kind).map((entry) => ({
    LineNumber: String(entry.line),
    StartTime: phoneTimestamp(entry.startedAt),
    RemotePartyName: entry.remoteName,
    RemotePartyNumber: entry.remoteNumber,
    Duration: String(entry.durationSeconds),
  }));
}

const LOG_KINDS: readonly CallLogKind[] = ['missed', 'received', 'placed'];

/** Call control, call status and call log endpoints. */
export const callRoutes: Route[] = [
  { method: 'POST', path: '/api/v1/callctrl/dial', access: 'user', handle: dial },
  { method: 'POST', path: '/api/v1/callctrl/endCall', access: 'user', handle: endCall },
  { method: 'POST', path: '/api/v1/callctrl/mute', access: 'user', handle: mute },
  { method: 'POST', path: '/api/v1/callctrl/transferCall', access: 'user', handle: transfer },
  { method: 'POST', path: '/api/v1/callctrl/sendDTMF', access: 'user', handle: sendDtmf },
  {
    method: 'POST',
    path: '/api/v1/callctrl/holdCall',
    access: 'user',
    handle: withOptionalRef((phone, ref, now) => phone.calls.hold(ref, now)),
  },
  {
    method: 'POST',
    path: '/api/v1/callctrl/resumeCall',
    access: 'user',
    handle: withOptionalRef((phone, ref, now) => phone.calls.resume(ref, now)),
  },
  {
    method: 'POST',
    path: '/api/v1/callctrl/answerCall',
    access: 'user',
    handle: withOptionalRef((phone, ref, now) => phone.calls.answer(ref, now)),
  },
  {
    method: 'POST',
    path: '/api/v1/callctrl/ignoreCall',
    access: 'user',
    handle: withOptionalRef((phone, ref, now) => phone.calls.decline(ref, now, 'ignore')),
  },
  {
    method: 'POST',
    path: '/api/v1/callctrl/rejectCall',
    access: 'user',
    handle: withOptionalRef((phone, ref, now) => phone.calls.decline(ref, now, 'reject')),
  },
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
    handle: ({ phone }) => ok(Object.fromEntries(LOG_KINDS.map((k) => [k, callLog(phone, k)]))),
  },
  ...LOG_KINDS.map((kind): Route => ({
    method: 'GET',
    path: `/api/v1/mgmt/callLogs/${kind}`,
    access: 'user',
    handle: ({ phone }) => ok({ [kind]: callLog(phone, kind) }),
  })),
];
