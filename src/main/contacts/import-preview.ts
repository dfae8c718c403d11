/**
 * Turns an import file into the preview the user confirms: the contacts that would be added, and
 * every record left out with the reason (no name, no number, undialable number, duplicate).
 */
import type { Contact, ContactImportPreview, ContactNumber } from '../../shared/contacts';
import { DeskpilotError } from '../ground/deskpilot-error';
import { normaliseContactNumber } from './contact-number';
import { readCsv } from './csv-reader';
import type { ImportedRecord } from './imported-record';
import { readVcards } from './vcard-reader';

/** Larger address books exist, but not on a desk phone's side: refuse rather than stall the core. */
export const MAX_IMPORT_RECORDS = 10_000;
/** The same limits the 'contacts.add' schema puts on a contact typed by hand. */
const MAX_NAME_LENGTH = 200;
const MAX_LABEL_LENGTH = 40;
const MAX_NUMBERS = 20;

export type CandidateContact = ContactImportPreview['contacts'][number];
type PreviewBody = Omit<ContactImportPreview, 'previewId'>;

/** vCard when the name or the content says so, CSV otherwise. */
function detectFormat(fileName: string, content: string): 'vcard' | 'csv' {
  if (/\.(vcf|vcard)$/i.test(fileName)) return 'vcard';
  if (/\.(csv|tsv|txt)$/i.test(fileName)) return 'csv';
  return /^\uFEFF?\s*BEGIN:VCARD/i.test(content) ? 'vcard' : 'csv';
}

function comparableName(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Finds contacts that a candidate would duplicate: the same name (ignoring case and spacing) and
 * no dialable number that contact lacks. Indexed by name so a 10,000-card import stays linear.
 */
export class DuplicateIndex<T extends CandidateContact> {
  private readonly byName = new Map<string, T[]>();

  constructor(contacts: Iterable<T> = []) {
    for (const contact of contacts) this.add(contact);
  }

  /** Makes `contact` findable. */
  add(contact: T): void {
    const key = comparableName(contact.name);
    const sameName = this.byName.get(key);
    if (sameName) sameName.push(contact);
    else this.byName.set(key, [contact]);
  }

  /** The contact `candidate` adds nothing to, if any. */
  find(candidate: CandidateContact): T | undefined {
    return this.byName
      .get(comparableName(candidate.name))
      ?.find((contact) =>
        candidate.numbers.every((number) =>
          contact.numbers.some((known) => known.dialable === number.dialable),
        ),
      );
  }
}

/** Normalises a record's numbers; the refusal message of each undialable one is kept. */
function normaliseNumbers(record: ImportedRecord): {
  numbers: ContactNumber[];
  refused: string[];
} {
  const numbers: ContactNumber[] = [];
  const refused: string[] = [];
  for (const { label, number } of record.numbers) {
    const normalised = normaliseContactNumber(label.slice(0, MAX_LABEL_LENGTH), number);
    if (normalised.ok) numbers.push(normalised.value);
    else refused.push(`"${number.slice(0, 60)}": ${normalised.message}`);
  }
  return { numbers, refused };
}

interface Indexes {
  existing: DuplicateIndex<Contact>;
  earlier: DuplicateIndex<CandidateContact>;
}

function addRecord(preview: PreviewBody, record: ImportedRecord, indexes: Indexes): void {
  const skip = (reason: string) => {
    preview.skipped.push({ record: record.record, reason });
  };
  const name = record.name.slice(0, MAX_NAME_LENGTH);
  if (name === '') return skip('it has no name (neither a name nor a company)');
  if (record.numbers.length === 0) return skip(`"${name}" has no phone number`);
  const { numbers, refused } = normaliseNumbers(record);
  if (numbers.length === 0) {
    return skip(`"${name}" has no dialable number: ${refused.join('; ')}`);
  }
  const candidate: CandidateContact = {
    name,
    company: record.company.slice(0, MAX_NAME_LENGTH),
    numbers: numbers.slice(0, MAX_NUMBERS),
    favourite: false,
  };
  if (indexes.existing.find(candidate)) return skip(`"${name}" is already in your contacts`);
  if (indexes.earlier.find(candidate)) {
    return skip(`"${name}" repeats an earlier record of this file`);
  }
  indexes.earlier.add(candidate);
  preview.contacts.push(candidate);
  // Partly imported records are reported too, apart from the skipped ones, so nothing
  // disappears silently and the counts stay exact.
  const note = (text: string) => preview.notes.push({ record: record.record, reason: text });
  for (const message of refused) note(`"${name}" is imported without the number ${message}`);
  if (numbers.length > MAX_NUMBERS) {
    note(`"${name}" is imported with its first ${MAX_NUMBERS} of ${numbers.length} numbers`);
  }
}

/** Reads `content` as vCard or CSV and builds the preview against the contacts already stored. */
export function buildImportPreview(
  fileName: string,
  content: string,
  existing: readonly Contact[],
): PreviewBody {
  const format = detectFormat(fileName, content);
  const file = format === 'vcard' ? readVcards(content) : readCsv(content);
  const total = file.records.length + file.skipped.length;
  if (total === 0) {
    throw new DeskpilotError(
      'invalid-argument',
      format === 'vcard'
        ? `${fileName} holds no vCard (no BEGIN:VCARD line).`
        : `${fileName} holds no contact rows below its header.`,
    );
  }
  if (total > MAX_IMPORT_RECORDS) {
    throw new DeskpilotError(
      'invalid-argument',
      `${fileName} holds ${total} records; at most ${MAX_IMPORT_RECORDS} can be imported at once.`,
    );
  }
  const preview: PreviewBody = { format, contacts: [], skipped: [...file.skipped], notes: [] };
  const indexes = { existing: new DuplicateIndex(existing), earlier: new DuplicateIndex() };
  for (const record of file.records) addRecord(preview, record, indexes);
  preview.skipped.sort((a, b) => a.record - b.record);
  preview.notes.sort((a, b) => a.record - b.record);
  return preview;
}
