/**
 * Writes a picture as PNG (8-bit RGB, deflated with node:zlib), the form the remote screen hands
 * its windows and saves: lossless, so the phone's pixels stay its pixels, and a phone screen's
 * flat areas shrink it tenfold or more against the BMP. Each row takes the filter (none, sub,
 * up) whose bytes sum smallest, the usual heuristic.
 */
import { crc32, deflateSync } from 'node:zlib';

import type { Bitmap } from '../../vvx/bmp-reader';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, tail]);
}

/** One row's RGB bytes filtered three ways; the cheapest wins (its filter byte first). */
function filteredRow(current: Buffer, previous: Buffer | null): Buffer {
  const sub = Buffer.alloc(current.length);
  const up = Buffer.alloc(current.length);
  for (let i = 0; i < current.length; i += 1) {
    const byte = current[i] ?? 0;
    sub[i] = (byte - (i >= 3 ? (current[i - 3] ?? 0) : 0)) & 0xff;
    up[i] = (byte - (previous?.[i] ?? 0)) & 0xff;
  }
  // Bytes read as signed: small differences either way cost little to deflate.
  const cost = (bytes: Buffer) => bytes.reduce((sum, b) => sum + (b < 128 ? b : 256 - b), 0);
  const options: [number, Buffer][] = [
    [0, current],
    [1, sub],
    [2, up],
  ];
  const [filter, bytes] = options.reduce((best, option) =>
    cost(option[1]) < cost(best[1]) ? option : best,
  );
  return Buffer.concat([Buffer.from([filter]), bytes]);
}

/** The picture as a PNG file (its alpha is dropped: phone screens are opaque). */
export function writePng(bitmap: Bitmap): Buffer {
  const { width, height, rgba } = bitmap;
  const rows: Buffer[] = [];
  let previous: Buffer | null = null;
  for (let y = 0; y < height; y += 1) {
    const row = Buffer.alloc(width * 3);
    for (let x = 0; x < width; x += 1) {
      const from = (y * width + x) * 4;
      row[x * 3] = rgba[from] ?? 0;
      row[x * 3 + 1] = rgba[from + 1] ?? 0;
      row[x * 3 + 2] = rgba[from + 2] ?? 0;
    }
    rows.push(filteredRow(row, previous));
    previous = row;
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB, deflate, adaptive filters, no interlace
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
