import { describe, expect, it } from 'vitest';

import { csvCell, csvText } from '../../src/shared/csv';

describe('CSV writing', () => {
  it('leaves plain cells alone and quotes those with commas, quotes or line breaks', () => {
    expect(csvCell('Desk 12')).toBe('Desk 12');
    expect(csvCell('Reception, front')).toBe('"Reception, front"');
    expect(csvCell('the "big" desk')).toBe('"the ""big"" desk"');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('keeps a spreadsheet from running a cell as a formula', () => {
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvCell('+1 555 0100')).toBe("'+1 555 0100");
    expect(csvCell('-cmd')).toBe("'-cmd");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tTabbed')).toBe("'\tTabbed");
  });

  it('writes numbers as numbers and null as an empty cell', () => {
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(86400)).toBe('86400');
    expect(csvCell(null)).toBe('');
  });

  it('ends every row, the last too, with CRLF', () => {
    expect(
      csvText([
        ['Name', 'Uptime'],
        ['Desk 1', 60],
        ['Desk, 2', null],
      ]),
    ).toBe('Name,Uptime\r\nDesk 1,60\r\n"Desk, 2",\r\n');
  });
});
