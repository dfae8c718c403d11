import { useEffect, useState } from 'react';

/**
 * The current time, refreshed every `intervalMs` while the component is mounted. Durations are
 * derived from timestamps, so one cheap timer per ticking view is all that is needed.
 */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
