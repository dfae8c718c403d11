import { buildScreen, hitTest } from './screen-model';
import type { SoftKeyId, UiAction } from './screen-types';
import type { SimulatedPhone } from '../phone/phone';

/** The line a new call goes out on: the first registered line, else line 1. */
function defaultLine(phone: SimulatedPhone): number {
  return phone.lines().find((l) => l.registration === 'Registered')?.line ?? 1;
}

function startDialing(phone: SimulatedPhone, line: number, now: number, digits = ''): void {
  const result = phone.calls.newCall(line, now);
  if (result.ok) phone.screen.dialBuffer = digits;
}

/** Send on the dialling screen: the Dialtone call dials what was typed. */
function send(phone: SimulatedPhone, now: number): void {
  const digits = phone.screen.dialBuffer;
  if (digits === '') return;
  const transferring = phone.screen.transferHandle;
  if (transferring) {
    const result = phone.calls.transfer(transferring, digits, now);
    if (result.ok)
      phone.stats.transfers.push({ destination: digits, at: new Date(now).toISOString() });
    phone.screen.transferHandle = null;
    phone.screen.dialBuffer = '';
    return;
  }
  const dialing = phone.calls.focused();
  if (dialing?.state !== 'Dialtone') return;
  if (phone.calls.dial(digits, dialing.line, 'TEL', now).ok) phone.screen.dialBuffer = '';
}

function cancel(phone: SimulatedPhone, now: number): void {
  phone.screen.dialBuffer = '';
  if (phone.screen.transferHandle) {
    phone.screen.transferHandle = null;
    return;
  }
  const dialing = phone.calls.focused();
  if (dialing?.state === 'Dialtone') phone.calls.end(dialing.handle, now);
}

/** What a softkey does, as on the phone. Refusals (e.g. an unregistered line) change nothing. */
export function pressSoftKey(phone: SimulatedPhone, id: SoftKeyId, now: number): void {
  const focused = phone.calls.focused();
  switch (id) {
    case 'newCall':
      startDialing(phone, defaultLine(phone), now);
      return;
    case 'redial': {
      const last = phone.calls.logs.list('placed')[0];
      if (last) phone.calls.dial(last.remoteNumber, last.line, 'TEL', now);
      return;
    }
    case 'dnd':
      phone.dnd = !phone.dnd;
      return;
    case 'send':
      send(phone, now);
      return;
    case 'delete':
      phone.screen.dialBuffer = phone.screen.dialBuffer.slice(0, -1);
      return;
    case 'cancel':
      cancel(phone, now);
      return;
    case 'answer':
      phone.calls.answer(undefined, now);
      return;
    case 'ignore':
    case 'reject':
      phone.calls.decline(undefined, now, id);
      return;
    case 'hold':
      phone.calls.hold(undefined, now);
      return;
    case 'resume':
      phone.calls.resume(undefined, now);
      return;
    case 'endCall':
      if (focused) phone.calls.end(focused.handle, now);
      return;
    case 'transfer':
      if (focused) {
        phone.screen.transferHandle = focused.handle;
        phone.screen.dialBuffer = '';
      }
      return;
  }
}

/** A digit from the dial pad or a key: typed while dialling, DTMF in a call, a new dial when idle. */
export function typeDigit(phone: SimulatedPhone, digit: string, now: number): void {
  const focused = phone.calls.focused();
  if (phone.screen.transferHandle || focused?.state === 'Dialtone') {
    phone.screen.dialBuffer += digit;
    return;
  }
  if (focused?.state === 'Connected') {
    if (phone.calls.sendDtmf(digit).ok) phone.stats.dtmf.push(digit);
    return;
  }
  if (!focused) startDialing(phone, defaultLine(phone), now, digit);
}

/** Does what activating a screen element does (softkey, dial-pad key, line key, call row). */
export function perform(phone: SimulatedPhone, action: UiAction, now: number): void {
  switch (action.kind) {
    case 'softKey':
      pressSoftKey(phone, action.id, now);
      return;
    case 'digit':
      typeDigit(phone, action.digit, now);
      return;
    case 'call':
      phone.calls.focus(action.handle);
      return;
    case 'lineKey': {
      const call = phone.calls.list().find((c) => c.line === action.line);
      if (call) phone.calls.focus(call.handle);
      else if (!phone.calls.focused()) startDialing(phone, action.line, now);
    }
  }
}

/** Activates whatever is under a point of the screen (a tap, or a press released in place). */
export function tapAt(phone: SimulatedPhone, x: number, y: number, now: number): void {
  const target = hitTest(buildScreen(phone, now).root, x, y);
  if (target?.action) perform(phone, target.action, now);
}

/** Moves the line keys one page forward (+1) or back (-1), within the pages there are. */
export function pageLineKeys(phone: SimulatedPhone, step: number): void {
  const { lineKeys, lineKeysPerPage } = phone.model;
  const pages = Math.ceil(lineKeys / lineKeysPerPage);
  phone.screen.lineKeyPage = Math.min(pages - 1, Math.max(0, phone.screen.lineKeyPage + step));
}

/** A swipe pages the line keys: up or left shows the next page, down or right the previous. */
export function swipe(phone: SimulatedPhone, points: readonly { x: number; y: number }[]): void {
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return;
  const dx = last.x - first.x;
  const dy = last.y - first.y;
  const along = Math.abs(dy) >= Math.abs(dx) ? dy : dx;
  if (Math.abs(along) < 10) return;
  pageLineKeys(phone, along < 0 ? 1 : -1);
}
