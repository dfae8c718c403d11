import { pageLineKeys, perform, pressSoftKey, typeDigit } from './screen-actions';
import { buildScreen } from './screen-model';
import type { SimulatedPhone } from '../phone/phone';

/** Hardware key names of simulateKeyEvent (later firmware, see the reference notes). */
const KEY_NAMES = [
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight',
  ...Array.from({ length: 10 }, (_, i) => `Dialpad${i}`),
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

export type KeyName = (typeof KEY_NAMES)[number];

/** Whether a KeyName is one the later firmware's simulateKeyEvent accepts. */
export function isKeyName(name: string): name is KeyName {
  return (KEY_NAMES as readonly string[]).includes(name);
}

/** Moves the selection to the previous (-1) or next (+1) call on the phone. */
function moveSelection(phone: SimulatedPhone, step: number): void {
  const calls = phone.calls.list();
  if (calls.length === 0) return;
  const current = calls.findIndex((c) => c === phone.calls.focused());
  const next = calls[Math.min(calls.length - 1, Math.max(0, current + step))];
  if (next) phone.calls.focus(next.handle);
}

function softKey(phone: SimulatedPhone, index: number, now: number): void {
  const id = buildScreen(phone, now).softKeys[index];
  if (id) perform(phone, { kind: 'softKey', id }, now);
}

/** What a hardware key does on the current screen, as the phone's keys would. */
export function pressKey(phone: SimulatedPhone, key: KeyName, now: number): void {
  if (key.startsWith('Dialpad')) {
    const rest = key.slice('Dialpad'.length);
    typeDigit(phone, rest === 'Star' ? '*' : rest === 'Pound' ? '#' : rest, now);
    return;
  }
  if (key.startsWith('SoftKey')) {
    softKey(phone, Number(key.slice('SoftKey'.length)) - 1, now);
    return;
  }
  switch (key) {
    case 'ArrowUp':
      moveSelection(phone, -1);
      return;
    case 'ArrowDown':
      moveSelection(phone, 1);
      return;
    case 'ArrowLeft':
      pageLineKeys(phone, -1);
      return;
    case 'ArrowRight':
      pageLineKeys(phone, 1);
      return;
    case 'Select':
      softKey(phone, 0, now);
      return;
    case 'Delete':
      pressSoftKey(phone, 'delete', now);
      return;
    case 'Home':
      if (phone.screen.transferHandle || phone.calls.focused()?.state === 'Dialtone') {
        pressSoftKey(phone, 'cancel', now);
      }
      phone.screen.lineKeyPage = 0;
      return;
    case 'MicMute':
      phone.calls.setMute(!phone.calls.muted);
      return;
    case 'Redial':
      pressSoftKey(phone, 'redial', now);
      return;
    case 'VolUp':
      phone.screen.volume = Math.min(15, phone.screen.volume + 1);
      return;
    case 'VolDown':
      phone.screen.volume = Math.max(0, phone.screen.volume - 1);
      return;
  }
}

/**
 * simulateTextInput: types into the focused text field (the dial field); on the idle screen the
 * text starts a new dial. False when the current screen has no text field to type into.
 */
export function inputText(
  phone: SimulatedPhone,
  value: string,
  replace: boolean,
  now: number,
): boolean {
  const focused = phone.calls.focused();
  if (phone.screen.transferHandle || focused?.state === 'Dialtone') {
    phone.screen.dialBuffer = replace ? value : phone.screen.dialBuffer + value;
    return true;
  }
  if (focused) return false;
  const line = phone.lines().find((l) => l.registration === 'Registered')?.line ?? 1;
  const result = phone.calls.newCall(line, now);
  if (result.ok) phone.screen.dialBuffer = value;
  return result.ok;
}
