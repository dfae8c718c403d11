/**
 * The local address book: at most MAX_CONTACTS contacts persisted with conf in
 * `<dataDir>/contacts.json` (atomic writes, validated on load and on every write), imports
 * previewed before they are committed, and a feed of what changed for the UI.
 */
import { randomUUID } from 'node:crypto';

import type Conf from 'conf';
import { z } from 'zod';

import type {
  Contact,
  ContactImportPreview,
  ContactNumber,
  ContactsChange,
} from '../../shared/contacts';
import type { ParsedArgs } from '../../shared/contract';
import { DeskpilotError } from '../ground/deskpilot-error';
import { errorText, openConfFile, toConfSchema, type ConfOpener } from '../ground/conf-file';
import { normaliseContactNumber } from './contact-number';
import { buildImportPreview, DuplicateIndex, type CandidateContact } from './import-preview';

/** A contact as the 'contacts.add' schema delivers it (name, company, numbers, favourite). */
export type ContactInput = ParsedArgs<'contacts.add'>;

/** Previews are whole files held in memory until committed; only the latest few are kept. */
const MAX_PENDING_PREVIEWS = 4;

/** The most contacts the address book holds (as many as one import file may bring). */
export const MAX_CONTACTS = 10_000;

const storedContactSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().min(1).max(200),
  company: z.string().max(200),
  numbers: z
    .array(
      z.object({
        label: z.string().max(40),
        number: z.string().min(1).max(256),
        dialable: z.string().max(300).nullable(),
      }),
    )
    .max(20),
  favourite: z.boolean(),
  updatedAt: z.number().int().nonnegative(),
});

/** A type, not an interface: conf wants a plain record type. */
type ContactsFile = {
  contacts: Contact[];
};

/** One collator for every comparison: localeCompare with options builds one per call. */
const nameCollator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Sorted as an address book is read: by name, ignoring case and accents, "Room 9" before "Room 10". */
function byName(a: Contact, b: Contact): number {
  return nameCollator.compare(a.name, b.name) || a.id.localeCompare(b.id);
}

/** Normalises every number of a hand-typed contact; an undialable one is an argument error. */
function normaliseInputNumbers(input: ContactInput): ContactNumber[] {
  return input.numbers.map(({ label, number }, index) => {
    const normalised = normaliseContactNumber(label, number);
    if (!normalised.ok) {
      throw new DeskpilotError(
        'invalid-argument',
        `Number ${index + 1} ("${number.slice(0, 60)}"): ${normalised.message}`,
      );
    }
    return normalised.value;
  });
}

export class ContactsStore {
  /** Problems found while loading, in words (e.g. a damaged file that was set aside). */
  readonly warnings: string[] = [];
  private readonly conf: Conf<ContactsFile>;
  /** The file is read once; this process is its only writer. */
  private contacts: Contact[];
  private readonly previews = new Map<string, CandidateContact[]>();
  private readonly listeners = new Set<(change: ContactsChange) => void>();

  /** `open`: how the file is opened (default: conf). */
  constructor(options: { dataDir: string; open?: ConfOpener }) {
    this.conf = openConfFile<ContactsFile>({
      open: options.open,
      dataDir: options.dataDir,
      configName: 'contacts',
      schema: { contacts: toConfSchema(z.array(storedContactSchema)) },
      defaults: { contacts: [] },
      freshStart: 'an empty address book was started',
      warnings: this.warnings,
    });
    this.contacts = this.conf.get('contacts');
  }

  /** Every contact, sorted by name. */
  list(): Contact[] {
    return [...this.contacts].sort(byName);
  }

  /** Adds a contact typed by hand; every number must be dialable. */
  add(input: ContactInput): Contact {
    this.requireRoom(1, false);
    const contact = this.build(randomUUID(), input);
    this.save([...this.contacts, contact], { changed: [contact], removed: [] });
    return contact;
  }

  /** Replaces the contact `id` with `input`; not-found if there is no such contact. */
  update(id: string, input: ContactInput): Contact {
    this.require(id);
    const contact = this.build(id, input);
    this.save(
      this.contacts.map((existing) => (existing.id === id ? contact : existing)),
      { changed: [contact], removed: [] },
    );
    return contact;
  }

  /** Deletes the contact `id`; not-found if there is no such contact. */
  remove(id: string): void {
    this.require(id);
    this.save(
      this.contacts.filter((contact) => contact.id !== id),
      { changed: [], removed: [id] },
    );
  }

  /**
   * Reads a vCard or CSV file into a preview of what would be imported and what is skipped and
   * why. Nothing is stored until commitImport(previewId).
   */
  previewImport(fileName: string, content: string): ContactImportPreview {
    const body = buildImportPreview(fileName, content, this.contacts);
    const previewId = randomUUID();
    this.previews.set(previewId, body.contacts);
    for (const stale of [...this.previews.keys()].slice(0, -MAX_PENDING_PREVIEWS)) {
      this.previews.delete(stale);
    }
    return { previewId, ...body };
  }

  /**
   * Adds the contacts of a preview. Duplicates are checked again, since contacts may have been
   * added since the preview; `imported` counts the contacts actually added.
   */
  commitImport(previewId: string): { imported: number } {
    const candidates = this.previews.get(previewId);
    if (candidates === undefined) {
      throw new DeskpilotError(
        'not-found',
        'That import preview is no longer available (already imported, or replaced by newer previews); preview the file again.',
      );
    }
    const next = [...this.contacts];
    const index = new DuplicateIndex(next);
    const now = Date.now();
    for (const candidate of candidates) {
      if (index.find(candidate)) continue;
      const contact = { ...candidate, id: randomUUID(), updatedAt: now };
      next.push(contact);
      index.add(contact);
    }
    const added = next.slice(this.contacts.length);
    // Refused, the preview stays: the user can make room and commit it again.
    this.requireRoom(added.length, true);
    this.previews.delete(previewId);
    if (added.length > 0) this.save(next, { changed: added, removed: [] });
    return { imported: added.length };
  }

  /** Calls `listener` with what changed after every change; returns the unsubscribe. */
  onChange(listener: (change: ContactsChange) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private build(id: string, input: ContactInput): Contact {
    return {
      id,
      name: input.name.trim(),
      company: input.company.trim(),
      numbers: normaliseInputNumbers(input),
      favourite: input.favourite,
      updatedAt: Date.now(),
    };
  }

  /** Refuses an addition (by hand, or an import) that would take the book past MAX_CONTACTS. */
  private requireRoom(adding: number, importing: boolean): void {
    if (this.contacts.length + adding <= MAX_CONTACTS) return;
    throw new DeskpilotError(
      'invalid-argument',
      !importing
        ? `The address book is full (${MAX_CONTACTS.toLocaleString('en')} contacts); remove some first.`
        : `Importing ${adding.toLocaleString('en')} contact${adding === 1 ? '' : 's'} would take the address book past ${MAX_CONTACTS.toLocaleString('en')}; remove some first or import a smaller file.`,
    );
  }

  private require(id: string): void {
    if (!this.contacts.some((contact) => contact.id === id)) {
      throw new DeskpilotError(
        'not-found',
        'That contact no longer exists; it may have been deleted.',
      );
    }
  }

  private save(contacts: Contact[], change: ContactsChange): void {
    try {
      // Assigning the whole store skips conf.set's re-read and re-validation of the old file.
      this.conf.store = { contacts };
    } catch (error) {
      throw new DeskpilotError('internal', `The contacts could not be saved: ${errorText(error)}`);
    }
    this.contacts = contacts;
    for (const listener of [...this.listeners]) {
      try {
        listener(change);
      } catch {
        // The change is saved; a failing subscriber (a closed window) must not turn it into an error.
      }
    }
  }
}
