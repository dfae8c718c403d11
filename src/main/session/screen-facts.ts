/**
 * What the engine knows about each VVX model's screen, from the notes: usable area in pixels
 * (the touch coordinate space) and whether it is a touch screen.
 */
import type { ScreenCapture } from '../../shared/contract/screen';

interface ScreenFacts {
  width: number;
  height: number;
  touch: boolean;
}

const SCREENS: [RegExp, ScreenFacts][] = [
  [/^(600|601)$/, { width: 480, height: 252, touch: true }],
  [/^(500|501)$/, { width: 320, height: 220, touch: true }],
  [/^1500$/, { width: 800, height: 480, touch: true }],
  [/^450$/, { width: 480, height: 272, touch: false }],
  [/^(250|350|400|401|410|411)$/, { width: 320, height: 240, touch: false }],
  [/^(300|301|310|311)$/, { width: 208, height: 104, touch: false }],
  [/^(101|150|201)$/, { width: 132, height: 64, touch: false }],
];

/** Screen size and touch support for a model string such as "VVX601" or "VVX 601". */
function screenFacts(model: string): ScreenFacts {
  const number = /(\d{3,4})/.exec(model)?.[1] ?? '';
  const known = SCREENS.find(([pattern]) => pattern.test(number));
  // Unknown models get the most common panel so a remote screen still renders.
  return known?.[1] ?? { width: 320, height: 240, touch: false };
}

/** True when the firmware version (e.g. "5.8.0.17552") is at least major.minor. */
export function firmwareAtLeast(firmware: string, major: number, minor: number): boolean {
  const [a, b] = firmware.split('.').map((part) => Number.parseInt(part, 10));
  if (a === undefined || Number.isNaN(a)) return false;
  return a > major || (a === major && (b ?? 0) >= minor);
}

/**
 * The remote-screen answer: the uixml plus what can be done with it, and in words why not
 * (touch and keys need `httpd.ta.enabled=1`; only some models have touch screens).
 */
export function describeScreen(input: {
  xml: string;
  model: string;
  /** Whether httpd.ta.enabled is on. */
  automation: boolean;
  /** Whether the firmware takes simulateKeyEvent. */
  keys: boolean;
  capturedAt: number;
}): ScreenCapture {
  const facts = screenFacts(input.model);
  const reasons: string[] = [];
  if (!input.automation) {
    reasons.push('Touch and key simulation are off: set httpd.ta.enabled=1 on the phone.');
  } else if (!facts.touch) {
    reasons.push(`The ${input.model || 'phone'} has no touch screen.`);
  }
  if (input.automation && !input.keys) reasons.push('This firmware cannot simulate key presses.');
  return {
    xml: input.xml,
    model: input.model,
    width: facts.width,
    height: facts.height,
    touch: input.automation && facts.touch,
    keys: input.automation && input.keys,
    unavailableReason: reasons.length === 0 ? null : reasons.join(' '),
    capturedAt: input.capturedAt,
  };
}
