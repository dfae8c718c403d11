import { useEffect } from 'react';

/**
 * Runs `task` now and then again `delay` after the previous run ended (a function is asked anew
 * each time, so the pace can follow what the user does), but only while the page is visible: a hidden
 * window (minimised, another tab) asks the phone nothing, and showing it again runs the task at
 * once. Stops when the component unmounts.
 */
export function useVisibleInterval(
  task: () => Promise<void>,
  delay: number | (() => number),
): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let stopped = false;
    const visible = () => document.visibilityState !== 'hidden';
    const schedule = () => {
      if (timer) clearTimeout(timer);
      timer =
        stopped || !visible() ? null : setTimeout(run, typeof delay === 'number' ? delay : delay());
    };
    const run = () => {
      timer = null;
      if (stopped || !visible()) return;
      void task().finally(schedule);
    };
    const onVisibility = () => {
      if (timer) clearTimeout(timer);
      timer = null;
      // schedule() clears any pending timer, so a run still in flight cannot start a second chain.
      if (visible()) run();
    };
    run();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [task, delay]);
}
