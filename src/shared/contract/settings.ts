/** `settings.*`: the app's preferences. */
import { z } from 'zod';

import type { AppSettings } from '../settings';
import { verb } from './define';

/** App preferences (AppSettings): the settings file and `settings.set` share this schema. */
export const appSettingsSchema = z.strictObject({
  clickToDial: z.enum(['dial', 'confirm']),
  notifications: z.boolean(),
  globalShortcut: z.string().max(64),
  theme: z.enum(['system', 'light', 'dark']),
  startAtLogin: z.boolean(),
  defaultPhoneId: z.string().max(64).nullable(),
  pushPort: z.number().int().min(1024).max(65_535),
}) satisfies z.ZodType<AppSettings>;

export const settings = {
  get: verb(z.strictObject({})).returns<AppSettings>(),
  set: verb(appSettingsSchema.partial()).returns<AppSettings>(),
};
