import { createStore } from 'zustand/vanilla';
import type { ContactInput } from './contacts-store';

export const VIEWS = [
  'calls',
  'contacts',
  'history',
  'phones',
  'settings',
  'screen',
  'admin',
] as const;
export type View = (typeof VIEWS)[number];

export interface UiState {
  view: View;
  /** A contact being created from elsewhere (history's "Add to contacts"); opens the form. */
  contactDraft: ContactInput | null;
  /** Bumped to ask the dial pad to take focus (the dial shortcut). */
  dialFocusRequest: number;
  /** False while the connection to the core is lost (browser host only); shown as a banner. */
  connected: boolean;
  /** The window runs in the browser host: it rings itself (tab title, web notification). */
  browserHost: boolean;
  setConnected(connected: boolean): void;
  show(view: View): void;
  startContact(draft: ContactInput): void;
  clearContactDraft(): void;
  focusDialPad(): void;
}

/** Which view is shown and cross-view requests; window-local, never sent to the core. */
export function createUiStore(browserHost = false) {
  return createStore<UiState>()((set, get) => ({
    browserHost,
    view: 'calls',
    contactDraft: null,
    dialFocusRequest: 0,
    connected: true,
    setConnected: (connected) => set({ connected }),
    show: (view) => set({ view }),
    startContact: (draft) => set({ contactDraft: draft, view: 'contacts' }),
    clearContactDraft: () => set({ contactDraft: null }),
    focusDialPad: () => set({ view: 'calls', dialFocusRequest: get().dialFocusRequest + 1 }),
  }));
}
