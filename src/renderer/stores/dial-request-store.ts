import { createStore } from 'zustand/vanilla';
import type { DeskpilotApi, DialRequest } from '../../shared/contract';

export interface DialRequestState {
  /** A tel:/sip: link or shortcut waiting for the user to confirm; null when none. */
  request: DialRequest | null;
  start(): () => void;
  dismiss(): void;
}

/** Dial requests from outside the window (links, shortcut) that settings say to confirm first. */
export function createDialRequestStore(api: DeskpilotApi) {
  return createStore<DialRequestState>()((set) => ({
    request: null,
    start: () => api.events.on('dial-request', (request) => set({ request })),
    dismiss: () => set({ request: null }),
  }));
}

export type DialRequestStore = ReturnType<typeof createDialRequestStore>;
