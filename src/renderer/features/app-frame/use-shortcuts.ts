import { useEffect } from 'react';
import type { Call } from '../../../shared/domain';
import { isIncomingRinging } from '../../lib/call-state';
import type { AppStores } from '../../stores/app-stores';
import { selectedPhone } from '../../stores/phones-store';
import { useStores } from '../../stores/stores-context';
import { NAV_ORDER } from './app-nav';

/** The call the hold and end shortcuts act on: the phone's active call, else the first live one. */
function primaryCall(calls: Call[]): Call | undefined {
  const live = calls.filter((call) => call.state !== 'Disconnected' && !isIncomingRinging(call));
  return (
    live.find((call) => call.active) ?? live.find((call) => call.state === 'Connected') ?? live[0]
  );
}

/** Shortcut table shown in Settings; the handler below is the single source of behaviour. */
export const SHORTCUTS = [
  { keys: 'Alt+D', action: 'Go to the number field to dial' },
  { keys: 'Enter', action: 'Dial the number in the field' },
  { keys: 'Alt+A', action: 'Answer the ringing call' },
  { keys: 'Alt+H', action: 'Hold or resume the current call' },
  { keys: 'Alt+E', action: 'End the current call' },
  { keys: 'Alt+M', action: 'Mute or unmute the microphone' },
  { keys: '0–9 * #', action: 'Start dialling; during a call, send tones' },
  { keys: 'Alt+1 … Alt+8', action: 'Switch view' },
] as const;

function handleShortcut(stores: AppStores, code: string): boolean {
  const viewIndex = /^Digit([1-9])$/.exec(code);
  if (viewIndex) {
    const view = NAV_ORDER[Number(viewIndex[1]) - 1];
    if (view) stores.ui.getState().show(view);
    return view !== undefined;
  }
  if (code === 'KeyD') {
    stores.ui.getState().focusDialPad();
    return true;
  }
  const phone = selectedPhone(stores.phones.getState());
  if (!phone) return false;
  const phoneId = phone.info.id;
  const calls = stores.calls.getState();
  if (code === 'KeyA') {
    const ringing = phone.calls.find(isIncomingRinging);
    if (ringing) void calls.answer(phoneId, ringing.handle);
    return ringing !== undefined;
  }
  const current = primaryCall(phone.calls);
  if (!current) return false;
  if (code === 'KeyH') {
    if (current.state === 'Hold') void calls.resume(phoneId, current.handle);
    else void calls.hold(phoneId, current.handle);
    return true;
  }
  if (code === 'KeyE') {
    void calls.end(phoneId, current.handle);
    return true;
  }
  if (code === 'KeyM') {
    void calls.setMuted(phoneId, current.handle, !current.muted);
    return true;
  }
  return false;
}

/**
 * Window-wide shortcuts on Alt (physical key codes, so they work on every keyboard layout and
 * do not clash with typing in fields).
 */
export function useShortcuts(): void {
  const stores = useStores();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
      if (handleShortcut(stores, event.code)) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [stores]);
}
