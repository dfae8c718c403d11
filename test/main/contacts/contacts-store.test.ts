import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import {
  ContactsStore,
  MAX_CONTACTS,
  type ContactInput,
} from '../../../src/main/contacts/contacts-store';
import { DeskpilotError } from '../../../src/main/ground/deskpilot-error';
import type { ContactsChange } from '../../../src/shared/contacts';
import { fixture, tempDataDir } from './fixture';

const alice: ContactInput = {
  name: 'Alice Smith',
  company: 'Example Corp',
  numbers: [
    { label: 'work', number: '+1 (555) 123-4567' },
    { label: 'desk', number: '4567' },
  ],
  favourite: true,
};

function codeOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    return error instanceof DeskpilotError ? error.code : 'not a DeskpilotError';
  }
  return undefined;
}

describe('ContactsStore', () => {
  it('keeps contacts across instances, numbers normalised, sorted by name', () => {
    const dataDir = tempDataDir();
    const first = new ContactsStore({ dataDir });
    first.add({ ...alice, name: 'zoe Quinn', favourite: false });
    const added = first.add(alice);
    expect(added.numbers).toEqual([
      { label: 'work', number: '+1 (555) 123-4567', dialable: '+15551234567' },
      { label: 'desk', number: '4567', dialable: '4567' },
    ]);

    const reopened = new ContactsStore({ dataDir });
    expect(reopened.warnings).toEqual([]);
    expect(reopened.list().map((contact) => contact.name)).toEqual(['Alice Smith', 'zoe Quinn']);
    expect(reopened.list()[0]).toEqual(added);
  });

  it('updates and removes by id, and says not-found for an id that is gone', () => {
    const dataDir = tempDataDir();
    const store = new ContactsStore({ dataDir });
    const { id } = store.add(alice);
    const updated = store.update(id, { ...alice, name: 'Alice Jones', favourite: false });
    expect(updated).toMatchObject({ id, name: 'Alice Jones', favourite: false });
    expect(new ContactsStore({ dataDir }).list()).toEqual([updated]);

    store.remove(id);
    expect(new ContactsStore({ dataDir }).list()).toEqual([]);
    expect(codeOf(() => store.remove(id))).toBe('not-found');
    expect(codeOf(() => store.update(id, alice))).toBe('not-found');
  });

  it('refuses an undialable number with a message naming it, and stores nothing', () => {
    const store = new ContactsStore({ dataDir: tempDataDir() });
    const input = { ...alice, numbers: [{ label: 'x', number: 'javascript:alert(1)' }] };
    expect(() => store.add(input)).toThrow(
      /Number 1 \("javascript:alert\(1\)"\): A "javascript:" link/,
    );
    expect(codeOf(() => store.add(input))).toBe('invalid-argument');
    expect(store.list()).toEqual([]);
  });

  it('tells subscribers what changed, not the whole list, until they unsubscribe', () => {
    const store = new ContactsStore({ dataDir: tempDataDir() });
    store.add({ ...alice, name: 'Already there' });
    const seen: ContactsChange[] = [];
    const unsubscribe = store.onChange((change) => seen.push(change));
    store.onChange(() => {
      throw new Error('a closed window');
    });
    const added = store.add(alice);
    const edited = store.update(added.id, { ...alice, name: 'Alice Jones' });
    store.remove(added.id);
    unsubscribe();
    store.add(alice);
    expect(seen).toEqual([
      { changed: [added], removed: [] },
      { changed: [edited], removed: [] },
      { changed: [], removed: [added.id] },
    ]);
  });

  it(`holds at most ${MAX_CONTACTS.toLocaleString('en')} contacts, saying so and keeping an import that does not fit`, () => {
    const store = new ContactsStore({ dataDir: tempDataDir() });
    const rows = Array.from(
      { length: MAX_CONTACTS },
      (_, index) => `Person ${index},+1555${String(index).padStart(7, '0')}`,
    );
    const full = store.previewImport('many.csv', `Name,Phone\n${rows.join('\n')}`);
    expect(store.commitImport(full.previewId)).toEqual({ imported: MAX_CONTACTS });
    expect(() => store.add(alice)).toThrow(/address book is full/);
    const more = store.previewImport('more.csv', 'Name,Phone\nLate Comer,+15559999999');
    expect(() => store.commitImport(more.previewId)).toThrow(/past 10,000/);
    const [first] = store.list();
    store.remove(first?.id ?? '');
    expect(store.commitImport(more.previewId)).toEqual({ imported: 1 });
    expect(store.list()).toHaveLength(MAX_CONTACTS);
  });

  it('stores nothing until an import is committed, then adds the previewed contacts once', () => {
    const dataDir = tempDataDir();
    const store = new ContactsStore({ dataDir });
    const changes: number[] = [];
    store.onChange((change) => changes.push(change.changed.length));
    const preview = store.previewImport('outlook.csv', fixture('outlook.csv'));
    expect(store.list()).toEqual([]);

    expect(store.commitImport(preview.previewId)).toEqual({ imported: 3 });
    expect(new ContactsStore({ dataDir }).list().map((contact) => contact.name)).toEqual([
      'Fox Mulder',
      'Lone Gunmen Ltd',
      'Ms. Dana Scully',
    ]);
    expect(changes).toEqual([3]);
    expect(codeOf(() => store.commitImport(preview.previewId))).toBe('not-found');
  });

  it('skips contacts already stored, at preview time and again at commit time', () => {
    const store = new ContactsStore({ dataDir: tempDataDir() });
    const first = store.previewImport('google.csv', fixture('google.csv'));
    const second = store.previewImport('google.csv', fixture('google.csv'));
    expect(store.commitImport(first.previewId)).toEqual({ imported: 3 });
    // The second preview was made before the first commit: committing it adds nothing twice.
    expect(store.commitImport(second.previewId)).toEqual({ imported: 0 });
    expect(store.list()).toHaveLength(3);

    const third = store.previewImport('google.csv', fixture('google.csv'));
    expect(third.contacts).toEqual([]);
    expect(third.skipped).toContainEqual({
      record: 2,
      reason: '"Rear Admiral Grace Hopper" is already in your contacts',
    });
  });

  it('forgets old previews beyond the last few, so memory stays bounded', () => {
    const store = new ContactsStore({ dataDir: tempDataDir() });
    const ids = Array.from(
      { length: 6 },
      () => store.previewImport('a.vcf', fixture('outlook-2.1.vcf')).previewId,
    );
    expect(codeOf(() => store.commitImport(ids[0] ?? ''))).toBe('not-found');
    expect(store.commitImport(ids[5] ?? '')).toEqual({ imported: 2 });
  });

  it('sets a damaged file aside, reports it and starts empty instead of wiping it', () => {
    for (const damage of ['{"contacts": [{"id": ', '{"contacts": [{"id": "1", "name": 42}]}']) {
      const dataDir = tempDataDir();
      writeFileSync(join(dataDir, 'contacts.json'), damage);
      const store = new ContactsStore({ dataDir });
      expect(store.list()).toEqual([]);
      expect(store.warnings).toEqual([
        expect.stringMatching(/could not be read .* it was kept as .*contacts\.damaged-\d+\.json/),
      ]);
      const aside = readdirSync(dataDir).find((name) => name.startsWith('contacts.damaged-'));
      expect(readFileSync(join(dataDir, aside ?? ''), 'utf8')).toBe(damage);
      store.add(alice);
      expect(new ContactsStore({ dataDir }).list()).toHaveLength(1);
    }
  });

  it('writes the address book readable by this user account only', () => {
    const dataDir = tempDataDir();
    new ContactsStore({ dataDir }).add(alice);
    const file = join(dataDir, 'contacts.json');
    expect(JSON.parse(readFileSync(file, 'utf8')).contacts).toHaveLength(1);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});
