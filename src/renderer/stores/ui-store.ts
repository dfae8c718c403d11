import { createStore } from 'zustand/vanilla';
import type { ConnectionState } from '../../shared/contract/api';
import type { ContactInput } from './contacts-store';

export const VIEWS = [
  'calls',
  'contacts',
  'history',
  'phones',
  'settings',
  'screen',
  'admin',
  'operator',
] as const;
export type View = (typeof VIEWS)[number];

/** The operator view's group choice: every group, the phones in none, or one group by name. */
export type GroupFilter = { kind: 'all' } | { kind: 'none' } | { kind: 'named'; name: string };

export interface UiState {
  view: View;
  /** A contact being created from elsewhere (history's "Add to contacts"); opens the form. */
  contactDraft: ContactInput | null;
  /** Bumped to ask the dial pad to take focus (the dial shortcut). */
  dialFocusRequest: number;
  /** How the link to the core stands (it only drops under the browser host); shown as a banner. */
  connection: ConnectionState;
  setConnection(connection: ConnectionState): void;
  /** The window runs in the browser host: it rings itself (tab title, web notification). */
  browserHost: boolean;
  /** The group the operator view shows, kept while the window is open. */
  operatorGroup: GroupFilter;
  showOperatorGroup(group: GroupFilter): void;
  show(view: View): void;
  startContact(draft: ContactInput): void;
  clearContactDraft(): void;
  focusDialPad(): void;
}

/**
 * The draft's name if it is one: a caller the phone knew only by number has that number as its
 * name, which the user would have to delete before typing the real one.
 */
function personName(draft: ContactInput): string {
  const name = draft.name.trim();
  const isNumber =
    !/\p{L}/u.test(name) ||
    draft.numbers.some((entry) => entry.number.trim().toLowerCase() === name.toLowerCase());
  return isNumber ? '' : name;
}

/** Which view is shown and cross-view requests; window-local, never sent to the core. */
export function createUiStore(browserHost = false) {
  return createStore<UiState>()((set, get) => ({
    browserHost,
    view: 'calls',
    contactDraft: null,
    dialFocusRequest: 0,
    connection: 'connected',
    setConnection: (connection) => set({ connection }),
    operatorGroup: { kind: 'all' },
    showOperatorGroup: (operatorGroup) => set({ operatorGroup }),
    show: (view) => set({ view }),
    startContact: (draft) =>
      set({ contactDraft: { ...draft, name: personName(draft) }, view: 'contacts' }),
    clearContactDraft: () => set({ contactDraft: null }),
    focusDialPad: () => set({ view: 'calls', dialFocusRequest: get().dialFocusRequest + 1 }),
  }));
}
