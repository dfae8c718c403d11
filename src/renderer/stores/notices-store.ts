import { createStore } from 'zustand/vanilla';

export interface Notice {
  id: number;
  /** `error` is announced assertively (role="alert"); the others politely. */
  kind: 'info' | 'success' | 'error';
  text: string;
}

export interface NoticesState {
  notices: Notice[];
  /** Shows a notice; info and success notices fade after a few seconds, errors stay until dismissed. */
  push(kind: Notice['kind'], text: string): void;
  dismiss(id: number): void;
}

const FADE_AFTER_MS = 6000;
const MAX_NOTICES = 4;

/**
 * Keeps at most MAX_NOTICES, dropping the oldest passing notice before any error: an error is
 * promised to stay until dismissed, so a burst of successes must not push it away unread.
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
      set({ notices: trimmed([...get().notices, { id, kind, text }]) });
      if (kind !== 'error') setTimeout(() => get().dismiss(id), FADE_AFTER_MS);
    },
    dismiss(id) {
      set({ notices: get().notices.filter((notice) => notice.id !== id) });
    },
  }));
}

export type NoticesStore = ReturnType<typeof createNoticesStore>;
