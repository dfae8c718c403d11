/** Local address book entries and the import preview the UI shows before committing. */

export interface ContactNumber {
  /** Free label such as "mobile", "work". */
  label: string;
  /** As entered or imported, for display. */
  number: string;
  /**
   * Normalised dialable form (E.164 where the number library could parse it), or null if not
   * dialable. An extension follows as ",digits" ("+15551234567,89"), which the dial-target
   * parser reads back as post-dial digits.
   */
  dialable: string | null;
}

export interface Contact {
  id: string;
  name: string;
  company: string;
  numbers: ContactNumber[];
  favourite: boolean;
  updatedAt: number;
}

/**
 * What changed in the address book, as pushed to every window: contacts added or edited
 * (whole), and the ids of those removed. Windows keep their own list and apply it.
 */
export interface ContactsChange {
  changed: Contact[];
  removed: string[];
}

export interface SkippedImportRow {
  /** 1-based record number in the file (card or CSV row). */
  record: number;
  reason: string;
}

export interface ContactImportPreview {
  previewId: string;
  format: 'vcard' | 'csv';
  /** Exactly what the import adds. */
  contacts: Omit<Contact, 'id' | 'updatedAt'>[];
  /** Records left out entirely, each with why: `contacts.length + skipped.length` is every record. */
  skipped: SkippedImportRow[];
  /** Records imported without part of what they hold (a number that cannot be dialled), and what. */
  notes: SkippedImportRow[];
}
