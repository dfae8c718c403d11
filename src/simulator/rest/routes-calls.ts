import { asFields, text, wholeNumber } from './input';
import { ok, status, type Route, type RouteContext, type RouteResult } from './route-types';
import type { CallResult } from '../calls/call-types';
import type { SimulatedPhone } from '../phone/phone';

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
  const fields = asFields(ctx.data);
  // A 6.4 client sends `digits`; phones of the real dialects take it.
  const digits =
    text(fields, 'Digits') ??
    (ctx.phone.dialect.lowerCaseDigits ? text(fields, 'digits') : undefined);
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

const callControl: Route[] = [
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
];

/** Call control (`/api/v1/callctrl/*`): served only in dialects whose phones have it. */
export const callRoutes: Route[] = callControl.map((route) => ({
  ...route,
  served: (phone) => phone.dialect.callControl,
}));
