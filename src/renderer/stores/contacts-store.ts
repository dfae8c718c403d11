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
  start(): () => void;
  /** Fetches the whole list again (after the connection to the core comes back). */
  reload(): Promise<void>;
  add(input: ContactInput): Promise<Contact | null>;
  update(id: string, input: ContactInput): Promise<boolean>;
  remove(id: string): Promise<boolean>;
  toggleFavourite(contact: Contact): Promise<boolean>;
  previewImport(fileName: string, content: string): Promise<boolean>;
  commitImport(): Promise<boolean>;
  cancelImport(): void;
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
      if (!outcome.ok) {
        fail('Saving the contact', outcome.error.message);
        return null;
      }
      set({
        contacts: [...get().contacts.filter((c) => c.id !== outcome.value.id), outcome.value].sort(
          byFavouriteThenName,
        ),
      });
      notices.getState().push('success', `${outcome.value.name} added to contacts.`);
      return outcome.value;
    },
    async update(id, input) {
      const outcome = await api.contacts.update({ id, contact: input });
      if (!outcome.ok) return fail('Saving the contact', outcome.error.message);
      set({
        contacts: get()
          .contacts.map((c) => (c.id === id ? outcome.value : c))
          .sort(byFavouriteThenName),
      });
      return true;
    },
    async remove(id) {
      const outcome = await api.contacts.remove({ id });
      if (!outcome.ok) return fail('Deleting the contact', outcome.error.message);
      set({ contacts: get().contacts.filter((c) => c.id !== id) });
      return true;
    },
    toggleFavourite(contact) {
      return get().update(contact.id, {
        ...contactToInput(contact),
        favourite: !contact.favourite,
      });
    },
    async previewImport(fileName, content) {
      set({ importBusy: true });
      const outcome = await api.contacts.previewImport({ fileName, content });
      set({ importBusy: false });
      if (!outcome.ok) return fail(`Reading ${fileName}`, outcome.error.message);
      set({ preview: outcome.value, previewFileName: fileName });
      return true;
    },
    async commitImport() {
      const preview = get().preview;
      if (!preview) return false;
      set({ importBusy: true });
      const outcome = await api.contacts.commitImport({ previewId: preview.previewId });
      set({ importBusy: false });
      if (!outcome.ok) return fail('Importing', outcome.error.message);
      set({ preview: null, previewFileName: null });
      const count = outcome.value.imported;
      notices.getState().push('success', `Imported ${count} contact${count === 1 ? '' : 's'}.`);
      await get().reload();
      return true;
    },
    cancelImport() {
      set({ preview: null, previewFileName: null });
    },
  }));
}

export type ContactsStore = ReturnType<typeof createContactsStore>;
