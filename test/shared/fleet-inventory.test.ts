import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';

import type { FleetInventoryRow } from '../../src/shared/contract/fleet';
import { csvCell, firmwareSummary, inventoryCsv } from '../../src/shared/fleet-inventory';

function row(name: string, model: string | null, firmware: string | null): FleetInventoryRow {
  return {
    phoneId: name,
    name,
    group: null,
    url: `https://${name}.example`,
    model,
    firmware,
    macAddress: null,
    lines: [],
    uptimeSeconds: null,
    problem: model === null ? 'The phone did not answer.' : null,
  };
}

describe('the firmware summary', () => {
  it('counts versions per model, the most common first, unreadable phones as unknown', () => {
    const rows = [
      row('a', 'VVX 601', '5.9.3'),
      row('b', 'VVX 411', '5.8.0'),
      row('c', 'VVX 601', '6.4.0'),
      row('d', 'VVX 601', '6.4.0'),
      row('e', null, null),
    ];
    expect(firmwareSummary(rows)).toEqual([
      { model: 'unknown', firmware: 'unknown', phones: 1 },
      { model: 'VVX 411', firmware: '5.8.0', phones: 1 },
      { model: 'VVX 601', firmware: '6.4.0', phones: 2 },
      { model: 'VVX 601', firmware: '5.9.3', phones: 1 },
    ]);
  });
});

describe('the inventory as CSV', () => {
  it('quotes separators, quotes and line breaks', () => {
    expect(csvCell('Desk, 3')).toBe('"Desk, 3"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(42)).toBe('42');
  });

  it('keeps a cell from running as a formula in a spreadsheet', () => {
    for (const hostile of ['=HYPERLINK("http://x")', '+1+1', '-2', '@SUM(A1)', '\tx']) {
      expect(csvCell(hostile).replace(/^"/, '')).toMatch(/^'/);
    }
    expect(csvCell('Desk 3')).toBe('Desk 3');
  });

  it('reads back in a CSV parser as the rows it was made from', () => {
    const hostile: FleetInventoryRow = {
      ...row('Reception, "front"', 'VVX 601', '6.4.0'),
      group: '=cmd',
      macAddress: '0004F2A1B2C3',
      uptimeSeconds: 3600,
      lines: [
        { line: 1, address: '1011', registration: 'Registered' },
        { line: 2, address: '1012', registration: 'Unregistered' },
      ],
    };
    const parsed = Papa.parse<string[]>(inventoryCsv([hostile, row('b', null, null)]), {
      skipEmptyLines: true,
    });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toEqual([
      [
        'Name',
        'Group',
        'Address',
        'Model',
        'Firmware',
        'MAC address',
        'Uptime (seconds)',
        'Lines',
        'Problem',
      ],
      [
        'Reception, "front"',
        "'=cmd",
        'https://Reception, "front".example',
        'VVX 601',
        '6.4.0',
        '0004F2A1B2C3',
        '3600',
        '1: 1011 Registered; 2: 1012 Unregistered',
        '',
      ],
      ['b', '', 'https://b.example', '', '', '', '', '', 'The phone did not answer.'],
    ]);
  });
});
