/**
 * The `screen.*` verbs of one phone: its real picture (the web UI's capture) with its structure
 * (uixml) on top, simulated touches and hardware keys, and the capture switched on for as long
 * as someone views it. Every screen read goes at the queue's lowest priority ('screen'), so call
 * control and reads a user waits for pass first and wait behind at most the one read in flight.
 * The uixml is read again only when the picture changed (or without a picture), which halves
 * what an open remote screen asks of the phone. Touches and keys are actions, checked with the
 * contract's own rules first.
 */
import type {
  CaptureOffer,
  CaptureState,
  ScreenReading,
  ScreenStructure,
} from '../../shared/contract/screen';
import { touchGesture } from '../../shared/value-rules';
import { checked } from '../ground/checked';
import { toPhoneError } from '../vvx/phone-error';
import type { PhoneConfig } from './phone-config';
import type { PhoneLink } from './phone-link';
import { CaptureReader, toScreenPicture, type Picture } from './screen/capture-reader';
import { CaptureSwitch, NO_LEDGER, type CaptureLedger } from './screen/capture-switch';
import { captureTouchScale, describeScreen, firmwareAtLeast } from './screen-facts';
import type { SessionArgs } from './session-args';

/** How long the structure is reused while the picture stays the same. */
const STRUCTURE_MAX_AGE_MS = 15_000;

const CAPTURE_OFF =
  'The phone’s screen capture is off, so this is a reconstruction drawn from the phone’s description of its screen, not its picture.';

/** The remote screen of one phone; see the module comment. */
export class ScreenControl {
  /** Learned by asking the phone once (or from its answer to a key press). */
  private keysSupported: boolean | null = null;
  private readonly reader: CaptureReader;
  private readonly switch: CaptureSwitch;
  private structure: { value: ScreenStructure; pictureId: string | null; at: number } | null = null;
  /** Why the capture cannot be read at all this session (a refused web login is never retried). */
  private captureRefused: string | null = null;
  /** What turning the capture on would take, read once while it stays off. */
  private offer: CaptureOffer | null = null;

  constructor(
    private readonly link: PhoneLink,
    private readonly config: PhoneConfig,
    ledger: CaptureLedger = NO_LEDGER,
  ) {
    this.reader = new CaptureReader(link);
    this.switch = new CaptureSwitch(link, ledger);
  }

  /** Puts back what an earlier run left changed (the session starts). */
  start(): void {
    this.switch.retry();
  }

  /** Puts back what this session changed (the session stops). */
  async stop(): Promise<void> {
    await this.switch.stop();
  }

  /** What the screen shows: its picture when the phone captures, and its structure. */
  async get({ viewer, known }: SessionArgs<'screen.get'>): Promise<ScreenReading> {
    this.switch.hold(viewer);
    const capture = await this.capture(known ?? []);
    const pictureId = capture.state === 'on' ? (capture.pictures[0]?.id ?? null) : null;
    const kept = this.structure;
    const fresh =
      kept !== null &&
      pictureId !== null &&
      kept.pictureId === pictureId &&
      Date.now() - kept.at < STRUCTURE_MAX_AGE_MS;
    // A picture is worth showing with the last structure when the new one cannot be read.
    const structure = fresh
      ? kept.value
      : await this.readStructure(pictureId).catch((error: unknown) => {
          if (pictureId === null || kept === null) throw error;
          return kept.value;
        });
    return { structure, capture, readAt: Date.now() };
  }

  /** Turns the capture on for this viewer (the user asked), then reads the picture. */
  async enableCapture({ viewer }: SessionArgs<'screen.enableCapture'>): Promise<CaptureState> {
    this.captureRefused = null;
    this.offer = null;
    const atThePhone = await this.switch.enable(viewer);
    const state = await this.capture([]);
    if (state.state !== 'off' || atThePhone === null) return state;
    return { state: 'off', offer: { ...state.offer, atThePhone } };
  }

  /** The viewer is still open, though hidden (it reads nothing meanwhile). */
  hold({ viewer }: SessionArgs<'screen.hold'>): Promise<void> {
    this.switch.hold(viewer);
    return Promise.resolve();
  }

  /** The viewer closed: what was changed for it goes back once no viewer remains. */
  async release({ viewer }: SessionArgs<'screen.release'>): Promise<void> {
    await this.switch.release(viewer);
  }

  /** Simulates a touch at screen pixels. */
  async touch(input: SessionArgs<'screen.touch'>): Promise<void> {
    const touch = checked(touchGesture, input, 'touch');
    const { link } = this;
    return link.admin(() => link.action(() => link.client.simulateTouch(touch), false));
  }

  /** Presses a hardware key; remembers whether the firmware can. */
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

  /** The picture, or why there is none and what turning the capture on would take. */
  private async capture(known: readonly string[]): Promise<CaptureState> {
    if (this.captureRefused !== null) return { state: 'unavailable', reason: this.captureRefused };
    let main: Picture | null;
    let modules: Picture[] = [];
    try {
      main = await this.reader.main();
      if (main !== null) modules = await this.reader.modulePictures();
    } catch (error) {
      const problem = toPhoneError(error);
      // A refused web login is not repeated: a few wrong ones lock the phone's web login.
      if (problem.code === 'wrong-credentials' || problem.code === 'insufficient-access') {
        this.captureRefused = problem.message;
      }
      return { state: 'unavailable', reason: problem.message };
    }
    if (main === null) {
      this.reader.forget();
      return { state: 'off', offer: await this.currentOffer() };
    }
    this.offer = null;
    return {
      state: 'on',
      pictures: [main, ...modules].map((picture) => toScreenPicture(picture, known)),
      touchScale: captureTouchScale(this.link.live.status.model ?? ''),
      changed: this.switch.changed,
    };
  }

  /** What turning the capture on would take; a failure to find out is said, not thrown. */
  private async currentOffer(): Promise<CaptureOffer> {
    try {
      this.offer ??= await this.switch.offer(CAPTURE_OFF, 'screen');
      return this.offer;
    } catch (error) {
      const problem = toPhoneError(error);
      return {
        reason: CAPTURE_OFF,
        changes: [],
        atThePhone: null,
        blocked: `Deskpilot could not read the phone’s capture settings: ${problem.message}`,
      };
    }
  }

  private async readStructure(pictureId: string | null): Promise<ScreenStructure> {
    const { link } = this;
    const xml = await link.admin(() => link.read(() => link.client.uixml(), 'uixml', 'screen'));
    const automation = await this.config.touchSimulationEnabled();
    const { model, firmware } = link.live.status;
    const value = describeScreen({
      xml,
      model: model ?? '',
      automation,
      keys: await this.keys(firmware ?? ''),
    });
    this.structure = { value, pictureId, at: Date.now() };
    return value;
  }

  /**
   * Whether the phone takes simulated key presses: asked once (firmware before 5.7 never does),
   * so keys are offered only where the firmware has them.
   */
  private async keys(firmware: string): Promise<boolean> {
    if (this.keysSupported !== null) return this.keysSupported;
    if (!firmwareAtLeast(firmware, 5, 7)) return false;
    const { link } = this;
    this.keysSupported = await link.admin(() =>
      link.read(() => link.client.probeKeyEvent(), 'probe-keys', 'screen'),
    );
    return this.keysSupported;
  }
}
