/** The admin console's one line of feedback: the outcome of the last action, in the phone's words. */
import { createStore, type StoreApi } from 'zustand/vanilla';

import type { ContractError } from '../../../../shared/contract/errors';

export interface Notice {
  kind: 'ok' | 'error';
  text: string;
}

export interface AdminNoticeState {
  notice: Notice | null;
  show(notice: Notice | null): void;
}

export type AdminNoticeStore = StoreApi<AdminNoticeState>;

/** Creates the notice line of one console. */
export function createAdminNoticeStore(): AdminNoticeStore {
  return createStore<AdminNoticeState>()((set) => ({
    notice: null,
    show: (notice) => set({ notice }),
  }));
}

/**
 * Waits for a request; on failure shows "`what` failed: <the phone's words>" and resolves to
 * null, so each section reads `if (result) …`.
 */
export async function attempt<T>(
  notices: AdminNoticeStore,
  request: Promise<{ ok: true; value: T } | { ok: false; error: ContractError }>,
  what: string,
): Promise<{ value: T } | null> {
  const outcome = await request;
  if (outcome.ok) return { value: outcome.value };
  notices.getState().show({ kind: 'error', text: `${what} failed: ${outcome.error.message}` });
  return null;
}
