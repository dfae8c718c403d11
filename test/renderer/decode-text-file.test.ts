import { describe, expect, it } from 'vitest';

import { decodeTextFile } from '../../src/renderer/lib/decode-text-file';

const csv = 'Name,Phone\nRenée Müller,+41 44 668 18 00\n';

function utf16(text: string, littleEndian: boolean): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set(littleEndian ? [0xff, 0xfe] : [0xfe, 0xff]);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < text.length; i += 1)
    view.setUint16(2 + i * 2, text.charCodeAt(i), littleEndian);
  return bytes;
}

describe('decodeTextFile', () => {
  it('reads UTF-16 exports (little- and big-endian) by their byte-order mark', () => {
    expect(decodeTextFile(utf16(csv, true))).toBe(csv);
    expect(decodeTextFile(utf16(csv, false))).toBe(csv);
  });

  it('reads UTF-8 with and without a byte-order mark', () => {
    const utf8 = new TextEncoder().encode(csv);
    expect(decodeTextFile(utf8)).toBe(csv);
    expect(decodeTextFile(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toBe(csv);
  });

  it('keeps accented names from a Windows-1252 export instead of replacing them', () => {
    const latin1 = Uint8Array.from(csv, (char) => char.charCodeAt(0));
    expect(decodeTextFile(latin1)).toBe(csv);
  });
});
