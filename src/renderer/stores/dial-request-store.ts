import { createStore } from 'zustand/vanilla';
import type { DeskpilotApi } from '../../shared/contract/api';
import type { DialRequest } from '../../shared/contract/links';
import type { CallsStore } from './calls-store';

export interface DialRequestState {
  /** A tel:/sip: link or shortcut waiting for the user to confirm; null when none. */
  request: DialRequest | null;
  start(): () => void;
  /** The user said yes: the core dials the request it holds (see CallsState.confirmDialRequest). */
  confirm(shownPhoneId: string | null): Promise<boolean>;
  /** The user said no: the core forgets the request. */
  dismiss(): void;
}

/** Dial requests from outside the window (links, shortcut) that settings say to confirm first. */
export function createDialRequestStore(api: DeskpilotApi, calls: CallsStore) {
  return createStore<DialRequestState>()((set, get) => ({
    request: null,
    start: () => api.events.on('dial-request', (request) => set({ request })),
    async confirm(shownPhoneId) {
      const { request } = get();
      if (request === null) return false;
      set({ request: null });
      return calls.getState().confirmDialRequest(request, shownPhoneId);
    },
    dismiss() {
      const { request } = get();
      set({ request: null });
      if (request !== null) void api.links.dismissDial({ id: request.id });
    },
  }));
}

export type DialRequestStore = ReturnType<typeof createDialRequestStore>;
