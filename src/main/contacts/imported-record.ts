import type { SkippedImportRow } from '../../shared/contacts';

/** One contact as read from an import file, before its numbers are normalised. */
export interface ImportedRecord {
  /** 1-based record number in the file: the card, or the spreadsheet row (header = row 1). */
  record: number;
  name: string;
  company: string;
  numbers: { label: string; number: string }[];
}

/** What a file reader found: readable records, and the records it could not read and why. */
export interface ImportedFile {
  records: ImportedRecord[];
  skipped: SkippedImportRow[];
}
