import { createStore } from 'zustand/vanilla';
import type { DeskpilotApi } from '../../shared/contract/api';
import type { CallLogEntry, CallLogKind } from '../../shared/domain';

export interface HistoryState {
  phase: 'idle' | 'loading' | 'ready' | 'failed';
  error: string | null;
  phoneId: string | null;
  kind: CallLogKind | 'all';
  entries: CallLogEntry[];
  /** Loads the phone's call logs (all kinds, or one), newest first. */
  load(phoneId: string, kind?: CallLogKind | 'all'): Promise<void>;
}

function newestFirst(a: CallLogEntry, b: CallLogEntry): number {
  return b.startTime.localeCompare(a.startTime);
}

/** The phone's call logs: they live on the phone, so they are fetched on demand, not pushed. */
export function createHistoryStore(api: DeskpilotApi) {
  let latestRequest = 0;
  return createStore<HistoryState>()((set) => ({
    phase: 'idle',
    error: null,
    phoneId: null,
    kind: 'all',
    entries: [],
    async load(phoneId, kind = 'all') {
      const request = ++latestRequest;
      set({ phase: 'loading', phoneId, kind, error: null });
      const outcome = await api.calls.logs(kind === 'all' ? { phoneId } : { phoneId, kind });
      // A slower, older request must not overwrite the answer to a newer one.
      if (request !== latestRequest) return;
      if (outcome.ok) set({ phase: 'ready', entries: [...outcome.value].sort(newestFirst) });
      else set({ phase: 'failed', error: outcome.error.message, entries: [] });
    },
  }));
}

export type HistoryStore = ReturnType<typeof createHistoryStore>;
