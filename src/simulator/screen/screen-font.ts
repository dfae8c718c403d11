/**
 * A 3×5 pixel font for the screen capture: digits, capitals (lower case is drawn as capitals)
 * and the punctuation a phone screen shows. Each glyph is five rows of three pixels.
 */
const GLYPHS: Record<string, string> = {
  '0': '111 101 101 101 111',
  '1': '010 110 010 010 111',
  '2': '111 001 111 100 111',
  '3': '111 001 111 001 111',
  '4': '101 101 111 001 001',
  '5': '111 100 111 001 111',
  '6': '111 100 111 101 111',
  '7': '111 001 001 001 001',
  '8': '111 101 111 101 111',
  '9': '111 101 111 001 111',
  A: '010 101 111 101 101',
  B: '110 101 110 101 110',
  C: '011 100 100 100 011',
  D: '110 101 101 101 110',
  E: '111 100 110 100 111',
  F: '111 100 110 100 100',
  G: '011 100 101 101 011',
  H: '101 101 111 101 101',
  I: '111 010 010 010 111',
  J: '001 001 001 101 010',
  K: '101 101 110 101 101',
  L: '100 100 100 100 111',
  M: '101 111 111 101 101',
  N: '110 101 101 101 101',
  O: '010 101 101 101 010',
  P: '110 101 110 100 100',
  Q: '010 101 101 110 011',
  R: '110 101 110 101 101',
  S: '011 100 010 001 110',
  T: '111 010 010 010 010',
  U: '101 101 101 101 111',
  V: '101 101 101 101 010',
  W: '101 101 111 111 101',
  X: '101 101 010 101 101',
  Y: '101 101 010 010 010',
  Z: '111 001 010 100 111',
  ':': '000 010 000 010 000',
  '.': '000 000 000 000 010',
  '-': '000 000 111 000 000',
  '*': '101 010 101 000 000',
  '#': '101 111 101 111 101',
  '(': '010 100 100 100 010',
  ')': '010 001 001 001 010',
  '/': '001 001 010 100 100',
  '+': '000 010 111 010 000',
  '@': '010 101 111 100 011',
  _: '000 000 000 000 111',
};

export const GLYPH_WIDTH = 3;
export const GLYPH_HEIGHT = 5;

/** The lit pixels of a character as [column, row] pairs; none for characters the font lacks. */
export function glyphPixels(char: string): [number, number][] {
  const rows = GLYPHS[char.toUpperCase()]?.split(' ') ?? [];
  const pixels: [number, number][] = [];
  rows.forEach((row, y) => {
    for (let x = 0; x < row.length; x += 1) if (row[x] === '1') pixels.push([x, y]);
  });
  return pixels;
}
