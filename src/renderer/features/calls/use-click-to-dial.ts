import { useCallback } from 'react';
import { selectedPhone } from '../../stores/phones-store';
import { useStores } from '../../stores/stores-context';

/**
 * Dials a number straight from a contact or history entry (clicking in the app is the
 * confirmation) on the given phone — a history entry's own, so a call is returned from the phone
 * it came to — or else the selected one, then shows the calls view so the call can be followed.
 */
export function useClickToDial(): (number: string, phoneId?: string) => void {
  const stores = useStores();
  return useCallback(
    (number: string, phoneId?: string) => {
      const state = stores.phones.getState();
      const phone =
        state.phones.find((candidate) => candidate.info.id === phoneId) ?? selectedPhone(state);
      if (!phone) {
        stores.notices.getState().push('error', 'Add a phone before dialling.');
        return;
      }
      stores.ui.getState().show('calls');
      void stores.calls.getState().dial(phone.info.id, number);
    },
    [stores],
  );
}
