import { createStore } from 'zustand/vanilla';
import type { DeskpilotApi } from '../../shared/contract/api';
import type { CallLogEntry, CallLogKind, PhoneEvent } from '../../shared/domain';

/** A call log entry with the phone it was logged on. */
export interface HistoryEntry extends CallLogEntry {
  phoneId: string;
  phoneName: string;
}

/** Where the window remembers up to when History was cleared (the phones keep their logs). */
const CLEARED_AT_KEY = 'deskpilot.history.clearedAt';

export interface HistoryState {
  phase: 'idle' | 'loading' | 'ready' | 'failed';
  error: string | null;
  kind: CallLogKind | 'all';
  /** Every phone's entries, newest first, without those from before the last Clear. */
  entries: HistoryEntry[];
  /** Epoch ms up to which entries are hidden (Clear), or 0. */
  clearedAt: number;
  /** Calls missed since History was last looked at (the navigation's badge). */
  missedUnseen: number;
  /** A call ended since the entries were read: the phones' logs hold more than they show. */
  stale: boolean;
  /** Loads every phone's call logs (all kinds, or one), merged newest first. */
  load(phones: readonly { id: string; name: string }[], kind?: CallLogKind | 'all'): Promise<void>;
  /** Hides every entry up to now; the phones' own logs are left as they are. */
  clear(): void;
  /** History was looked at: the missed calls are no longer new. */
  markSeen(): void;
  /** Follows the phones' events to count missed calls; returns the unsubscribe. */
  start(): () => void;
}

function newestFirst(a: CallLogEntry, b: CallLogEntry): number {
  return b.startTime.localeCompare(a.startTime);
}

function storedClearedAt(): number {
  try {
    const value = Number(globalThis.localStorage?.getItem(CLEARED_AT_KEY) ?? 0);
    return Number.isFinite(value) ? value : 0;
  } catch {
    return 0;
  }
}

function startedAt(entry: CallLogEntry): number {
  const time = new Date(entry.startTime).getTime();
  return Number.isNaN(time) ? Infinity : time;
}

/** The phones' call logs: they live on the phones, so they are fetched on demand, not pushed. */
export function createHistoryStore(api: DeskpilotApi) {
  let latestRequest = 0;
  let all: HistoryEntry[] = [];
  return createStore<HistoryState>()((set, get) => {
    const visible = () => all.filter((entry) => startedAt(entry) > get().clearedAt);
    return {
      phase: 'idle',
      error: null,
      kind: 'all',
      entries: [],
      clearedAt: storedClearedAt(),
      missedUnseen: 0,
      stale: false,
      async load(phones, kind = 'all') {
        const request = ++latestRequest;
        set({ phase: 'loading', kind, error: null, stale: false });
        const answers = await Promise.all(
          phones.map(async (phone) => ({
            phone,
            outcome: await api.calls.logs(
              kind === 'all' ? { phoneId: phone.id } : { phoneId: phone.id, kind },
            ),
          })),
        );
        // A slower, older request must not overwrite the answer to a newer one.
        if (request !== latestRequest) return;
        const failed = answers.find((answer) => !answer.outcome.ok);
        all = answers
          .flatMap(({ phone, outcome }) =>
            outcome.ok
              ? outcome.value.map((entry) => ({
                  ...entry,
                  phoneId: phone.id,
                  phoneName: phone.name,
                }))
              : [],
          )
          .sort(newestFirst);
        const error =
          failed && !failed.outcome.ok
            ? `${failed.phone.name}: ${failed.outcome.error.message}`
            : null;
        set({
          phase: failed && all.length === 0 ? 'failed' : 'ready',
          error,
          entries: visible(),
        });
      },
      clear() {
        const clearedAt = Date.now();
        try {
          globalThis.localStorage?.setItem(CLEARED_AT_KEY, String(clearedAt));
        } catch {
          // Storage refused (private mode): cleared for this window only.
        }
        set({ clearedAt, missedUnseen: 0 });
        set({ entries: visible() });
      },
      markSeen() {
        if (get().missedUnseen !== 0) set({ missedUnseen: 0 });
      },
      start() {
        return api.events.on('phone', (event: PhoneEvent) => {
          if (event.type !== 'call-removed') return;
          set({ stale: true });
          if (event.outcome === 'missed') set({ missedUnseen: get().missedUnseen + 1 });
        });
      },
    };
  });
}

export type HistoryStore = ReturnType<typeof createHistoryStore>;
