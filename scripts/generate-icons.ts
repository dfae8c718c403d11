/**
 * Draws Deskpilot's icons without any image tool: a blue rounded square with a white "D" and a
 * green pilot light, rendered with 4×4 supersampling into real PNG files (zlib + CRC from Node)
 * and a Windows ICO that embeds the PNGs. Run with `npx tsx scripts/generate-icons.ts`; the
 * results are committed under assets/.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

type Rgba = [number, number, number, number];

const assetsDir = fileURLToPath(new URL('../assets', import.meta.url));
const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

function roundedSquareDistance(x: number, y: number): number {
  const half = 0.46;
  const radius = 0.2;
  const qx = Math.abs(x - 0.5) - (half - radius);
  const qy = Math.abs(y - 0.5) - (half - radius);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}

function insideLetterD(x: number, y: number): boolean {
  const bar = x >= 0.3 && x <= 0.4 && y >= 0.27 && y <= 0.73;
  const distance = Math.hypot(x - 0.4, y - 0.5);
  const bowl = x >= 0.4 && distance <= 0.23 && distance >= 0.13;
  const joins = x >= 0.3 && x <= 0.4 && ((y >= 0.27 && y <= 0.37) || (y >= 0.63 && y <= 0.73));
  return bar || bowl || joins;
}

/** The colour at a point of the unit square. */
function shade(x: number, y: number): Rgba {
  if (roundedSquareDistance(x, y) > 0) return [0, 0, 0, 0];
  if (Math.hypot(x - 0.73, y - 0.28) <= 0.065) return [63, 220, 120, 255];
  if (insideLetterD(x, y)) return [255, 255, 255, 255];
  const t = y;
  return [Math.round(47 - 30 * t), Math.round(129 - 58 * t), Math.round(247 - 81 * t), 255];
}

/** Renders the icon at `size`×`size` pixels as RGBA rows. */
function render(size: number): Buffer {
  const samples = 4;
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const [r, g, b, a] = shade(
            (px + (sx + 0.5) / samples) / size,
            (py + (sy + 0.5) / samples) / size,
          );
          sum[0] = (sum[0] ?? 0) + r * a;
          sum[1] = (sum[1] ?? 0) + g * a;
          sum[2] = (sum[2] ?? 0) + b * a;
          sum[3] = (sum[3] ?? 0) + a;
        }
      }
      const alpha = sum[3] ?? 0;
      const offset = (py * size + px) * 4;
      pixels[offset] = alpha === 0 ? 0 : Math.round((sum[0] ?? 0) / alpha);
      pixels[offset + 1] = alpha === 0 ? 0 : Math.round((sum[1] ?? 0) / alpha);
      pixels[offset + 2] = alpha === 0 ? 0 : Math.round((sum[2] ?? 0) / alpha);
      pixels[offset + 3] = Math.round(alpha / (samples * samples));
    }
  }
  return pixels;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Encodes RGBA pixels as a PNG (8-bit, colour type 6, no filtering). */
export function encodePng(size: number, pixels: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let row = 0; row < size; row++) {
    pixels.copy(rows, row * (size * 4 + 1) + 1, row * size * 4, (row + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Packs PNG images into an ICO file (PNG entries are valid ICO images since Windows Vista). */
export function encodeIco(images: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0);
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt16LE(1, 4);
    entry.writeUInt16LE(32, 6);
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map(({ png }) => png)]);
}

async function main(): Promise<void> {
  await mkdir(join(assetsDir, 'icons'), { recursive: true });
  const png = (size: number) => encodePng(size, render(size));
  await writeFile(join(assetsDir, 'icon.png'), png(1024));
  for (const size of LINUX_SIZES) {
    await writeFile(join(assetsDir, 'icons', `${size}x${size}.png`), png(size));
  }
  await writeFile(
    join(assetsDir, 'icon.ico'),
    encodeIco(ICO_SIZES.map((size) => ({ size, png: png(size) }))),
  );
  await writeFile(join(assetsDir, 'tray.png'), png(32));
  await writeFile(join(assetsDir, 'tray@2x.png'), png(64));
  console.log(`Icons written to ${assetsDir}`);
}

await main();
