import { describe, expect, it } from 'vitest';

import { ContactsStore } from '../../../src/main/contacts/contacts-store';
import { MAX_IMPORT_RECORDS } from '../../../src/main/contacts/import-preview';
import { fixture, previewImport as preview, tempDataDir } from './fixture';

describe('CSV import preview', () => {
  it('reads an Outlook export: quoted commas and newlines, phone columns labelled by header', () => {
    const result = preview('outlook.csv');
    expect(result.format).toBe('csv');
    expect(result.contacts).toEqual([
      {
        name: 'Ms. Dana Scully',
        company: 'FBI',
        favourite: false,
        numbers: [
          { label: 'fax', number: '+1 202 555 0100', dialable: '+12025550100' },
          { label: 'work', number: '+1 (202) 555-0143', dialable: '+12025550143' },
          { label: 'mobile', number: '(202) 555-0199', dialable: '2025550199' },
        ],
      },
      {
        name: 'Fox Mulder',
        company: 'FBI, X-Files Division',
        favourite: false,
        numbers: [{ label: 'home', number: '202.555.0111 x 42', dialable: '2025550111,42' }],
      },
      {
        name: 'Lone Gunmen Ltd',
        company: 'Lone Gunmen Ltd',
        favourite: false,
        numbers: [{ label: 'work', number: '+1 555 010 2020', dialable: '+15550102020' }],
      },
    ]);
  });

  it('reports Outlook rows by spreadsheet row number: no number, undialable, no name, duplicate', () => {
    expect(preview('outlook.csv').skipped).toEqual([
      { record: 5, reason: '"Walter Skinner" has no phone number' },
      {
        record: 6,
        reason: expect.stringMatching(/^"Cigarette Man" has no dialable number: "unknown"/),
      },
      { record: 7, reason: 'it has no name (neither a name nor a company)' },
      { record: 8, reason: '"Ms. dana scully" repeats an earlier record of this file' },
    ]);
  });

  it('reads a Google export: "Phone N - Label/Value" pairs, " ::: " multi-values, "* " primary marks', () => {
    const result = preview('google.csv');
    expect(result.contacts.map((contact) => contact.name)).toEqual([
      'Rear Admiral Grace Hopper',
      'Ada Lovelace',
      'Linus Torvalds',
    ]);
    expect(result.contacts[0]?.numbers.map((number) => [number.label, number.dialable])).toEqual([
      ['mobile', '+15552010001'],
      ['mobile', '+15552010002'],
      ['work', '+15552010003'],
    ]);
    expect(result.contacts[1]?.numbers[0]?.label).toBe('home');
    expect(result.contacts[2]?.numbers[0]?.dialable).toBe('+358912345678,9');
    expect(result.skipped).toEqual([
      { record: 4, reason: '"Alan Turing" has no phone number' },
      { record: 6, reason: 'it has no name (neither a name nor a company)' },
    ]);
  });

  it('reads a semicolon-separated Excel sheet with a BOM and reports a row with a broken quote', () => {
    const result = preview('excel-semicolon.csv');
    expect(result.contacts).toEqual([
      {
        name: 'Maria Rossi',
        company: 'Rossi; Figli & C. S.p.A.',
        favourite: false,
        numbers: [
          { label: 'phone', number: '+39 06 1234 5678', dialable: '+390612345678' },
          { label: 'mobile', number: '+39 333 123 4567', dialable: '+393331234567' },
        ],
      },
      {
        name: 'Jean "JJ" Dupont',
        company: 'Dupont SARL',
        favourite: false,
        numbers: [{ label: 'phone', number: '01 23 45 67 89', dialable: '0123456789' }],
      },
    ]);
    expect(result.skipped).toEqual([
      { record: 4, reason: 'the row has an unclosed quote and could not be read' },
    ]);
  });

  it('counts exactly: a partly imported row is a note, not a skip; a row with extra values is skipped, never shifted', () => {
    const content = [
      'Name,Company,Phone,Mobile',
      'Ada Lovelace,Analytical,+44 20 7946 0001,call me',
      'Grace Hopper,Navy,+1 555 201 0001,+1 555 201 0002',
      '',
      'Alan Turing,Bletchley, Park,+44 161 496 0000,',
      'Linus Torvalds,,,',
      'Ken Thompson,Bell Labs,+1 555 010 4000,',
    ].join('\n');
    const result = preview('people.csv', content);
    expect(result.contacts.map((contact) => [contact.name, contact.company])).toEqual([
      ['Ada Lovelace', 'Analytical'],
      ['Grace Hopper', 'Navy'],
      ['Ken Thompson', 'Bell Labs'],
    ]);
    // Spreadsheet rows: the header is row 1 and the empty line row 4.
    expect(result.skipped).toEqual([
      {
        record: 5,
        reason: expect.stringMatching(
          /^the row has 5 values but the header names 4 columns, so its values cannot be matched/,
        ),
      },
      { record: 6, reason: '"Linus Torvalds" has no phone number' },
    ]);
    expect(result.notes).toEqual([
      {
        record: 2,
        reason: expect.stringMatching(/^"Ada Lovelace" is imported without the number "call me"/),
      },
    ]);
  });

  it('refuses a sheet with no recognisable columns, naming what it found', () => {
    expect(() => preview('list.csv', 'Colour,Size\nred,XL\n')).toThrow(
      /no recognisable name column \(its first columns are: Colour, Size\)/,
    );
    expect(() => preview('list.csv', 'Name,Email\nAda,ada@example.com\n')).toThrow(
      /no recognisable phone column/,
    );
  });

  it('refuses files with more records than one import may hold', () => {
    const rows = Array.from({ length: MAX_IMPORT_RECORDS + 1 }, (_, index) => `P${index},${index}`);
    expect(() => preview('big.csv', ['Name,Phone', ...rows].join('\n'))).toThrow(
      `holds ${MAX_IMPORT_RECORDS + 1} records`,
    );
  });
});

describe('CSV import of a hostile file', () => {
  it('imports only dialable numbers and names the reason for every refused one', () => {
    const result = preview('hostile.csv');
    expect(result.contacts.map((contact) => [contact.name, contact.numbers[0]?.dialable])).toEqual([
      ['=HYPERLINK("http://evil.example","Click")', '+15550104444'],
      ['Padded', '+15550107777'],
      ['<img src=x onerror=alert(1)>', '+15550108888'],
    ]);
    // The stored display form loses the invisible padding.
    expect(result.contacts[1]?.numbers[0]?.number).toBe('+1 555 010 7777');
    expect(result.skipped.map((row) => [row.record, row.reason.replace(/^.*?: /, '')])).toEqual([
      [3, expect.stringMatching(/control character/)],
      [4, expect.stringMatching(/";", which is not part of a phone number/)],
      [5, expect.stringMatching(/"javascript:" link/)],
      [6, expect.stringMatching(/control character/)],
      [8, expect.stringMatching(/300 characters long/)],
    ]);
  });

  it('stores a padded number without overflowing the file schema', () => {
    const store = new ContactsStore({ dataDir: tempDataDir() });
    const { previewId } = store.previewImport('hostile.csv', fixture('hostile.csv'));
    expect(store.commitImport(previewId)).toEqual({ imported: 3 });
  });
});
