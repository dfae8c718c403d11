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

/** Feedback the user sees after an action: what happened, or the phone's refusal in words. */
export function createNoticesStore() {
  let nextId = 1;
  return createStore<NoticesState>()((set, get) => ({
    notices: [],
    push(kind, text) {
      const id = nextId++;
      set({ notices: [...get().notices, { id, kind, text }].slice(-MAX_NOTICES) });
      if (kind !== 'error') setTimeout(() => get().dismiss(id), FADE_AFTER_MS);
    },
    dismiss(id) {
      set({ notices: get().notices.filter((notice) => notice.id !== id) });
    },
  }));
}

export type NoticesStore = ReturnType<typeof createNoticesStore>;
