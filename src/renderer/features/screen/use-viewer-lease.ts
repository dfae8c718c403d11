import { useEffect } from 'react';

/**
 * Keeps the core told that this view is open while it reads nothing (a hidden window says so
 * every minute, well within the core's three-minute lease), and tells it when the view closes,
 * so what was switched on for the view is put back.
 */
export function useViewerLease(hold: () => Promise<void>, release: () => Promise<void>): void {
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === 'hidden') void hold();
    }, 60_000);
    const onUnload = () => void release();
    window.addEventListener('pagehide', onUnload);
    return () => {
      clearInterval(timer);
      window.removeEventListener('pagehide', onUnload);
      void release();
    };
  }, [hold, release]);
}
