import { useEffect } from 'react';
import type { AppStores } from '../../stores/app-stores';
import { useStores } from '../../stores/stores-context';

/** The id of the dial pad's number field, which typed digits go to. */
export const DIAL_FIELD_ID = 'dial-number';

/** Keys a phone keypad has. */
const KEYPAD_KEY = /^[0-9*#+]$/;

/** Whether the key was meant for something else: a field, a button's own keys, a shortcut. */
function meantElsewhere(event: KeyboardEvent): boolean {
  if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return true;
  const target = event.target;
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    target.closest('dialog, [role="dialog"]') !== null
  );
}

/** The call keypad tones go to: a connected call of the selected phone, the active one first. */
function talkingCall(stores: AppStores) {
  const { phones, selectedPhoneId } = stores.phones.getState();
  const ordered = [
    ...phones.filter((phone) => phone.info.id === selectedPhoneId),
    ...phones.filter((phone) => phone.info.id !== selectedPhoneId),
  ];
  for (const phone of ordered) {
    const talking = phone.calls.filter((call) => call.state === 'Connected');
    const call = talking.find((candidate) => candidate.active) ?? talking[0];
    if (call) return { phoneId: phone.info.id, handle: call.handle };
  }
  return null;
}

/**
 * Typing on the Calls view: during a call, keypad keys are sent as tones (shown on the call's
 * card); otherwise the first key moves to the number field, where it and the rest are typed.
 */
export function useTypeToDial(): void {
  const stores = useStores();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!KEYPAD_KEY.test(event.key) || meantElsewhere(event)) return;
      const call = talkingCall(stores);
      if (call !== null) {
        if (event.key === '+') return;
        event.preventDefault();
        void stores.calls.getState().sendDtmf(call.phoneId, call.handle, event.key);
        return;
      }
      // Focused before the key's default action, so the character lands in the field.
      document.getElementById(DIAL_FIELD_ID)?.focus();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [stores]);
}
