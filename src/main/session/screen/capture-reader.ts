/**
 * Reads the phone's screen pictures through its request queue at the lowest priority ('screen':
 * a user's action waits behind at most the one capture in flight), logging in to the web UI
 * first when the phone wants its session (each a turn of its own), checking every BMP against
 * what the phone can show, and handing out PNGs. A picture whose bytes did not change is not
 * decoded again; expansion modules, which change seldom, are read at most every few seconds.
 */
import { createHash } from 'node:crypto';

import type { ScreenPicture } from '../../../shared/contract/screen';
import { bmpSizeLimit, readBmp, type BitmapBounds } from '../../vvx/bmp-reader';
import { PhoneError } from '../../vvx/phone-error';
import type { CaptureScreenName } from '../../vvx/web-ui-endpoints';
import type { PhoneLink } from '../phone-link';
import { captureBounds, moduleBounds, screenModules } from '../screen-facts';
import { writePng } from './png-writer';

/** How long an expansion module's picture is shown before it is read again. */
const MODULE_REFRESH_MS = 5000;

/** A picture as the reader keeps it: the PNG and what it came from. */
export interface Picture {
  screen: CaptureScreenName;
  width: number;
  height: number;
  id: string;
  png: Buffer;
  /** How many bytes the phone sent (the BMP). */
  bmpBytes: number;
  readAt: number;
}

/** The phone's screen pictures; see the module comment. */
export class CaptureReader {
  private readonly last = new Map<CaptureScreenName, Picture>();
  private modules: number | null = null;

  constructor(private readonly link: PhoneLink) {}

  /** The main screen's picture, or null while capture is off (the phone answered 404). */
  async main(): Promise<Picture | null> {
    const { model } = this.link.live.status;
    return this.read('mainScreen', captureBounds(model ?? ''));
  }

  /**
   * The expansion modules' pictures (those device info lists with a screen), read again when
   * older than a few seconds; a module whose capture is refused is left out.
   */
  async modulePictures(): Promise<Picture[]> {
    this.modules ??= await this.countModules();
    const pictures: Picture[] = [];
    for (let index = 1; index <= this.modules; index += 1) {
      const screen: CaptureScreenName = `em/${index}`;
      const kept = this.last.get(screen);
      const picture =
        kept !== undefined && Date.now() - kept.readAt < MODULE_REFRESH_MS
          ? kept
          : await this.read(screen, moduleBounds());
      if (picture !== null) pictures.push(picture);
    }
    return pictures;
  }

  /** The pictures kept and the modules counted are forgotten (capture went off). */
  forget(): void {
    this.last.clear();
    this.modules = null;
  }

  private async countModules(): Promise<number> {
    const { link } = this;
    const info = await link.read(() => link.client.deviceInfoV2(), 'deviceInfo', 'screen');
    return screenModules(info.raw);
  }

  /** One screen, logging in first when the phone asks for its web session. */
  private async read(screen: CaptureScreenName, bounds: BitmapBounds): Promise<Picture | null> {
    const { link } = this;
    const maxBytes = bmpSizeLimit(bounds);
    const fetch = () =>
      link.read(() => link.client.webUi.capture(screen, maxBytes), `capture:${screen}`, 'screen');
    let answer = await fetch();
    if (answer.kind === 'login-needed') {
      await link.read(() => link.client.webUi.login(), 'web-login', 'screen');
      answer = await fetch();
    }
    if (answer.kind === 'login-needed') {
      throw new PhoneError(
        'wrong-credentials',
        "The phone's web server refused the screen capture even after its login: the account set up for this phone may not be its admin.",
        { httpStatus: 401 },
      );
    }
    if (answer.kind === 'off') {
      this.last.delete(screen);
      return null;
    }
    // The phone's slot is free now: let the next request (a user's action) get on the wire
    // before the event loop spends milliseconds on this picture's pixels.
    await new Promise((resolve) => setImmediate(resolve));
    return this.picture(screen, answer.bmp, bounds);
  }

  private picture(screen: CaptureScreenName, bmp: Buffer, bounds: BitmapBounds): Picture {
    const id = createHash('sha256').update(bmp).digest('base64url').slice(0, 22);
    const kept = this.last.get(screen);
    const readAt = Date.now();
    if (kept?.id === id) {
      const same = { ...kept, readAt };
      this.last.set(screen, same);
      return same;
    }
    const bitmap = readBmp(bmp, bounds);
    const picture: Picture = {
      screen,
      width: bitmap.width,
      height: bitmap.height,
      id,
      png: writePng(bitmap),
      bmpBytes: bmp.length,
      readAt,
    };
    this.last.set(screen, picture);
    return picture;
  }
}

/** A picture as a viewer receives it: without the PNG when the viewer already shows it. */
export function toScreenPicture(picture: Picture, known: readonly string[]): ScreenPicture {
  return {
    screen: picture.screen,
    width: picture.width,
    height: picture.height,
    id: picture.id,
    png: known.includes(picture.id) ? null : picture.png.toString('base64'),
  };
}
