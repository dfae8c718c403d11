import { useCallback } from 'react';
import { selectedPhone } from '../../stores/phones-store';
import { useStores } from '../../stores/stores-context';

/**
 * Dials a number on the selected phone straight from a contact or history entry (clicking in
 * the app is the confirmation), then shows the calls view so the call can be followed.
 */
export function useClickToDial(): (number: string) => void {
  const stores = useStores();
  return useCallback(
    (number: string) => {
      const phone = selectedPhone(stores.phones.getState());
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
