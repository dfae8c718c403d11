/**
 * State of the admin console's Skype for Business section: presence, sign in and sign out. The
 * password typed for sign-in goes straight to the core and is never kept in the store.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';

import type { DeskpilotApi } from '../../../../shared/contract/api';
import type { SkypeStatus } from '../../../../shared/contract/device';

export interface SkypeSignInForm {
  address: string;
  user: string;
  password: string;
  domain: string;
}

export interface SkypeState {
  status: SkypeStatus | null;
  busy: boolean;
  /** The last failure, in the core's words (never containing the password). */
  error: string | null;
  load(): Promise<void>;
  signIn(form: SkypeSignInForm): Promise<boolean>;
  signOut(): Promise<void>;
}

export type SkypeStore = StoreApi<SkypeState>;

/** Creates the Skype section's store for one phone. */
export function createSkypeStore(api: DeskpilotApi, phoneId: string): SkypeStore {
  return createStore<SkypeState>()((set, get) => {
    /** Runs an action, then reads the presence again; resolves whether the action worked. */
    const act = async (request: Promise<{ ok: boolean; error?: { message: string } }>) => {
      set({ busy: true, error: null });
      const outcome = await request;
      await get().load();
      // The action's own failure is what the user asked about: a failed re-read must not hide it.
      if (!outcome.ok) set({ error: outcome.error?.message ?? 'It failed.' });
      set({ busy: false });
      return outcome.ok;
    };
    return {
      status: null,
      busy: false,
      error: null,
      async load() {
        const outcome = await api.device.skypePresence({ phoneId });
        if (outcome.ok) set({ status: outcome.value });
        else set({ error: outcome.error.message });
      },
      signIn: (form) => act(api.device.skypeSignIn({ phoneId, ...form })),
      async signOut() {
        await act(api.device.skypeSignOut({ phoneId }));
      },
    };
  });
}
