import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach } from 'vitest';

import { ContactsStore } from '../../../src/main/contacts/contacts-store';

const FIXTURES = join(import.meta.dirname, '../../fixtures/contacts');

/** The text of a fixture file from test/fixtures/contacts. */
export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

const created: string[] = [];
afterEach(() => {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh data directory, removed after the test. */
export function tempDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'deskpilot-contacts-'));
  created.push(dir);
  return dir;
}

/** What importing `fileName` (by default the fixture of that name) into a fresh store would do. */
export function previewImport(fileName: string, content = fixture(fileName)) {
  return new ContactsStore({ dataDir: tempDataDir() }).previewImport(fileName, content);
}
