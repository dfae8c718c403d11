/**
 * State of one phone's admin console. The store owns every call to the core (components never
 * call the api): the access check, the device / line / media reads, configuration reads and
 * writes, and the maintenance actions with the phone's going-away-and-coming-back progress.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';

import type { ConfigValue } from '../../../shared/contract/config';
import type { DeskpilotApi, RequestOutcome } from '../../../shared/contract/api';
import type { DeviceDetails, LineDetails, MediaSample } from '../../../shared/contract/device';
import type { RequestChannel } from '../../../shared/contract';
import type {
  TRANSFER_TYPES,
  CONFIG_EXPORT_TYPES,
  CONFIG_RESET_SCOPES,
} from '../../../shared/domain';
import type { PhoneHealth } from '../../../shared/domain';
import { changesOf, valuesToSend, type ConfigRow } from './config-edits';

export type TransferType = (typeof TRANSFER_TYPES)[number];
export type ExportType = (typeof CONFIG_EXPORT_TYPES)[number];
export type ResetScope = (typeof CONFIG_RESET_SCOPES)[number];

/** Samples kept per call for the live charts (about two minutes at the media interval). */
const MEDIA_HISTORY = 60;

export type MaintenanceAction = 'restart' | 'reboot' | 'reset' | 'factory-reset' | 'capture';

export interface MaintenanceProgress {
  action: MaintenanceAction;
  /** sending → waiting (for the phone to go) → away → back; or done / failed. */
  phase: 'sending' | 'waiting' | 'away' | 'back' | 'done' | 'failed';
  message: string;
}

export interface Notice {
  kind: 'ok' | 'error';
  text: string;
}

export interface AdminState {
  /** The phone this console administers (sections with their own stores need it). */
  phoneId: string;
  access: 'checking' | 'granted' | 'denied' | 'failed';
  /** Why the console is hidden or could not load, and what to do. */
  accessMessage: string;
  details: DeviceDetails | null;
  lines: LineDetails[] | null;
  /** Recent media samples per call handle, oldest first. */
  media: Record<string, MediaSample[]>;
  /** Handles of the calls in the last media read. */
  liveHandles: string[];
  configRows: ConfigRow[];
  transferType: string | null;
  health: PhoneHealth | null;
  healthMessage: string;
  maintenance: MaintenanceProgress | null;
  /** Outcome of the last action, shown in the section that ran it. */
  notice: Notice | null;
  start(): () => void;
  loadDetails(): Promise<void>;
  loadLines(): Promise<void>;
  sampleMedia(): Promise<void>;
  /** Reads the named values into the rows; resolves false if the phone refused. */
  readConfig(names: string[]): Promise<boolean>;
  setDraft(name: string, draft: string): void;
  saveConfig(): Promise<void>;
  exportConfig(url: string, type: ExportType): Promise<void>;
  loadTransferType(): Promise<void>;
  setTransferType(type: TransferType): Promise<void>;
  restart(): Promise<void>;
  reboot(): Promise<void>;
  resetConfig(scope: ResetScope): Promise<void>;
  factoryReset(confirmation: string): Promise<void>;
  uploadCapture(url: string): Promise<void>;
}

export type AdminStore = StoreApi<AdminState>;

const WAITING_WORDS = {
  restart: 'Restart requested: waiting for the phone to go away…',
  reboot: 'Reboot requested: waiting for the phone to go away…',
  'factory-reset':
    'Factory reset requested: the phone restarts with default settings and the REST API off.',
} as const;

/** Creates the store for one phone's admin console (one per open console). */
export function createAdminStore(api: DeskpilotApi, phoneId: string): AdminStore {
  return createStore<AdminState>()((set, get) => {
    const fail = (text: string) => set({ notice: { kind: 'error', text } });
    /** Runs a request; on failure shows its message and resolves to null. */
    const attempt = async <C extends RequestChannel>(
      request: Promise<RequestOutcome<C>>,
      what: string,
    ) => {
      const outcome = await request;
      if (outcome.ok) return { value: outcome.value };
      fail(`${what} failed: ${outcome.error.message}`);
      return null;
    };

    const onHealth = (health: PhoneHealth, message: string) => {
      set({ health, healthMessage: message });
      const progress = get().maintenance;
      if (!progress) return;
      const away = health === 'rebooting' || health === 'unreachable';
      // The core may report the phone going away before the restart request itself returns.
      if ((progress.phase === 'sending' || progress.phase === 'waiting') && away) {
        set({
          maintenance: { ...progress, phase: 'away', message: `The phone is away. ${message}` },
        });
      } else if (progress.phase === 'away' && health === 'online') {
        set({ maintenance: { ...progress, phase: 'back', message: 'The phone is back online.' } });
        void get().loadDetails();
      } else if (progress.phase === 'away' && health === 'needs-attention') {
        // After a factory reset the phone answers again, but with its API off: say what now.
        const text = `The phone answers again but needs attention: ${message}`;
        set({ maintenance: { ...progress, phase: 'back', message: text } });
      } else if (progress.phase === 'away') {
        set({ maintenance: { ...progress, message: `The phone is away. ${message}` } });
      }
    };

    const restartLike = async (
      action: 'restart' | 'reboot' | 'factory-reset',
      send: () => Promise<RequestOutcome<RequestChannel>>,
    ) => {
      set({ maintenance: { action, phase: 'sending', message: 'Sending…' }, notice: null });
      const outcome = await send();
      if (!outcome.ok) {
        set({ maintenance: { action, phase: 'failed', message: outcome.error.message } });
      } else if (get().maintenance?.phase === 'sending') {
        set({ maintenance: { action, phase: 'waiting', message: WAITING_WORDS[action] } });
      }
    };

    return {
      phoneId,
      access: 'checking',
      accessMessage: '',
      details: null,
      lines: null,
      media: {},
      liveHandles: [],
      configRows: [],
      transferType: null,
      health: null,
      healthMessage: '',
      maintenance: null,
      notice: null,

      start() {
        const unsubscribe = api.events.on('phone', (event) => {
          if (event.type === 'phone-status' && event.phoneId === phoneId) {
            onHealth(event.status.health, event.status.message);
          }
        });
        void api.phones.snapshots({}).then((outcome) => {
          const snapshot = outcome.ok
            ? outcome.value.find((s) => s.info.id === phoneId)
            : undefined;
          if (snapshot && get().health === null) {
            set({ health: snapshot.status.health, healthMessage: snapshot.status.message });
          }
        });
        void get().loadDetails();
        return unsubscribe;
      },

      async loadDetails() {
        const outcome = await api.device.details({ phoneId });
        if (outcome.ok) {
          set({ access: 'granted', details: outcome.value, accessMessage: '' });
          return;
        }
        const { code, message } = outcome.error;
        if (code === 'insufficient-access' || code === 'wrong-credentials') {
          set({
            access: 'denied',
            accessMessage:
              `${message} The admin console needs the phone's admin login (user name Polycom ` +
              'and the admin password): a user-level login may place calls but not administer ' +
              'the phone. Edit this phone under Phones and enter the admin password.',
          });
        } else if (get().access === 'checking') {
          set({ access: 'failed', accessMessage: message });
        } else {
          fail(`Reading device information failed: ${message}`);
        }
      },

      async loadLines() {
        const result = await attempt(api.device.lines({ phoneId }), 'Reading the lines');
        if (result) set({ lines: result.value });
      },

      async sampleMedia() {
        const outcome = await api.device.media({ phoneId });
        if (!outcome.ok) return;
        const media = { ...get().media };
        for (const sample of outcome.value) {
          media[sample.handle] = [...(media[sample.handle] ?? []), sample].slice(-MEDIA_HISTORY);
        }
        set({ media, liveHandles: outcome.value.map((sample) => sample.handle) });
      },

      async readConfig(names) {
        if (names.length === 0) return true;
        const result = await attempt(api.config.get({ phoneId, names }), 'Reading configuration');
        if (!result) return false;
        const values: Record<string, ConfigValue | null> = result.value;
        set({
          notice: null,
          configRows: names.map((name) => {
            const current = values[name] ?? null;
            return { name, current, draft: current?.value ?? '' };
          }),
        });
        return true;
      },

      setDraft(name, draft) {
        set({
          configRows: get().configRows.map((row) => (row.name === name ? { ...row, draft } : row)),
        });
      },

      async saveConfig() {
        const changes = changesOf(get().configRows);
        if (changes.length === 0) return;
        const values = valuesToSend(changes);
        const result = await attempt(api.config.set({ phoneId, values }), 'Saving configuration');
        if (!result) return;
        const saved = `Saved ${changes.length} value(s)`;
        // Never claim a read-back that failed (the rows still show the values typed): keep the
        // read's own failure, saying the save itself went through.
        const readBack = await get().readConfig(get().configRows.map((row) => row.name));
        const readFailure = get().notice?.text ?? 'reading them back failed.';
        set({
          notice: readBack
            ? { kind: 'ok', text: `${saved} and read them back.` }
            : { kind: 'error', text: `${saved}; ${readFailure}` },
        });
      },

      async exportConfig(url, type) {
        const result = await attempt(api.config.export({ phoneId, url, type }), 'Export');
        if (result)
          set({
            notice: { kind: 'ok', text: `The phone sent its ${type} configuration to ${url}.` },
          });
      },

      async loadTransferType() {
        const result = await attempt(
          api.config.getTransferType({ phoneId }),
          'Reading the transfer type',
        );
        if (result) set({ transferType: result.value.type });
      },

      async setTransferType(type) {
        const result = await attempt(
          api.config.setTransferType({ phoneId, type }),
          'Setting the transfer type',
        );
        if (!result) return;
        set({ notice: { kind: 'ok', text: `Transfer type set to ${type}.` } });
        await get().loadTransferType();
      },

      restart: () => restartLike('restart', () => api.device.restart({ phoneId })),
      reboot: () => restartLike('reboot', () => api.device.reboot({ phoneId })),
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
            ? { action: 'reset', phase: 'done', message: `Configuration reset (${scope}) done.` }
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
