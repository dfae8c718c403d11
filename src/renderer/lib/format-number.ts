/**
 * Numbers formatted for reading (see number-format-rules.ts), without weighing on start-up: the
 * rules load after the first view, and until then numbers show as the phone wrote them.
 */
import { useSyncExternalStore } from 'react';

type Formatter = (number: string, region: string | null) => string;

let formatter: Formatter | null = null;
let loading: Promise<void> | null = null;
const listeners = new Set<() => void>();

function load(): void {
  loading ??= import('./number-format-rules').then(
    ({ formatNumberFor }) => {
      formatter = formatNumberFor;
      for (const listener of listeners) listener();
    },
    () => undefined,
  );
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  load();
  return () => listeners.delete(listener);
}

/** The user's region, from the browser's languages ("en-GB" → "GB"); null when none says. */
export function userRegion(): string | null {
  for (const language of navigator.languages) {
    try {
      const region = new Intl.Locale(language).maximize().region;
      if (region !== undefined && /^[A-Z]{2}$/.test(region)) return region;
    } catch {
      // A language tag the browser cannot read: try the next.
    }
  }
  return null;
}

/** A function that formats numbers for reading; re-renders once the rules have loaded. */
export function useNumberFormat(): (number: string) => string {
  const current = useSyncExternalStore(subscribe, () => formatter);
  const region = userRegion();
  return (number) => (current === null ? number : current(number, region));
}
