/**
 * The `screen.*` verbs of one phone: what the screen shows, simulated touches and hardware keys.
 * The screen's reads (uixml, the touch switch) go at 'poll' priority: the remote screen refreshes
 * on an interval and must never hold up call control or a read a user waits for. Touches and
 * keys are actions, checked with the contract's own rules first.
 */
import type { ScreenCapture } from '../../shared/contract/screen';
import { touchGesture } from '../../shared/value-rules';
import { checked } from '../ground/checked';
import { toPhoneError } from '../vvx/phone-error';
import type { PhoneConfig } from './phone-config';
import type { PhoneLink } from './phone-link';
import { describeScreen, firmwareAtLeast } from './screen-facts';
import type { SessionArgs } from './session-args';

/** The remote screen of one phone; see the module comment. */
export class ScreenControl {
  /** Learned from the phone's answer to a key press; until then guessed from the firmware. */
  private keysSupported: boolean | null = null;

  constructor(
    private readonly link: PhoneLink,
    private readonly config: PhoneConfig,
  ) {}

  /** What the screen shows, with its size and whether touch and keys can be simulated. */
  async get(): Promise<ScreenCapture> {
    const { link } = this;
    const xml = await link.admin(() => link.read(() => link.client.uixml(), 'uixml', 'poll'));
    const automation = await this.config.touchSimulationEnabled();
    const { model, firmware } = link.live.status;
    return describeScreen({
      xml,
      model: model ?? '',
      automation,
      keys: this.keysSupported ?? firmwareAtLeast(firmware ?? '', 5, 7),
      capturedAt: Date.now(),
    });
  }

  /** Simulates a touch at screen pixels. */
  async touch(input: SessionArgs<'screen.touch'>): Promise<void> {
    const touch = checked(touchGesture, input, 'touch');
    const { link } = this;
    return link.admin(() => link.action(() => link.client.simulateTouch(touch), false));
  }

  /** Presses a hardware key; remembers whether the firmware can, for get(). */
  async key({ key }: SessionArgs<'screen.key'>): Promise<void> {
    const { link } = this;
    try {
      await link.admin(() => link.action(() => link.client.simulateKeyEvent(key), false));
      this.keysSupported = true;
    } catch (error) {
      if (toPhoneError(error).code === 'not-supported') this.keysSupported = false;
      throw error;
    }
  }
}
