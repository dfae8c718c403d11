/**
 * `screen.*`: the phone's remote screen — its real picture (the web UI's capture), its structure
 * (uixml: texts, keys, where they are), touches and hardware keys, and turning the capture on for
 * as long as someone views it.
 */
import { z } from 'zod';

import { HARDWARE_KEYS } from '../domain';
import { checkTouchPositions, phoneId, touchFields } from '../value-rules';
import { action, verb } from './define';

/** What the phone's screen description (uixml) says, and what can be done with the screen. */
export interface ScreenStructure {
  xml: string;
  model: string;
  /** The screen in phone pixels (the model's usable area). */
  width: number;
  height: number;
  touch: boolean;
  /** Whether the firmware takes simulateKeyEvent (hardware keys beside the screen). */
  keys: boolean;
  /** When touch or keys cannot be used although the phone has them: why, and the fix. */
  unavailableReason: string | null;
}

/** One screen's picture: the main screen (`mainScreen`) or an expansion module (`em/N`). */
export interface ScreenPicture {
  screen: string;
  width: number;
  height: number;
  /** Identifies the picture's pixels: the same id, the same picture. */
  id: string;
  /** The picture as a PNG, base64; null when the viewer said it already has this id. */
  png: string | null;
}

/** A configuration value Deskpilot sets to turn the capture on, and what it was. */
export interface CaptureChange {
  name: string;
  /** What it is for, in words. */
  label: string;
  /** The phone's value before (its default when nothing had set it): what is put back. */
  from: string;
  to: string;
}

/** The capture is off: why, and what turning it on would take. */
export interface CaptureOffer {
  reason: string;
  /** What Deskpilot would set (none: nothing it can set helps). */
  changes: CaptureChange[];
  /** What the person at the phone must press (firmware that cannot be switched from afar). */
  atThePhone: string | null;
  /** Why Deskpilot cannot turn it on itself (no admin access, the web server off), or null. */
  blocked: string | null;
}

/** The real picture's state for one viewer. */
export type CaptureState =
  | {
      state: 'on';
      /** The main screen first, then each expansion module. */
      pictures: ScreenPicture[];
      /** Touch coordinates per pixel of the main screen's picture (its model family's mapping). */
      touchScale: number;
      /** What Deskpilot set for this viewing; put back when the last viewer closes. */
      changed: CaptureChange[];
    }
  | { state: 'off'; offer: CaptureOffer }
  | { state: 'unavailable'; reason: string };

/** What one look at the screen returns: its structure and, when possible, its picture. */
export interface ScreenReading {
  structure: ScreenStructure;
  capture: CaptureState;
  readAt: number;
}

/** One open viewer of a phone's screen (a window's remote-screen view), named by the window. */
const viewer = z
  .string()
  .min(8)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'a viewer id has letters, digits, - and _');

/** Picture ids a viewer already shows (so they are not sent again). */
const known = z.array(z.string().max(64)).max(8).optional();

export const screen = {
  get: verb(z.strictObject({ phoneId, viewer, known })).returns<ScreenReading>(),
  enableCapture: verb(z.strictObject({ phoneId, viewer })).returns<CaptureState>(),
  /** The viewer is still open (while hidden it reads nothing, so it says so). */
  hold: action(z.strictObject({ phoneId, viewer })),
  /** The viewer closed: what Deskpilot changed for it is put back if no other viewer remains. */
  release: action(z.strictObject({ phoneId, viewer })),
  touch: action(z.strictObject({ phoneId, ...touchFields }).superRefine(checkTouchPositions)),
  key: action(z.strictObject({ phoneId, key: z.enum(HARDWARE_KEYS) })),
};
