import { describe, expect, it } from 'vitest';

import { phoneAddress, readImportRows } from '../../../src/main/core/fleet/import-rows';
import type { PhoneInfo } from '../../../src/shared/domain';

const existing: PhoneInfo[] = [
  {
    id: 'p1',
    name: 'Lobby',
    url: 'https://10.0.0.9',
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
      ';;10.0.0.1;;Desk 1',
      'own-secret;Sales;http://10.0.0.2:8080;admin2;Desk 2',
    ].join('\r\n');
    const rows = readImportRows(csv, { password: 'shared', group: 'Reception' }, existing);
    expect(rows).toEqual([
      {
        line: 2,
        name: 'Desk 1',
        url: 'https://10.0.0.1',
        group: 'Reception',
        username: 'Polycom',
        password: 'shared',
        reason: null,
      },
      {
        line: 3,
        name: 'Desk 2',
        url: 'http://10.0.0.2:8080',
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
      'Desk 1,10.0.0.1,,pw-one',
      ',10.0.0.2,,pw-two',
      'Desk 3,,,pw-three',
      'Desk 4,ftp://10.0.0.4,,pw-four',
      'Desk 1,10.0.0.5,,pw-five',
      'Desk 6,https://10.0.0.1/,,pw-six',
      'lobby,10.0.0.7,,pw-seven',
      'Desk 8,10.0.0.9,,pw-eight',
      'Desk 9,10.0.0.10,,',
      `Desk 10,10.0.0.11,${'g'.repeat(41)},pw-ten`,
      'Desk 11,"10.0.0.12,,pw-eleven',
    ].join('\n');
    const reasons = readImportRows(csv, {}, existing).map((row) => [row.line, row.reason]);
    expect(reasons).toEqual([
      [2, null],
      [3, 'No name.'],
      [4, 'No address.'],
      [5, expect.stringMatching(/^The address "ftp:\/\/10\.0\.0\.4" is not valid: .*https?:\/\//)],
      [6, 'The name "Desk 1" is already on line 2.'],
      [7, 'The address https://10.0.0.1 is already on line 2.'],
      [8, 'A phone called "lobby" already exists.'],
      [9, 'The phone "Lobby" already has the address https://10.0.0.9.'],
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
    expect(() => readImportRows('host\n10.0.0.1', {}, [])).toThrow(/no name column/);
    const tooMany = ['name,address', ...Array.from({ length: 5001 }, (_, i) => `D${i},10.1.${i}`)];
    expect(() => readImportRows(tooMany.join('\n'), { password: 'x' }, [])).toThrow(
      /5001 rows; an import takes at most 5000/,
    );
  });

  it('takes a bare host or host:port as HTTPS and leaves an address with a scheme alone', () => {
    expect(phoneAddress(' 192.168.1.20 ')).toBe('https://192.168.1.20');
    expect(phoneAddress('desk-3.example:8443')).toBe('https://desk-3.example:8443');
    expect(phoneAddress('http://192.168.1.20')).toBe('http://192.168.1.20');
    expect(phoneAddress('')).toBe('');
  });
});
