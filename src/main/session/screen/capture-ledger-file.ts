/**
 * The file where each phone's session records the capture settings it must put back
 * (`screen-capture-restore.json` in the data directory): written before the phone is changed and
 * emptied once the values are back, so a run that was killed meanwhile leaves the record, and the
 * next run puts the values back when it starts the phone's session. Written whole to a
 * neighbouring file and renamed over the old one, so a crash mid-write leaves one or the other.
 * A damaged or oversized file is read as empty (there is nothing else to do with it) and said so.
 */
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';

import { z } from 'zod';

import type { CaptureLedger } from './capture-switch';

/** Far more than a few phones' records take; a larger file is not one this code wrote. */
const MAX_FILE_BYTES = 64 * 1024;

const records = z.record(z.string().max(64), z.record(z.string().max(64), z.string().max(64)));

/** The restore records of every phone; see the module comment. */
export class CaptureLedgerFile {
  constructor(
    private readonly path: string,
    private readonly warn: (line: string) => void = () => undefined,
  ) {}

  /** The ledger of one phone. */
  forPhone(phoneId: string): CaptureLedger {
    return {
      pending: () => this.readAll()[phoneId] ?? null,
      record: (values) => this.update(phoneId, values),
      clear: () => this.update(phoneId, null),
    };
  }

  private readAll(): Record<string, Record<string, string>> {
    if (!existsSync(this.path)) return {};
    try {
      if (statSync(this.path).size > MAX_FILE_BYTES) throw new Error('the file is too large');
      return records.parse(JSON.parse(readFileSync(this.path, 'utf8')));
    } catch (error) {
      this.warn(
        `Deskpilot: the record of screen capture settings to put back (${this.path}) could not be read and was ignored (${error instanceof Error ? error.message : 'unreadable'}).`,
      );
      return {};
    }
  }

  private update(phoneId: string, values: Record<string, string> | null): void {
    const others = Object.entries(this.readAll()).filter(([id]) => id !== phoneId);
    const all = Object.fromEntries(values === null ? others : [...others, [phoneId, values]]);
    const next = `${this.path}.next`;
    writeFileSync(next, `${JSON.stringify(all, null, 2)}\n`, { mode: 0o600 });
    renameSync(next, this.path);
  }
}
