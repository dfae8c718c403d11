import { createStore } from 'zustand/vanilla';
import type { Contact, ContactImportPreview, ContactsChange } from '../../shared/contacts';
import type { DeskpilotApi } from '../../shared/contract/api';
import type { RequestArgs } from '../../shared/contract';
import type { NoticesStore } from './notices-store';

export type ContactInput = RequestArgs<'contacts.add'>;

export interface ContactsState {
  phase: 'loading' | 'ready' | 'failed';
  contacts: Contact[];
  /** The import being previewed, with what will be skipped and why; null when none. */
  preview: ContactImportPreview | null;
  previewFileName: string | null;
  importBusy: boolean;
  /** Why the last file could not be read or imported, shown beside the import; null when none. */
  importError: string | null;
  start(): () => void;
  /** Fetches the whole list again (after the connection to the core comes back). */
  reload(): Promise<void>;
  /** Adds a contact; resolves to null when saved, or the core's reason it was not (for the form). */
  add(input: ContactInput): Promise<string | null>;
  /** Saves an edit; resolves to null when saved, or the core's reason it was not (for the form). */
  update(id: string, input: ContactInput): Promise<string | null>;
  remove(id: string): Promise<boolean>;
  toggleFavourite(contact: Contact): Promise<boolean>;
  previewImport(fileName: string, content: string): Promise<boolean>;
  commitImport(): Promise<boolean>;
  cancelImport(): void;
  /** The chosen file could not be read at all (moved, no permission): said beside the import. */
  fileUnreadable(fileName: string): void;
}

/** A contact as the form input the contract takes (drops ids and normalised forms). */
function contactToInput(contact: Contact): ContactInput {
  return {
    name: contact.name,
    company: contact.company,
    favourite: contact.favourite,
    numbers: contact.numbers.map(({ label, number }) => ({ label, number })),
  };
}

/** The list with a change from the core applied: removed ones gone, changed ones replaced or added. */
function applyChange(contacts: Contact[], change: ContactsChange): Contact[] {
  const gone = new Set([...change.removed, ...change.changed.map((contact) => contact.id)]);
  return [...contacts.filter((contact) => !gone.has(contact.id)), ...change.changed].sort(
    byFavouriteThenName,
  );
}

function byFavouriteThenName(a: Contact, b: Contact): number {
  if (a.favourite !== b.favourite) return a.favourite ? -1 : 1;
  return a.name.localeCompare(b.name);
}

/** The local address book: list, edits, and the two-step import (preview, then commit). */
export function createContactsStore(api: DeskpilotApi, notices: NoticesStore) {
  const fail = (action: string, message: string) => {
    notices.getState().push('error', `${action} failed: ${message}`);
    return false;
  };

  return createStore<ContactsState>()((set, get) => ({
    phase: 'loading',
    contacts: [],
    preview: null,
    previewFileName: null,
    importBusy: false,
    importError: null,
    start() {
      const unsubscribe = api.events.on('contacts-changed', (change) =>
        set({ contacts: applyChange(get().contacts, change) }),
      );
      void get().reload();
      return unsubscribe;
    },
    async reload() {
      const outcome = await api.contacts.list({});
      if (outcome.ok)
        set({ contacts: [...outcome.value].sort(byFavouriteThenName), phase: 'ready' });
      else set({ phase: 'failed' });
    },
    async add(input) {
      const outcome = await api.contacts.add(input);
      if (!outcome.ok) return outcome.error.message;
      set({
        contacts: [...get().contacts.filter((c) => c.id !== outcome.value.id), outcome.value].sort(
          byFavouriteThenName,
        ),
      });
      notices.getState().push('success', `${outcome.value.name} added to contacts.`);
      return null;
    },
    async update(id, input) {
      const outcome = await api.contacts.update({ id, contact: input });
      if (!outcome.ok) return outcome.error.message;
      set({
        contacts: get()
          .contacts.map((c) => (c.id === id ? outcome.value : c))
          .sort(byFavouriteThenName),
      });
      return null;
    },
    async remove(id) {
      const outcome = await api.contacts.remove({ id });
      if (!outcome.ok) return fail('Deleting the contact', outcome.error.message);
      set({ contacts: get().contacts.filter((c) => c.id !== id) });
      return true;
    },
    async toggleFavourite(contact) {
      const problem = await get().update(contact.id, {
        ...contactToInput(contact),
        favourite: !contact.favourite,
      });
      return problem === null || fail('Saving the contact', problem);
    },
    async previewImport(fileName, content) {
      set({ importBusy: true, importError: null, preview: null, previewFileName: null });
      const outcome = await api.contacts.previewImport({ fileName, content });
      set({ importBusy: false });
      if (!outcome.ok) {
        set({ importError: `${fileName} cannot be imported: ${outcome.error.message}` });
        return false;
      }
      set({ preview: outcome.value, previewFileName: fileName });
      return true;
    },
    async commitImport() {
      const preview = get().preview;
      if (!preview) return false;
      set({ importBusy: true, importError: null });
      const outcome = await api.contacts.commitImport({ previewId: preview.previewId });
      set({ importBusy: false });
      if (!outcome.ok) {
        set({ importError: `Importing failed: ${outcome.error.message}` });
        return false;
      }
      set({ preview: null, previewFileName: null });
      const count = outcome.value.imported;
      notices.getState().push('success', `Imported ${count} contact${count === 1 ? '' : 's'}.`);
      await get().reload();
      return true;
    },
    cancelImport() {
      set({ preview: null, previewFileName: null, importError: null });
    },
    fileUnreadable(fileName) {
      set({ importError: `Reading ${fileName} failed: it cannot be opened.` });
    },
  }));
}

export type ContactsStore = ReturnType<typeof createContactsStore>;
