import { describe, expect, it } from 'vitest';

import { phoneAddress, readImportRows } from '../../../src/main/core/fleet/import-rows';
import type { PhoneInfo } from '../../../src/shared/domain';

const existing: PhoneInfo[] = [
  {
    id: 'p1',
    name: 'Lobby',
    url: 'https://phone-9.invalid',
    username: 'Polycom',
    hasPassword: true,
    pinnedFingerprint: null,
    pollIntervalIdleMs: 3000,
    pollIntervalActiveMs: 1000,
    demo: false,
    group: null,
  },
];

describe('reading a fleet import file', () => {
  it('finds its columns by header in any case and order, and fills in what the caller gives', () => {
    const csv = [
      '\uFEFFPASSWORD;Group;URL;User Name;Name',
      ';;phone-1.invalid;;Desk 1',
      'own-secret;Sales;http://phone-2.invalid:8080;admin2;Desk 2',
    ].join('\r\n');
    const rows = readImportRows(csv, { password: 'shared', group: 'Reception' }, existing);
    expect(rows).toEqual([
      {
        line: 2,
        name: 'Desk 1',
        url: 'https://phone-1.invalid',
        group: 'Reception',
        username: 'Polycom',
        password: 'shared',
        reason: null,
      },
      {
        line: 3,
        name: 'Desk 2',
        url: 'http://phone-2.invalid:8080',
        group: 'Sales',
        username: 'admin2',
        password: 'own-secret',
        reason: null,
      },
    ]);
  });

  it('gives every row that cannot be added its reason, never quoting a password', () => {
    const csv = [
      'name,address,group,password',
      'Desk 1,phone-1.invalid,,pw-one',
      ',phone-2.invalid,,pw-two',
      'Desk 3,,,pw-three',
      'Desk 4,ftp://phone-4.invalid,,pw-four',
      'Desk 1,phone-5.invalid,,pw-five',
      'Desk 6,https://phone-1.invalid/,,pw-six',
      'lobby,phone-7.invalid,,pw-seven',
      'Desk 8,phone-9.invalid,,pw-eight',
      'Desk 9,phone-10.invalid,,',
      `Desk 10,phone-11.invalid,${'g'.repeat(41)},pw-ten`,
      'Desk 11,"phone-12.invalid,,pw-eleven',
    ].join('\n');
    const reasons = readImportRows(csv, {}, existing).map((row) => [row.line, row.reason]);
    expect(reasons).toEqual([
      [2, null],
      [3, 'No name.'],
      [4, 'No address.'],
      [
        5,
        expect.stringMatching(
          /^The address "ftp:\/\/phone-4\.invalid" is not valid: .*https?:\/\//,
        ),
      ],
      [6, 'The name "Desk 1" is already on line 2.'],
      [7, 'The address https://phone-1.invalid is already on line 2.'],
      [8, 'A phone called "lobby" already exists.'],
      [9, 'The phone "Lobby" already has the address https://phone-9.invalid.'],
      [10, 'No password: give a password column or one shared password for the file.'],
      [11, 'The group is not valid: a group name has at most 40 characters.'],
      [12, 'The row has an unclosed quote and could not be read.'],
    ]);
    expect(JSON.stringify(reasons)).not.toMatch(/pw-/);
  });

  it('refuses a file without a name or address column, and one too long for an import', () => {
    expect(() => readImportRows('name,phone\nDesk,1234', {}, [])).toThrow(
      /no address \(or url\) column .*name, phone/,
    );
    expect(() => readImportRows('host\nphone-1.invalid', {}, [])).toThrow(/no name column/);
    const tooMany = ['name,address', ...Array.from({ length: 5001 }, (_, i) => `D${i},10.1.${i}`)];
    expect(() => readImportRows(tooMany.join('\n'), { password: 'x' }, [])).toThrow(
      /5001 rows; an import takes at most 5000/,
    );
  });

  it('takes a bare host or host:port as HTTPS and leaves an address with a scheme alone', () => {
    expect(phoneAddress(' phone-20.invalid ')).toBe('https://phone-20.invalid');
    expect(phoneAddress('desk-3.example:8443')).toBe('https://desk-3.example:8443');
    expect(phoneAddress('http://phone-20.invalid')).toBe('http://phone-20.invalid');
    expect(phoneAddress('')).toBe('');
  });
});
