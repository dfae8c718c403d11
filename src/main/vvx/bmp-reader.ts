/**
 * Reads the BMP a phone's web UI sends as its screen capture. No public source records its bit
 * depth, row order or header version (the tools that fetch it hand the bytes to an image
 * library), so this reads every uncompressed form: core (OS/2), info and V4/V5 headers; 1, 4
 * and 8 bits with a palette; 16 bits as 5-5-5 or with colour masks (5-6-5); 24 bits; 32 bits
 * plain or masked; rows from the bottom or the top. Its size is checked against what the caller
 * expects of the phone before any pixel is read, and every offset against the file, so a broken
 * or hostile answer is refused in words and never read past its end.
 */
import { PhoneError } from './phone-error';

/** A picture in RGBA, rows from the top, four bytes a pixel. */
export interface Bitmap {
  width: number;
  height: number;
  rgba: Uint8Array;
}

/** The sizes a capture may have (the caller knows the phone's panel). */
export interface BitmapBounds {
  maxWidth: number;
  maxHeight: number;
}

const FILE_HEADER = 14;
const CORE_HEADER = 12;
const PALETTE_LIMIT = 256;
const BI_RGB = 0;
const BI_BITFIELDS = 3;
const BI_ALPHABITFIELDS = 6;

/** The most bytes a BMP within `bounds` can take (32 bits a pixel, the largest header, masks). */
export function bmpSizeLimit(bounds: BitmapBounds): number {
  return FILE_HEADER + 124 + 16 + PALETTE_LIMIT * 4 + bounds.maxWidth * 4 * bounds.maxHeight;
}

function refuse(why: string): PhoneError {
  return new PhoneError(
    'invalid-response',
    `The phone's screen capture is not a usable BMP: ${why}.`,
  );
}

interface Header {
  width: number;
  height: number;
  topDown: boolean;
  bits: number;
  compression: number;
  /** Where the header ends (the palette or the masks follow). */
  end: number;
  /** Palette entries: 3 bytes each after a core header, 4 otherwise. */
  paletteEntry: 3 | 4;
  colours: number;
  masks: number[] | null;
}

function readHeader(file: Buffer): Header {
  if (file.length < FILE_HEADER + CORE_HEADER || file.toString('latin1', 0, 2) !== 'BM') {
    throw refuse('it does not start with a BMP header');
  }
  const size = file.readUInt32LE(FILE_HEADER);
  if (size === CORE_HEADER) {
    return {
      width: file.readUInt16LE(18),
      height: file.readUInt16LE(20),
      topDown: false,
      bits: file.readUInt16LE(24),
      compression: BI_RGB,
      end: FILE_HEADER + CORE_HEADER,
      paletteEntry: 3,
      colours: 0,
      masks: null,
    };
  }
  if (size < 40 || size > 124 || file.length < FILE_HEADER + size) {
    throw refuse(`its header of ${size} bytes is of no known version`);
  }
  const rawHeight = file.readInt32LE(22);
  const compression = file.readUInt32LE(30);
  const end = FILE_HEADER + size;
  let masks: number[] | null = null;
  if (compression === BI_BITFIELDS || compression === BI_ALPHABITFIELDS) {
    // A version-1 header leaves the masks after it; later versions hold them inside.
    const at = size === 40 ? end : FILE_HEADER + 40;
    const count = compression === BI_ALPHABITFIELDS ? 4 : 3;
    if (file.length < at + count * 4) throw refuse('its colour masks are cut off');
    masks = Array.from({ length: 3 }, (_, i) => file.readUInt32LE(at + i * 4));
  }
  return {
    width: file.readInt32LE(18),
    height: Math.abs(rawHeight),
    topDown: rawHeight < 0,
    bits: file.readUInt16LE(28),
    compression,
    end: masks !== null && size === 40 ? end + (compression === BI_ALPHABITFIELDS ? 16 : 12) : end,
    paletteEntry: 4,
    colours: file.readUInt32LE(46),
    masks,
  };
}

/** A colour channel read by its (contiguous, non-zero) mask: shifted down, scaled to 0–255. */
interface Channel {
  mask: number;
  shift: number;
  scale: number;
}

function channelOf(mask: number): Channel {
  let shift = 0;
  while (((mask >>> shift) & 1) === 0) shift += 1;
  return { mask, shift, scale: 255 / (mask >>> shift) };
}

function channelValue({ mask, shift, scale }: Channel, value: number): number {
  return (((value & mask) >>> shift) * scale + 0.5) | 0;
}

function validMask(mask: number): boolean {
  if (mask === 0) return false;
  let shifted = mask;
  while ((shifted & 1) === 0) shifted >>>= 1;
  return (shifted & (shifted + 1)) === 0;
}

/** The palette as RGB triples, checked against the file. */
function readPalette(file: Buffer, header: Header): number[][] {
  if (header.bits > 8) return [];
  const count = header.colours === 0 ? 2 ** header.bits : header.colours;
  if (count > PALETTE_LIMIT || count > 2 ** header.bits) throw refuse('its palette is too large');
  const bytes = count * header.paletteEntry;
  if (file.length < header.end + bytes) throw refuse('its palette is cut off');
  return Array.from({ length: count }, (_, i) => {
    const at = header.end + i * header.paletteEntry;
    return [file[at + 2] ?? 0, file[at + 1] ?? 0, file[at] ?? 0];
  });
}

/** Reads one BMP into RGBA; throws PhoneError 'invalid-response' saying what is wrong. */
export function readBmp(file: Buffer, bounds: BitmapBounds): Bitmap {
  const header = readHeader(file);
  const { width, height, bits, compression } = header;
  if (width < 1 || height < 1) throw refuse(`it is ${width}×${height} pixels`);
  if (width > bounds.maxWidth || height > bounds.maxHeight) {
    throw refuse(
      `it is ${width}×${height} pixels, larger than this phone's screen (${bounds.maxWidth}×${bounds.maxHeight})`,
    );
  }
  if (![1, 4, 8, 16, 24, 32].includes(bits)) throw refuse(`it has ${bits} bits a pixel`);
  const masked = header.masks !== null;
  if (compression !== BI_RGB && !(masked && (bits === 16 || bits === 32))) {
    throw refuse(`it is compressed (method ${compression}), which phones do not send`);
  }
  const masks =
    header.masks ?? (bits === 16 ? [0x7c00, 0x03e0, 0x001f] : [0xff0000, 0x00ff00, 0x0000ff]);
  if (!masks.every(validMask)) throw refuse('its colour masks are not contiguous');
  const channels = masks.map(channelOf);
  const palette = readPalette(file, header);
  const offset = file.readUInt32LE(10);
  const rowSize = Math.ceil((width * bits) / 32) * 4;
  if (offset < header.end || offset + rowSize * height > file.length) {
    throw refuse('its pixels are cut off');
  }
  const rgba = new Uint8Array(width * height * 4).fill(255);
  for (let y = 0; y < height; y += 1) {
    const row = offset + (header.topDown ? y : height - 1 - y) * rowSize;
    readRow(file, row, rgba.subarray(y * width * 4, (y + 1) * width * 4), bits, palette, channels);
  }
  return { width, height, rgba };
}

/**
 * Writes one row's pixels into `out` (RGBA, alpha already set), one loop per depth: a capture is
 * read every second while someone watches, so this stays free of per-pixel calls.
 */
function readRow(
  file: Buffer,
  row: number,
  out: Uint8Array,
  bits: number,
  palette: number[][],
  channels: Channel[],
): void {
  const width = out.length / 4;
  const [red, green, blue] = channels;
  if (bits === 24) {
    for (let x = 0, at = 0, from = row; x < width; x += 1, at += 4, from += 3) {
      out[at] = file[from + 2] ?? 0;
      out[at + 1] = file[from + 1] ?? 0;
      out[at + 2] = file[from] ?? 0;
    }
    return;
  }
  if ((bits === 16 || bits === 32) && red && green && blue) {
    for (let x = 0, at = 0; x < width; x += 1, at += 4) {
      const value = bits === 16 ? file.readUInt16LE(row + x * 2) : file.readUInt32LE(row + x * 4);
      out[at] = channelValue(red, value);
      out[at + 1] = channelValue(green, value);
      out[at + 2] = channelValue(blue, value);
    }
    return;
  }
  const perByte = 8 / bits;
  const indexMask = 2 ** bits - 1;
  for (let x = 0, at = 0; x < width; x += 1, at += 4) {
    const byte = file[row + Math.floor(x / perByte)] ?? 0;
    const index = (byte >> (8 - bits * ((x % perByte) + 1))) & indexMask;
    const [r = 0, g = 0, b = 0] = palette[index] ?? [];
    out[at] = r;
    out[at + 1] = g;
    out[at + 2] = b;
  }
}
