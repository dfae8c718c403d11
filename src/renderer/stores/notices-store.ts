import { createStore } from 'zustand/vanilla';

export interface Notice {
  id: number;
  /** `error` is announced assertively (role="alert"); the others politely. */
  kind: 'info' | 'success' | 'error';
  text: string;
}

export interface NoticesState {
  notices: Notice[];
  /**
   * Shows a notice; info and success notices fade after a few seconds, errors after long enough
   * to read twice (or when dismissed). The same words again replace the earlier notice: said once.
   */
  push(kind: Notice['kind'], text: string): void;
  dismiss(id: number): void;
}

const FADE_AFTER_MS = 6000;
const ERROR_FADE_AFTER_MS = 20_000;
const MAX_NOTICES = 4;

/**
 * Keeps at most MAX_NOTICES, dropping the oldest passing notice before any error: an error stays
 * longer, so a burst of successes must not push it away unread.
 */
function trimmed(notices: Notice[]): Notice[] {
  const kept = [...notices];
  while (kept.length > MAX_NOTICES) {
    const passing = kept.findIndex((notice) => notice.kind !== 'error');
    kept.splice(passing === -1 ? 0 : passing, 1);
  }
  return kept;
}

/** Feedback the user sees after an action: what happened, or the phone's refusal in words. */
export function createNoticesStore() {
  let nextId = 1;
  return createStore<NoticesState>()((set, get) => ({
    notices: [],
    push(kind, text) {
      const id = nextId++;
      const others = get().notices.filter((notice) => notice.text !== text);
      set({ notices: trimmed([...others, { id, kind, text }]) });
      setTimeout(() => get().dismiss(id), kind === 'error' ? ERROR_FADE_AFTER_MS : FADE_AFTER_MS);
    },
    dismiss(id) {
      set({ notices: get().notices.filter((notice) => notice.id !== id) });
    },
  }));
}

export type NoticesStore = ReturnType<typeof createNoticesStore>;
