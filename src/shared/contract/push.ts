/**
 * `push.*`: a phone's instant call events — the phone posts each call event to Deskpilot, which
 * then reads the calls at once instead of waiting for the next poll. Turning them on changes the
 * phone's `apps.telNotification.*` configuration (admin access needed); turning them off puts back
 * what was there before.
 */
import { z } from 'zod';

import type { PushStatus } from '../domain';
import { phoneId } from '../value-rules';
import { verb } from './define';

/** One configuration value Deskpilot would change on the phone. */
export interface PushChange {
  name: string;
  /** What the phone has now (null: the phone did not say). */
  from: string | null;
  /** What Deskpilot would set (the address of this computer, with the secret part hidden). */
  to: string;
}

/** What turning instant call events on would change, before anything is changed. */
export interface PushPlan {
  changes: PushChange[];
  /** Where this computer would listen for the phone's events, e.g. `192.168.1.5:8489`. */
  listeningOn: string;
  /** Event switches this phone's firmware does not have (left alone). */
  unsupported: string[];
}

const onePhone = z.strictObject({ phoneId });

export const push = {
  status: verb(onePhone).returns<PushStatus>(),
  plan: verb(onePhone).returns<PushPlan>(),
  enable: verb(onePhone).returns<PushStatus>(),
  disable: verb(onePhone).returns<PushStatus>(),
};
