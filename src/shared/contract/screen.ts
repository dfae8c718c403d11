/** `screen.*`: the phone's remote screen — what it shows, touches and hardware keys. */
import { z } from 'zod';

import { HARDWARE_KEYS } from '../domain';
import { checkTouchPositions, phoneId, touchFields } from '../value-rules';
import { action, verb } from './define';

export interface ScreenCapture {
  xml: string;
  model: string;
  width: number;
  height: number;
  touch: boolean;
  /** Whether the firmware takes simulateKeyEvent (hardware keys beside the screen). */
  keys: boolean;
  /** When touch or keys are unavailable: why, and how to enable them. */
  unavailableReason: string | null;
  capturedAt: number;
}

export const screen = {
  get: verb(z.strictObject({ phoneId })).returns<ScreenCapture>(),
  touch: action(z.strictObject({ phoneId, ...touchFields }).superRefine(checkTouchPositions)),
  key: action(z.strictObject({ phoneId, key: z.enum(HARDWARE_KEYS) })),
};
