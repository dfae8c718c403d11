import { useEffect, useRef } from 'react';
import { useAppStore } from '../../stores/stores-context';

/**
 * `key` names the newest ringing call (null when none rings), `words` says who calls. The browser
 * host rings as the desktop app does: while a call rings the tab's title says who
 * is calling, and each new call raises a web notification when the user has allowed them (the
 * desktop app's own notification comes from its main process instead).
 */
export function useRingingAlerts(key: string | null, words: string): void {
  const browserHost = useAppStore('ui', (state) => state.browserHost);
  const notified = useRef(new Set<string>());
  useEffect(() => {
    if (key === null || !browserHost) return;
    const title = document.title;
    document.title = `☎ ${words} — Deskpilot`;
    if (
      !notified.current.has(key) &&
      'Notification' in window &&
      Notification.permission === 'granted'
    ) {
      notified.current.add(key);
      const notification = new Notification('Incoming call', {
        body: words,
        tag: key,
      });
      notification.onclick = () => {
        window.focus();
        notification.close();
      };
    }
    return () => {
      document.title = title;
    };
  }, [key, words, browserHost]);
}
