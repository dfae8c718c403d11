import { callDurationSeconds } from '../calls/call-clock';
import type { SimCall } from '../calls/call-types';
import type { SimulatedPhone } from '../phone/phone';
import {
  SOFT_KEY_LABELS,
  type Screen,
  type ScreenView,
  type SoftKeyId,
  type UiElement,
} from './screen-types';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const DIALPAD = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];

function clockText(now: number): string {
  const d = new Date(now);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

function durationText(seconds: number): string {
  const m = Math.floor(seconds / 60);
  return `${String(m).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}

function label(name: string, text: string, box: Box): UiElement {
  return { cls: 'Label', name, text, ...box };
}

/** Which screen the phone shows now, from the selected call and the UI state. */
function currentView(phone: SimulatedPhone): ScreenView {
  const focused = phone.calls.focused();
  const transferring = phone.screen.transferHandle;
  if (transferring && phone.calls.find(transferring)) return 'Transfer';
  if (focused?.state === 'Dialtone') return 'Dialing';
  if (focused?.state === 'Offering') return 'Incoming';
  if (focused) return 'Calls';
  return 'Idle';
}

/** The softkeys of a view; in a call they follow the selected call's state. */
function softKeysFor(view: ScreenView, phone: SimulatedPhone): SoftKeyId[] {
  switch (view) {
    case 'Idle':
      return ['newCall', 'redial', 'dnd'];
    case 'Dialing':
    case 'Transfer':
      return ['send', 'delete', 'cancel'];
    case 'Incoming':
      return ['answer', 'ignore', 'reject'];
    case 'Calls': {
      const state = phone.calls.focused()?.state;
      const ringing = phone.calls.list().some((c) => c.state === 'Offering');
      const extra: SoftKeyId = ringing ? 'answer' : 'newCall';
      if (state === 'Connected') return ['hold', 'endCall', 'transfer', extra];
      if (state === 'Hold') return ['resume', extra];
      return ['endCall', extra];
    }
  }
}

function lineKeyPanel(phone: SimulatedPhone, box: Box): UiElement {
  const { lineKeys, lineKeysPerPage } = phone.model;
  const pages = Math.ceil(lineKeys / lineKeysPerPage);
  const page = Math.min(phone.screen.lineKeyPage, pages - 1);
  const lines = phone.lines();
  const keyHeight = Math.floor(box.height / lineKeysPerPage);
  const children: UiElement[] = [];
  for (let slot = 0; slot < lineKeysPerPage; slot += 1) {
    const index = page * lineKeysPerPage + slot + 1;
    if (index > lineKeys) break;
    const line = lines.find((l) => l.line === index);
    const calls = phone.calls.list().filter((c) => c.line === index).length;
    children.push({
      cls: 'LineKey',
      name: `lineKey${index}`,
      text: line ? line.label : '',
      x: box.x,
      y: box.y + slot * keyHeight,
      width: box.width,
      height: keyHeight,
      selected: phone.calls.focused()?.line === index,
      enabled: line !== undefined,
      attributes: {
        index: String(index),
        line: line ? String(index) : '',
        state: line ? line.registration : 'Unassigned',
        calls: String(calls),
      },
      ...(line ? { action: { kind: 'lineKey' as const, line: index } } : {}),
    });
  }
  return {
    cls: 'LineKeyPanel',
    name: 'lineKeys',
    text: '',
    ...box,
    attributes: { page: String(page + 1), pages: String(pages) },
    children,
  };
}

function dialpad(box: Box): UiElement {
  const w = Math.floor(box.width / 3);
  const h = Math.floor(box.height / 4);
  return {
    cls: 'DialPad',
    name: 'dialPad',
    text: '',
    ...box,
    children: DIALPAD.map((digit, i) => ({
      cls: 'DialPadKey',
      name: `dialPad${digit === '*' ? 'Star' : digit === '#' ? 'Pound' : digit}`,
      text: digit,
      x: box.x + (i % 3) * w,
      y: box.y + Math.floor(i / 3) * h,
      width: w,
      height: h,
      action: { kind: 'digit' as const, digit },
    })),
  };
}

/** What a call row says of the call's state: why it ended, or that the far end holds it. */
function callStateText(call: SimCall): string {
  if (call.state === 'Disconnected') return call.endReason || 'Disconnected';
  if (call.state === 'Connected' && call.heldByFarEnd) return 'Held by far end';
  return call.state;
}

function callRow(phone: SimulatedPhone, call: SimCall, box: Box, now: number): UiElement {
  const who = call.remoteName && call.remoteName !== call.remoteNumber ? `${call.remoteName} ` : '';
  const state = callStateText(call);
  const time = call.connectedAt !== null ? ` ${durationText(callDurationSeconds(call, now))}` : '';
  return {
    cls: 'CallAppearance',
    name: `call-${call.handle}`,
    text: `${who}${call.remoteNumber} ${state}${time}`.trim(),
    ...box,
    selected: phone.calls.focused() === call,
    attributes: { handle: call.handle, line: String(call.line), state: call.state },
    action: { kind: 'call', handle: call.handle },
  };
}

function mainContent(phone: SimulatedPhone, view: ScreenView, box: Box, now: number): UiElement[] {
  const titleHeight = Math.max(10, Math.round(box.height * 0.2));
  const title = (text: string): UiElement =>
    label('title', text, { x: box.x, y: box.y, width: box.width, height: titleHeight });
  const rest: Box = {
    x: box.x,
    y: box.y + titleHeight,
    width: box.width,
    height: box.height - titleHeight,
  };
  const focused = phone.calls.focused();
  switch (view) {
    case 'Idle': {
      const d = new Date(now);
      return [
        title(d.toDateString()),
        label('idleText', phone.dnd ? 'Do Not Disturb' : 'Ready', rest),
      ];
    }
    case 'Dialing':
    case 'Transfer': {
      const prompt = view === 'Dialing' ? `Dial (line ${focused?.line ?? 1})` : 'Transfer to';
      const fieldHeight = Math.max(10, Math.round(rest.height * 0.2));
      const field: UiElement = {
        cls: 'TextField',
        name: 'dialField',
        text: phone.screen.dialBuffer,
        x: rest.x,
        y: rest.y,
        width: rest.width,
        height: fieldHeight,
        selected: true,
      };
      const pad: Box = { ...rest, y: rest.y + fieldHeight, height: rest.height - fieldHeight };
      return phone.model.touch ? [title(prompt), field, dialpad(pad)] : [title(prompt), field];
    }
    case 'Incoming': {
      const caller = focused ? `${focused.remoteName} ${focused.remoteNumber}`.trim() : '';
      const half = Math.floor(rest.height / 2);
      return [
        title('Incoming Call'),
        label('caller', caller, { ...rest, height: half }),
        label('line', `Line ${focused?.line ?? 1}`, { ...rest, y: rest.y + half, height: half }),
      ];
    }
    case 'Calls': {
      const calls = phone.calls.list();
      const rowHeight = Math.max(10, Math.floor(rest.height / Math.max(4, calls.length)));
      return [
        title(phone.calls.muted ? 'Calls (muted)' : 'Calls'),
        ...calls.map((call, i) =>
          callRow(
            phone,
            call,
            { x: rest.x, y: rest.y + i * rowHeight, width: rest.width, height: rowHeight },
            now,
          ),
        ),
      ];
    }
  }
}

/**
 * Lays out what the phone shows now: a status bar, the line keys (left), the main area (right)
 * and up to four softkeys (bottom), in the model's screen pixels.
 */
export function buildScreen(phone: SimulatedPhone, now: number): Screen {
  const { screenWidth: width, screenHeight: height } = phone.model;
  const view = currentView(phone);
  const softKeys = softKeysFor(view, phone);
  const statusHeight = Math.max(10, Math.round(height * 0.1));
  const softHeight = Math.max(12, Math.round(height * 0.14));
  const bodyY = statusHeight;
  const bodyHeight = height - statusHeight - softHeight;
  const lineWidth = Math.round(width * 0.3);
  const status: string[] = [phone.lines()[0]?.label ?? 'No line'];
  if (phone.dnd) status.push('DND');
  if (phone.calls.muted) status.push('Muted');
  const slot = Math.floor(width / 4);
  const root: UiElement[] = [
    {
      cls: 'StatusBar',
      name: 'statusBar',
      text: '',
      x: 0,
      y: 0,
      width,
      height: statusHeight,
      attributes: { volume: String(phone.screen.volume) },
      children: [
        label('statusText', status.join(' '), {
          x: 0,
          y: 0,
          width: width - slot,
          height: statusHeight,
        }),
        label('clock', clockText(now), {
          x: width - slot,
          y: 0,
          width: slot,
          height: statusHeight,
        }),
      ],
    },
    lineKeyPanel(phone, { x: 0, y: bodyY, width: lineWidth, height: bodyHeight }),
    {
      cls: 'MainArea',
      name: 'main',
      text: '',
      x: lineWidth,
      y: bodyY,
      width: width - lineWidth,
      height: bodyHeight,
      children: mainContent(
        phone,
        view,
        { x: lineWidth, y: bodyY, width: width - lineWidth, height: bodyHeight },
        now,
      ),
    },
    {
      cls: 'SoftKeyBar',
      name: 'softKeys',
      text: '',
      x: 0,
      y: height - softHeight,
      width,
      height: softHeight,
      children: softKeys.map((id, i) => ({
        cls: 'SoftKey',
        name: `softKey${i + 1}`,
        text: SOFT_KEY_LABELS[id],
        x: i * slot,
        y: height - softHeight,
        width: slot,
        height: softHeight,
        selected: id === 'dnd' && phone.dnd,
        enabled: id !== 'redial' || phone.calls.logs.list('placed').length > 0,
        attributes: { index: String(i + 1) },
        action: { kind: 'softKey' as const, id },
      })),
    },
  ];
  return { view, width, height, root, softKeys };
}

/** The deepest element with an action under a point, if any. */
export function hitTest(elements: readonly UiElement[], x: number, y: number): UiElement | null {
  for (const element of elements) {
    const inside =
      x >= element.x &&
      x < element.x + element.width &&
      y >= element.y &&
      y < element.y + element.height;
    if (!inside) continue;
    const deeper = hitTest(element.children ?? [], x, y);
    if (deeper) return deeper;
    if (element.action && element.enabled !== false) return element;
  }
  return null;
}
