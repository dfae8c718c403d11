/**
 * The Maintenance tab: restart, reboot and factory reset with the phone's going-away-and-coming-
 * back progress (followed through the core's `phone-status` events), configuration reset and the
 * packet capture upload.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';

import type { DeskpilotApi, RequestOutcome } from '../../../../shared/contract/api';
import type { RequestChannel } from '../../../../shared/contract';
import type { CONFIG_RESET_SCOPES, PhoneHealth } from '../../../../shared/domain';
import { callsEnded, resetDone } from './maintenance-words';
import type { AdminNoticeStore } from './admin-notice-store';

export type ResetScope = (typeof CONFIG_RESET_SCOPES)[number];
export type MaintenanceAction = 'restart' | 'reboot' | 'reset' | 'factory-reset' | 'capture';

export interface MaintenanceProgress {
  action: MaintenanceAction;
  /** sending → waiting (for the phone to go) → away → back; or done / failed. */
  phase: 'sending' | 'waiting' | 'away' | 'back' | 'done' | 'failed';
  message: string;
  /** How many calls were in progress when a restart or reboot was asked for (it ends them). */
  callsEnded?: number;
}

export interface MaintenanceState {
  health: PhoneHealth | null;
  maintenance: MaintenanceProgress | null;
  /** Follows the phone's health; returns the unsubscribe. */
  start(): () => void;
  /** `callsInProgress`: the calls the phone has now, which the restart ends. */
  restart(callsInProgress: number): Promise<void>;
  reboot(callsInProgress: number): Promise<void>;
  resetConfig(scope: ResetScope): Promise<void>;
  factoryReset(confirmation: string): Promise<void>;
  uploadCapture(url: string): Promise<void>;
}

export type MaintenanceStore = StoreApi<MaintenanceState>;

const WAITING_WORDS = {
  restart: 'Restart requested: the phone ends its calls, then restarts…',
  reboot: 'Reboot requested: the phone ends its calls, then reboots…',
  'factory-reset':
    'Factory reset requested: the phone restarts with default settings and the REST API off.',
} as const;

/** While the phone is away; why and for how long is said once, in the phone status banner. */
const AWAY_WORDS = 'The phone is away; Deskpilot follows it and says here when it is back.';

/** What happened, once the phone is back from a restart or reboot. */
function backWords(progress: MaintenanceProgress): string {
  const what = progress.action === 'reboot' ? 'rebooted' : 'restarted';
  return `The phone ${what} and is back online, with its settings; Deskpilot is connected again.${callsEnded(progress.callsEnded ?? 0)}`;
}

/** Creates the maintenance store; `onBack` runs when the phone answers again after a restart. */
export function createMaintenanceStore(
  api: DeskpilotApi,
  phoneId: string,
  notices: AdminNoticeStore,
  onBack: () => void,
): MaintenanceStore {
  return createStore<MaintenanceState>()((set, get) => {
    const onHealth = (health: PhoneHealth) => {
      set({ health });
      const progress = get().maintenance;
      if (!progress) return;
      const away = health === 'rebooting' || health === 'unreachable';
      // The core may report the phone going away before the restart request itself returns.
      if ((progress.phase === 'sending' || progress.phase === 'waiting') && away) {
        set({ maintenance: { ...progress, phase: 'away', message: AWAY_WORDS } });
      } else if (progress.phase === 'away' && health === 'online') {
        set({ maintenance: { ...progress, phase: 'back', message: backWords(progress) } });
        onBack();
      } else if (progress.phase === 'away' && health === 'needs-attention') {
        // After a factory reset the phone answers again, but with its API off: say what now.
        const text =
          'The phone answers again but needs attention: the banner above says what to do.';
        set({ maintenance: { ...progress, phase: 'back', message: text } });
      }
    };

    const restartLike = async (
      action: 'restart' | 'reboot' | 'factory-reset',
      send: () => Promise<RequestOutcome<RequestChannel>>,
      callsEnded = 0,
    ) => {
      set({ maintenance: { action, phase: 'sending', message: 'Sending…', callsEnded } });
      notices.getState().show(null);
      const outcome = await send();
      if (!outcome.ok) {
        set({ maintenance: { action, phase: 'failed', message: outcome.error.message } });
      } else if (get().maintenance?.phase === 'sending') {
        set({
          maintenance: { action, phase: 'waiting', message: WAITING_WORDS[action], callsEnded },
        });
      }
    };

    return {
      health: null,
      maintenance: null,

      start() {
        const unsubscribe = api.events.on('phone', (event) => {
          if (event.type === 'phone-status' && event.phoneId === phoneId) {
            onHealth(event.status.health);
          }
        });
        void api.phones.snapshots({}).then((outcome) => {
          const snapshot = outcome.ok
            ? outcome.value.find((s) => s.info.id === phoneId)
            : undefined;
          if (snapshot && get().health === null) {
            set({ health: snapshot.status.health });
          }
        });
        return unsubscribe;
      },

      restart: (calls) => restartLike('restart', () => api.device.restart({ phoneId }), calls),
      reboot: (calls) => restartLike('reboot', () => api.device.reboot({ phoneId }), calls),
      factoryReset: (confirmation) =>
        restartLike('factory-reset', () =>
          // The core checks the typed words again; the contract accepts only this exact phrase.
          confirmation === 'FACTORY RESET'
            ? api.device.factoryReset({ phoneId, confirmation })
            : Promise.resolve({
                ok: false,
                error: { code: 'invalid-argument', message: 'Type FACTORY RESET to confirm.' },
              }),
        ),

      async resetConfig(scope) {
        set({ maintenance: { action: 'reset', phase: 'sending', message: 'Sending…' } });
        const outcome = await api.device.resetConfig({ phoneId, scope });
        set({
          maintenance: outcome.ok
            ? { action: 'reset', phase: 'done', message: resetDone(scope) }
            : { action: 'reset', phase: 'failed', message: outcome.error.message },
        });
      },

      async uploadCapture(url) {
        set({ maintenance: { action: 'capture', phase: 'sending', message: 'Sending…' } });
        const outcome = await api.device.uploadCapture(url === '' ? { phoneId } : { phoneId, url });
        set({
          maintenance: outcome.ok
            ? {
                action: 'capture',
                phase: 'done',
                message: 'The phone is uploading its background packet capture.',
              }
            : { action: 'capture', phase: 'failed', message: outcome.error.message },
        });
      },
    };
  });
}
