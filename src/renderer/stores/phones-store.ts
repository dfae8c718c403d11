import { createStore } from 'zustand/vanilla';
import type { DeskpilotApi } from '../../shared/contract/api';
import {
  connectingStatus,
  FAILED_OUTCOMES,
  type Call,
  type CallOutcome,
  type PhoneEvent,
  type PhoneInfo,
  type PhoneSnapshot,
  type PushStatus,
} from '../../shared/domain';

/** How long a call that ended by itself stays on screen, saying why. */
export const ENDED_CALL_SHOWN_MS = 8000;

/** A call that ended without the user ending it, shown for a few seconds with the reason. */
export interface EndedCall {
  phoneId: string;
  call: Call;
  outcome: CallOutcome;
}

/** Outcomes the user did not cause and must be told of. */
function worthSaying(outcome: CallOutcome | undefined): outcome is CallOutcome {
  return (
    outcome !== undefined &&
    (FAILED_OUTCOMES.includes(outcome) || outcome === 'ended-by-other-side')
  );
}

export interface PhonesState {
  /** `loading` until the first snapshots arrive; `failed` if the core could not be reached. */
  phase: 'loading' | 'ready' | 'failed';
  loadError: string | null;
  /** Snapshots in the core's order, kept current by events. */
  phones: PhoneSnapshot[];
  selectedPhoneId: string | null;
  /** Calls that just ended by themselves, newest last (each goes after ENDED_CALL_SHOWN_MS). */
  endedCalls: EndedCall[];
  /** Takes an ended call off the screen before its time. */
  dismissEnded(handle: string): void;
  select(phoneId: string): void;
  /** Loads snapshots then follows the event stream; returns the unsubscribe. */
  start(): () => void;
  /** Reloads every snapshot (after adding or removing a phone, or a reconnect). */
  refresh(): Promise<void>;
  apply(event: PhoneEvent): void;
  /** Puts a phone in a group (null: in none); resolves to the refusal in words, or null. */
  setGroup(phoneId: string, group: string | null): Promise<string | null>;
}

const PUSH_UNKNOWN: PushStatus = {
  phase: 'off',
  message: 'Connecting…',
  lastEventAt: null,
  listeningOn: null,
};

function upsertCall(calls: Call[], call: Call): Call[] {
  const index = calls.findIndex((existing) => existing.handle === call.handle);
  if (index === -1) return [...calls, call];
  return calls.map((existing, position) => (position === index ? call : existing));
}

function updatePhone(
  phones: PhoneSnapshot[],
  phoneId: string,
  change: (phone: PhoneSnapshot) => PhoneSnapshot,
): PhoneSnapshot[] {
  return phones.map((phone) => (phone.info.id === phoneId ? change(phone) : phone));
}

function reconcileInfos(phones: PhoneSnapshot[], infos: PhoneInfo[]): PhoneSnapshot[] {
  return infos.map((info) => {
    const known = phones.find((phone) => phone.info.id === info.id);
    return known
      ? { ...known, info }
      : {
          info,
          status: connectingStatus(info.id, 'Connecting…'),
          lines: [],
          calls: [],
          push: PUSH_UNKNOWN,
        };
  });
}

/** Pure reducer from a core event to the new list of snapshots. */
export function applyPhoneEvent(phones: PhoneSnapshot[], event: PhoneEvent): PhoneSnapshot[] {
  switch (event.type) {
    case 'phones-changed':
      return reconcileInfos(phones, event.phones);
    case 'phone-status':
      return updatePhone(phones, event.phoneId, (phone) => ({ ...phone, status: event.status }));
    case 'lines-changed':
      return updatePhone(phones, event.phoneId, (phone) => ({ ...phone, lines: event.lines }));
    case 'call-added':
    case 'call-changed':
    case 'incoming-call':
      return updatePhone(phones, event.phoneId, (phone) => ({
        ...phone,
        calls: upsertCall(phone.calls, event.call),
      }));
    case 'call-removed':
      return updatePhone(phones, event.phoneId, (phone) => ({
        ...phone,
        calls: phone.calls.filter((call) => call.handle !== event.call.handle),
      }));
    case 'push-status':
      return updatePhone(phones, event.phoneId, (phone) => ({ ...phone, push: event.push }));
  }
}

function keepSelection(selected: string | null, phones: PhoneSnapshot[]): string | null {
  if (selected !== null && phones.some((phone) => phone.info.id === selected)) return selected;
  return phones[0]?.info.id ?? null;
}

/** The phones, their health, lines and calls: the snapshot on start, then the event stream. */
export function createPhonesStore(api: DeskpilotApi) {
  let latestRefresh = 0;
  return createStore<PhonesState>()((set, get) => ({
    phase: 'loading',
    loadError: null,
    phones: [],
    selectedPhoneId: null,
    endedCalls: [],
    dismissEnded(handle) {
      set({ endedCalls: get().endedCalls.filter((ended) => ended.call.handle !== handle) });
    },
    select(phoneId) {
      set({ selectedPhoneId: phoneId });
    },
    start() {
      // Subscribe first so nothing that happens while the snapshot loads is lost; events that
      // arrive before it are re-applied by the snapshot itself, which is newer.
      const unsubscribe = api.events.on('phone', (event) => get().apply(event));
      void get().refresh();
      return unsubscribe;
    },
    async refresh() {
      const request = ++latestRefresh;
      const outcome = await api.phones.snapshots({});
      // Refreshes overlap (a save, a reconnect, Try again): an older answer landing last would
      // bring back a phone removed meanwhile.
      if (request !== latestRefresh) return;
      if (!outcome.ok) {
        set({ phase: 'failed', loadError: outcome.error.message });
        return;
      }
      set({
        phase: 'ready',
        loadError: null,
        phones: outcome.value,
        selectedPhoneId: keepSelection(get().selectedPhoneId, outcome.value),
      });
    },
    async setGroup(phoneId, group) {
      const outcome = await api.phones.update({ phoneId, group });
      if (!outcome.ok) return `The group could not be changed: ${outcome.error.message}`;
      const info = outcome.value;
      set({
        phones: updatePhone(get().phones, phoneId, (phone) => ({ ...phone, info })),
      });
      return null;
    },
    apply(event) {
      const phones = applyPhoneEvent(get().phones, event);
      set({ phones, selectedPhoneId: keepSelection(get().selectedPhoneId, phones) });
      if (event.type === 'call-removed' && worthSaying(event.outcome)) {
        const { phoneId, call, outcome } = event;
        const ended = { phoneId, call, outcome };
        set({ endedCalls: [...get().endedCalls, ended] });
        setTimeout(() => {
          set({ endedCalls: get().endedCalls.filter((other) => other !== ended) });
        }, ENDED_CALL_SHOWN_MS);
      }
    },
  }));
}

export type PhonesStore = ReturnType<typeof createPhonesStore>;

/** The snapshot of the selected phone, if any. */
export function selectedPhone(state: Pick<PhonesState, 'phones' | 'selectedPhoneId'>) {
  return state.phones.find((phone) => phone.info.id === state.selectedPhoneId) ?? null;
}
