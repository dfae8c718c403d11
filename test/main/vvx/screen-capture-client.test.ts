import { inflateSync } from 'node:zlib';

import { describe, expect, it } from 'vitest';

import { writePng } from '../../../src/main/session/screen/png-writer';
import { bmpSizeLimit, readBmp } from '../../../src/main/vvx/bmp-reader';
import { VvxClient } from '../../../src/main/vvx/vvx-client';
import { DIALECT_NAMES } from '../../../src/simulator/dialects/dialects';
import { phoneAt } from '../../support/sim-phone';
import { startSimWithClient } from '../../support/sim-with-client';
import { control, stats } from './sim-control';

const BOUNDS = { maxWidth: 1300, maxHeight: 1300 };

/** A hand-made 24-bit BMP, rows from the bottom, every pixel `rgb`. */
function bmp(width: number, height: number, rgb: [number, number, number]): Buffer {
  const rowSize = Math.ceil((width * 24) / 32) * 4;
  const file = Buffer.alloc(54 + rowSize * height);
  file.write('BM', 0, 'latin1');
  file.writeUInt32LE(file.length, 2);
  file.writeUInt32LE(54, 10);
  file.writeUInt32LE(40, 14);
  file.writeInt32LE(width, 18);
  file.writeInt32LE(height, 22);
  file.writeUInt16LE(1, 26);
  file.writeUInt16LE(24, 28);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      file.set([rgb[2], rgb[1], rgb[0]], 54 + y * rowSize + x * 3);
    }
  }
  return file;
}

/** The RGB bytes of a PNG this writer wrote (one IDAT; filters none, sub and up). */
function pngPixels(png: Buffer, width: number): number[] {
  const at = png.indexOf('IDAT');
  const raw = inflateSync(png.subarray(at + 4, at + 4 + png.readUInt32BE(at - 4)));
  const stride = width * 3;
  const pixels: number[] = [];
  for (let row = 0; row * (stride + 1) < raw.length; row += 1) {
    const filter = raw[row * (stride + 1)];
    for (let i = 0; i < stride; i += 1) {
      const byte = raw[row * (stride + 1) + 1 + i] ?? 0;
      const left = i >= 3 ? (pixels[row * stride + i - 3] ?? 0) : 0;
      const up = row > 0 ? (pixels[(row - 1) * stride + i] ?? 0) : 0;
      pixels.push((byte + (filter === 1 ? left : filter === 2 ? up : 0)) & 0xff);
    }
  }
  return pixels;
}

/** The RGB bytes of an RGBA picture. */
const rgbOf = (rgba: Uint8Array) => [...rgba].filter((_, i) => i % 4 !== 3);

describe('screen capture, client side', () => {
  it.each(DIALECT_NAMES)(
    'reads the %s firmware’s capture, logging in where it wants its session',
    async (dialect) => {
      const setup = await startSimWithClient({ https: true, dialect, screenCapture: true });
      try {
        const { webUi } = setup.client;
        let answer = await webUi.capture('mainScreen', bmpSizeLimit(BOUNDS));
        if (answer.kind === 'login-needed') {
          await webUi.login();
          answer = await webUi.capture('mainScreen', bmpSizeLimit(BOUNDS));
        }
        expect(answer.kind).toBe('picture');
        if (answer.kind !== 'picture') return;
        const picture = readBmp(answer.bmp, BOUNDS);
        // The size the phone drew, whatever depth and row order it wrote, and more than a blank.
        const drawn = Buffer.from(
          ((await control(setup.sim, 'POST', '/__sim/capture', {})) as { bmp: string }).bmp,
          'base64',
        );
        const reference = readBmp(drawn, BOUNDS);
        expect([picture.width, picture.height]).toEqual([reference.width, reference.height]);
        expect(new Set(picture.rgba).size).toBeGreaterThan(2);
        const png = writePng(picture);
        expect(png.subarray(1, 4).toString()).toBe('PNG');
        expect(pngPixels(png, picture.width)).toEqual(rgbOf(picture.rgba));
        expect(png.length).toBeLessThan(answer.bmp.length / 4);
      } finally {
        await setup.close();
      }
    },
  );

  it('answers "off" while the capture is off, and never retries a refused login', async () => {
    const setup = await startSimWithClient({ https: true, dialect: 'vvx-6' });
    const phone = phoneAt(setup.sim);
    const wrong = new VvxClient({
      url: phone.url,
      username: phone.username,
      password: 'not-the-password',
      pinnedFingerprint: phone.fingerprint,
    });
    try {
      await setup.client.webUi.login();
      expect(setup.client.webUi.signedIn).toBe(true);
      expect((await setup.client.webUi.capture('mainScreen', 1_000_000)).kind).toBe('off');
      await expect(wrong.webUi.login()).rejects.toMatchObject({ code: 'wrong-credentials' });
      expect((await stats(setup.sim)).requests['/form-submit/auth.htm']).toBe(2);
    } finally {
      await wrong.close();
      await setup.close();
    }
  });

  it('refuses a picture larger than the phone’s screen, cut off, or not a BMP, in words', () => {
    expect(() => readBmp(bmp(500, 10, [0, 0, 0]), { maxWidth: 480, maxHeight: 272 })).toThrow(
      /larger than this phone's screen/,
    );
    expect(() => readBmp(bmp(10, 10, [0, 0, 0]).subarray(0, 100), BOUNDS)).toThrow(/cut off/);
    expect(() => readBmp(Buffer.from('<html>404 Not Found</html>'), BOUNDS)).toThrow(
      /not a usable BMP/,
    );
    const red = readBmp(bmp(3, 2, [200, 10, 20]), BOUNDS);
    expect([...red.rgba.subarray(0, 4)]).toEqual([200, 10, 20, 255]);
    expect(pngPixels(writePng(red), 3)).toEqual(rgbOf(red.rgba));
  });
});
