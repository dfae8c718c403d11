import { useState } from 'react';
import { useAppStore } from '../../stores/stores-context';

/**
 * In the browser host, an offer to be notified of incoming calls while the tab is in the
 * background; the browser asks the user (it only may on a click), and the offer goes.
 */
export function NotificationOffer() {
  const browserHost = useAppStore('ui', (state) => state.browserHost);
  const [permission, setPermission] = useState(() =>
    'Notification' in window ? Notification.permission : 'denied',
  );
  if (!browserHost || permission !== 'default') return null;
  return (
    <p className="hint notification-offer">
      <button
        type="button"
        className="quiet"
        onClick={() => void Notification.requestPermission().then(setPermission)}
      >
        Notify me of incoming calls
      </button>{' '}
      when this tab is in the background.
    </p>
  );
}
