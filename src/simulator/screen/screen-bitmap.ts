import type { CaptureBitmap } from '../dialects/dialects';
import { GLYPH_HEIGHT, GLYPH_WIDTH, glyphPixels } from './screen-font';
import type { Screen, UiElement } from './screen-types';

type Rgb = readonly [number, number, number];

const BACKGROUND: Rgb = [20, 24, 32];
const BORDER: Rgb = [110, 120, 140];
const TEXT: Rgb = [235, 238, 245];
const DARK_TEXT: Rgb = [20, 24, 32];
const FILLS: Record<string, Rgb> = {
  StatusBar: [44, 46, 56],
  SoftKey: [52, 62, 84],
  TextField: [240, 240, 240],
};
const SELECTED: Rgb = [30, 90, 160];

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** An RGB canvas with clipped drawing, written out as a 24-bit BMP. */
class Canvas {
  private readonly pixels: Uint8Array;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.pixels = new Uint8Array(width * height * 3);
    this.fill({ x: 0, y: 0, width, height }, BACKGROUND);
  }

  set(x: number, y: number, color: Rgb, clip: Box): void {
    if (x < clip.x || y < clip.y || x >= clip.x + clip.width || y >= clip.y + clip.height) return;
    if (x < 0 || y < 0 || x >= this.width || y >= this.height) return;
    this.pixels.set(color, (y * this.width + x) * 3);
  }

  fill(box: Box, color: Rgb): void {
    for (let y = box.y; y < box.y + box.height; y += 1) {
      for (let x = box.x; x < box.x + box.width; x += 1) this.set(x, y, color, box);
    }
  }

  border(box: Box, color: Rgb): void {
    for (let x = box.x; x < box.x + box.width; x += 1) {
      this.set(x, box.y, color, box);
      this.set(x, box.y + box.height - 1, color, box);
    }
    for (let y = box.y; y < box.y + box.height; y += 1) {
      this.set(box.x, y, color, box);
      this.set(box.x + box.width - 1, y, color, box);
    }
  }

  /** Text left-aligned and vertically centred in the box, clipped to it. */
  text(box: Box, text: string, color: Rgb): void {
    const scale = box.height >= 16 ? 2 : 1;
    const top = box.y + Math.floor((box.height - GLYPH_HEIGHT * scale) / 2);
    let left = box.x + 2 * scale;
    for (const char of text) {
      for (const [gx, gy] of glyphPixels(char)) {
        for (let dy = 0; dy < scale; dy += 1) {
          for (let dx = 0; dx < scale; dx += 1)
            this.set(left + gx * scale + dx, top + gy * scale + dy, color, box);
        }
      }
      left += (GLYPH_WIDTH + 1) * scale;
    }
  }

  /**
   * BMP file: 14-byte file header, 40-byte info header (plus the three colour masks of a 16-bit
   * RGB 5-6-5 file), rows padded to 4 bytes, bottom-up unless `topDown` (a negative height).
   */
  toBmp({ bits, topDown }: CaptureBitmap): Buffer {
    const masks = bits === 16 ? 12 : 0;
    const offset = 54 + masks;
    const rowSize = Math.ceil((this.width * bits) / 32) * 4;
    const file = Buffer.alloc(offset + rowSize * this.height);
    file.write('BM', 0, 'ascii');
    file.writeUInt32LE(file.length, 2);
    file.writeUInt32LE(offset, 10);
    file.writeUInt32LE(40, 14);
    file.writeInt32LE(this.width, 18);
    file.writeInt32LE(topDown ? -this.height : this.height, 22);
    file.writeUInt16LE(1, 26);
    file.writeUInt16LE(bits, 28);
    // BI_BITFIELDS for 16 bits (masks follow the header), BI_RGB otherwise.
    file.writeUInt32LE(bits === 16 ? 3 : 0, 30);
    file.writeUInt32LE(rowSize * this.height, 34);
    if (bits === 16) {
      file.writeUInt32LE(0xf800, 54);
      file.writeUInt32LE(0x07e0, 58);
      file.writeUInt32LE(0x001f, 62);
    }
    for (let y = 0; y < this.height; y += 1) {
      const row = offset + (topDown ? y : this.height - 1 - y) * rowSize;
      for (let x = 0; x < this.width; x += 1) {
        const at = (y * this.width + x) * 3;
        const [r = 0, g = 0, b = 0] = this.pixels.subarray(at, at + 3);
        if (bits === 16) {
          file.writeUInt16LE(((r >> 3) << 11) | ((g >> 2) << 5) | (b >> 3), row + x * 2);
        } else {
          const step = bits / 8;
          file[row + x * step] = b;
          file[row + x * step + 1] = g;
          file[row + x * step + 2] = r;
        }
      }
    }
    return file;
  }
}

function draw(canvas: Canvas, element: UiElement): void {
  const fill = element.selected ? SELECTED : FILLS[element.cls];
  if (fill) canvas.fill(element, fill);
  if (element.action || element.cls === 'TextField') canvas.border(element, BORDER);
  if (element.text !== '')
    canvas.text(element, element.text, element.cls === 'TextField' ? DARK_TEXT : TEXT);
  for (const child of element.children ?? []) draw(canvas, child);
}

/** A screen drawn as the phone's web UI serves it: a BMP in the screen's pixels. */
export function renderBitmap(
  screen: Pick<Screen, 'width' | 'height' | 'root'>,
  format: CaptureBitmap,
): Buffer {
  const canvas = new Canvas(screen.width, screen.height);
  for (const element of screen.root) draw(canvas, element);
  return canvas.toBmp(format);
}
