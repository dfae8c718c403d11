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

/** A filtered byte's cost: read as signed, small differences either way deflate well. */
function cost(byte: number): number {
  return byte < 128 ? byte : 256 - byte;
}

/** The row filtered by `filter` (0 none, 1 sub, 2 up) into `out` at `at`, filter byte first. */
function filterRow(
  filter: number,
  current: Uint8Array,
  previous: Uint8Array,
  out: Buffer,
  at: number,
): void {
  out[at] = filter;
  const row = out.subarray(at + 1, at + 1 + current.length);
  if (filter === 0) {
    row.set(current);
    return;
  }
  for (let i = 0; i < current.length; i += 1) {
    const before = filter === 1 ? (i >= 3 ? current[i - 3] : 0) : previous[i];
    row[i] = ((current[i] ?? 0) - (before ?? 0)) & 0xff;
  }
}

/**
 * Appends one row's RGB bytes to `out` at `at` with the filter (none, sub, up) whose bytes cost
 * least, the usual heuristic — in two passes and no allocation, since a capture is written every
 * second while someone watches.
 */
function writeRow(current: Uint8Array, previous: Uint8Array, out: Buffer, at: number): void {
  let none = 0;
  let sub = 0;
  let up = 0;
  for (let i = 0; i < current.length; i += 1) {
    const byte = current[i] ?? 0;
    none += cost(byte);
    sub += cost((byte - (i >= 3 ? (current[i - 3] ?? 0) : 0)) & 0xff);
    up += cost((byte - (previous[i] ?? 0)) & 0xff);
  }
  const filter = none <= sub && none <= up ? 0 : sub <= up ? 1 : 2;
  filterRow(filter, current, previous, out, at);
}

/** The picture as a PNG file (its alpha is dropped: phone screens are opaque). */
export function writePng(bitmap: Bitmap): Buffer {
  const { width, height, rgba } = bitmap;
  const stride = width * 3;
  const raw = Buffer.alloc(height * (stride + 1));
  let current = new Uint8Array(stride);
  let previous = new Uint8Array(stride);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0, from = y * width * 4; x < stride; x += 3, from += 4) {
      current[x] = rgba[from] ?? 0;
      current[x + 1] = rgba[from + 1] ?? 0;
      current[x + 2] = rgba[from + 2] ?? 0;
    }
    writeRow(current, previous, raw, y * (stride + 1));
    [previous, current] = [current, previous];
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB, deflate, adaptive filters, no interlace
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
