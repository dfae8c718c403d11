import { createStore } from 'zustand/vanilla';
import type { DeskpilotApi } from '../../shared/contract/api';
import type { PushPlan } from '../../shared/contract/push';
import type { NoticesStore } from './notices-store';

export interface PushState {
  /** The phone whose change is being planned, made or undone, and what is going on. */
  busy: { phoneId: string; doing: 'planning' | 'turning-on' | 'turning-off' } | null;
  /** The plan shown for confirmation, for one phone. */
  plan: { phoneId: string; plan: PushPlan } | null;
  /** Why the last step failed, in words, for one phone. */
  problem: { phoneId: string; message: string } | null;
  /** Reads what turning instant call events on would change (nothing changes yet). */
  showPlan(phoneId: string): Promise<void>;
  /** Makes the planned changes. */
  turnOn(phoneId: string): Promise<boolean>;
  /** Turns events off: the phone gets its previous values back. */
  turnOff(phoneId: string): Promise<boolean>;
  /** Drops the plan without changing anything. */
  cancel(): void;
}

/**
 * A phone's instant call events: the plan first (what will change on the phone), then turning
 * on or off. How events stand comes with the phone's snapshot and its 'push-status' events.
 */
export function createPushStore(api: DeskpilotApi, notices: NoticesStore) {
  return createStore<PushState>()((set) => ({
    busy: null,
    plan: null,
    problem: null,
    async showPlan(phoneId) {
      set({ busy: { phoneId, doing: 'planning' }, plan: null, problem: null });
      const outcome = await api.push.plan({ phoneId });
      if (!outcome.ok) {
        set({ busy: null, problem: { phoneId, message: outcome.error.message } });
        return;
      }
      set({ busy: null, plan: { phoneId, plan: outcome.value } });
    },
    async turnOn(phoneId) {
      set({ busy: { phoneId, doing: 'turning-on' }, problem: null });
      const outcome = await api.push.enable({ phoneId });
      if (!outcome.ok) {
        set({ busy: null, plan: null, problem: { phoneId, message: outcome.error.message } });
        return false;
      }
      set({ busy: null, plan: null });
      notices.getState().push('success', 'Instant call events are on.');
      return true;
    },
    async turnOff(phoneId) {
      set({ busy: { phoneId, doing: 'turning-off' }, problem: null, plan: null });
      const outcome = await api.push.disable({ phoneId });
      set({ busy: null });
      if (!outcome.ok) {
        set({ problem: { phoneId, message: outcome.error.message } });
        return false;
      }
      return true;
    },
    cancel() {
      set({ plan: null, problem: null });
    },
  }));
}

export type PushStore = ReturnType<typeof createPushStore>;
