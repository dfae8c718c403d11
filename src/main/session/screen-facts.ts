/**
 * What the engine knows about each phone's screen, from the notes and the capture research:
 * the usable area in pixels (uixml and touch coordinates), the panel (the most a capture may
 * measure), whether it is a touch screen, which family it belongs to (how its capture is
 * switched on), and how many expansion modules it shows.
 */
import type { ScreenStructure } from '../../shared/contract/screen';
import { isRecord } from '../vvx/vvx-values';

interface ScreenFacts {
  width: number;
  height: number;
  touch: boolean;
  /** The datasheet's panel: a capture may cover it all, never more. */
  panel: { width: number; height: number };
}

const SCREENS: [RegExp, ScreenFacts][] = [
  [/^(600|601)$/, { width: 480, height: 252, touch: true, panel: { width: 480, height: 272 } }],
  [/^(500|501)$/, { width: 320, height: 220, touch: true, panel: { width: 320, height: 240 } }],
  [/^1500$/, { width: 800, height: 480, touch: true, panel: { width: 800, height: 480 } }],
  [/^450$/, { width: 480, height: 272, touch: false, panel: { width: 480, height: 272 } }],
  [
    /^(250|350|400|401|410|411)$/,
    { width: 320, height: 240, touch: false, panel: { width: 320, height: 240 } },
  ],
  [
    /^(300|301|310|311)$/,
    { width: 208, height: 104, touch: false, panel: { width: 208, height: 104 } },
  ],
  [/^(101|150|201)$/, { width: 132, height: 64, touch: false, panel: { width: 132, height: 64 } }],
];

/**
 * Unknown models (a Trio, a CCX, an Edge E) get the most common panel to draw on, and a bound
 * that holds the largest capture a public tool printed (a Trio's 722×1282, portrait).
 */
const UNKNOWN: ScreenFacts = {
  width: 320,
  height: 240,
  touch: false,
  panel: { width: 1300, height: 1300 },
};

/** Slack on the panel for a capture: a Trio's is 2 pixels larger than its 720×1280 panel. */
const CAPTURE_SLACK = 4;

/** The most an expansion module's capture may measure (its size is unrecorded; the colour module's panel is 272×480). */
const MODULE_BOUNDS = { maxWidth: 800, maxHeight: 800 };

/** A phone takes at most three expansion modules (PSVVX names `em/1`…`em/3`; the EM addendum). */
const MAX_MODULES = 3;

/** Screen size and touch support for a model string such as "VVX601" or "VVX 601". */
function screenFacts(model: string): ScreenFacts {
  if (!/vvx/i.test(model) && /[a-z]/i.test(model)) return UNKNOWN;
  const number = /(\d{3,4})/.exec(model)?.[1] ?? '';
  return SCREENS.find(([pattern]) => pattern.test(number))?.[1] ?? UNKNOWN;
}

/** The size a capture of the main screen may have on this model. */
export function captureBounds(model: string): { maxWidth: number; maxHeight: number } {
  const { panel } = screenFacts(model);
  return { maxWidth: panel.width + CAPTURE_SLACK, maxHeight: panel.height + CAPTURE_SLACK };
}

/** The size a capture of an expansion module may have. */
export function moduleBounds(): { maxWidth: number; maxHeight: number } {
  return MODULE_BOUNDS;
}

/**
 * How a model's capture is switched on from afar: a VVX's user setting by
 * `up.screenCapture.value` (UC Software 5.7+); the Trio/CCX family's by `.allowed` (Poly Phone
 * Manager's two branches). An Edge E runs the CCX family's software.
 */
export function captureFamily(model: string): 'vvx' | 'ccx' {
  return /trio|ccx|edge/i.test(model) ? 'ccx' : 'vvx';
}

/**
 * Touch coordinates per pixel of the main screen's capture. Both families take the capture's own
 * pixels: Poly Phone Manager doubles its pointer's position on a Trio only because it shows the
 * 722×1282 capture at half size, and a VVX's capture is its touch space, pixel for pixel.
 */
export function captureTouchScale(model: string): number {
  return TOUCH_SCALE[captureFamily(model)];
}

const TOUCH_SCALE: Record<'vvx' | 'ccx', number> = { vvx: 1, ccx: 1 };

/**
 * How many expansion modules with a screen device info lists (`AttachedHardware.EM`: paper
 * modules have none), at most three.
 */
export function screenModules(deviceInfo: Record<string, unknown>): number {
  const attached = Object.entries(deviceInfo).find(([key]) => /^attachedhardware$/i.test(key))?.[1];
  const modules = isRecord(attached)
    ? Object.entries(attached).find(([key]) => key.toLowerCase() === 'em')?.[1]
    : undefined;
  if (!Array.isArray(modules)) return 0;
  const withScreen = modules.filter(
    (module) => !(isRecord(module) && Object.values(module).some((v) => /paper/i.test(String(v)))),
  );
  return Math.min(withScreen.length, MAX_MODULES);
}

/** True when the firmware version (e.g. "5.8.0.17552") is at least major.minor. */
export function firmwareAtLeast(firmware: string, major: number, minor: number): boolean {
  const [a, b] = firmware.split('.').map((part) => Number.parseInt(part, 10));
  if (a === undefined || Number.isNaN(a)) return false;
  return a > major || (a === major && (b ?? 0) >= minor);
}

/**
 * The structure part of a reading: the uixml plus what can be done with the screen, and in
 * words why not where the phone could (touch and keys need the test-automation switch).
 */
export function describeScreen(input: {
  xml: string;
  model: string;
  /** Whether httpd.ta.enabled is on. */
  automation: boolean;
  /** Whether the firmware takes simulateKeyEvent. */
  keys: boolean;
}): ScreenStructure {
  const facts = screenFacts(input.model);
  const usable = facts.touch || input.keys;
  return {
    xml: input.xml,
    model: input.model,
    width: facts.width,
    height: facts.height,
    touch: input.automation && facts.touch,
    keys: input.automation && input.keys,
    unavailableReason:
      usable && !input.automation
        ? `Touch and keys are switched off on this phone: turn on its test-automation setting (httpd.ta.enabled) in Admin → Configuration, then restart the phone.`
        : null,
  };
}
