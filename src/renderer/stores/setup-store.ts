import { createStore } from 'zustand/vanilla';
import type { ConnectionTestResult } from '../../shared/contract/phones';
import type { DeskpilotApi } from '../../shared/contract/api';
import type { RequestArgs } from '../../shared/contract';
import type { PhoneInfo } from '../../shared/domain';
import type { NoticesStore } from './notices-store';
import type { PhonesStore } from './phones-store';

export type PhoneDraft = RequestArgs<'phones.add'>;

export interface SetupState {
  busy: 'testing' | 'saving' | 'demo' | null;
  /** The last connection test of the form being edited. */
  testResult: ConnectionTestResult | null;
  /** Why the last save was refused, in words (e.g. the phone's REST API is off). */
  saveError: string | null;
  test(draft: PhoneDraft): Promise<ConnectionTestResult | null>;
  add(draft: PhoneDraft): Promise<PhoneInfo | null>;
  update(phoneId: string, patch: Omit<RequestArgs<'phones.update'>, 'phoneId'>): Promise<boolean>;
  remove(phoneId: string): Promise<boolean>;
  acceptCertificate(phoneId: string, fingerprint: string): Promise<boolean>;
  addDemo(): Promise<boolean>;
  clear(): void;
  /** Drops the last test's report and the last refusal (the form changed what they were about). */
  forget(): void;
}

/** Adding, testing, editing and removing phones; the phone list refreshes after each change. */
export function createSetupStore(api: DeskpilotApi, phones: PhonesStore, notices: NoticesStore) {
  return createStore<SetupState>()((set) => {
    // Bumped by forget(): a test answering after the form changed reports on an old address.
    let generation = 0;
    async function afterChange(message: string, select?: string) {
      await phones.getState().refresh();
      if (select !== undefined) phones.getState().select(select);
      notices.getState().push('success', message);
    }

    return {
      busy: null,
      testResult: null,
      saveError: null,
      async test(draft) {
        set({ busy: 'testing', testResult: null, saveError: null });
        const asked = generation;
        const outcome = await api.phones.test({
          url: draft.url,
          username: draft.username,
          password: draft.password,
          ...(draft.acceptFingerprint ? { acceptFingerprint: draft.acceptFingerprint } : {}),
        });
        if (asked !== generation) {
          set({ busy: null });
          return null;
        }
        if (!outcome.ok) {
          set({ busy: null, saveError: outcome.error.message });
          return null;
        }
        set({ busy: null, testResult: outcome.value });
        return outcome.value;
      },
      async add(draft) {
        set({ busy: 'saving', saveError: null });
        const outcome = await api.phones.add(draft);
        if (!outcome.ok) {
          set({ busy: null, saveError: outcome.error.message });
          return null;
        }
        set({ busy: null, testResult: null });
        await afterChange(`${outcome.value.name} added.`, outcome.value.id);
        return outcome.value;
      },
      async update(phoneId, patch) {
        set({ busy: 'saving', saveError: null });
        const outcome = await api.phones.update({ phoneId, ...patch });
        set({ busy: null });
        if (!outcome.ok) {
          set({ saveError: outcome.error.message });
          return false;
        }
        await afterChange(`${outcome.value.name} saved.`);
        return true;
      },
      async remove(phoneId) {
        const outcome = await api.phones.remove({ phoneId });
        if (!outcome.ok) {
          notices.getState().push('error', `Removing the phone failed: ${outcome.error.message}`);
          return false;
        }
        await afterChange('Phone removed.');
        return true;
      },
      async acceptCertificate(phoneId, fingerprint) {
        const outcome = await api.phones.acceptCertificate({ phoneId, fingerprint });
        if (!outcome.ok) {
          notices
            .getState()
            .push('error', `Accepting the certificate failed: ${outcome.error.message}`);
          return false;
        }
        await afterChange('Certificate accepted.');
        return true;
      },
      async addDemo() {
        set({ busy: 'demo', saveError: null });
        const outcome = await api.phones.addDemo({});
        set({ busy: null });
        if (!outcome.ok) {
          set({ saveError: outcome.error.message });
          return false;
        }
        await afterChange('The demo phone is ready: try dialling 1001.', outcome.value.id);
        return true;
      },
      clear() {
        set({ testResult: null, saveError: null, busy: null });
      },
      forget() {
        generation += 1;
        set({ testResult: null, saveError: null });
      },
    };
  });
}

export type SetupStore = ReturnType<typeof createSetupStore>;
