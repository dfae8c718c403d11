import { z } from 'zod';

/**
 * How often a phone is polled when idle. Three seconds keeps an idle phone at 20 requests a
 * minute (a phone should see at most 30) while an incoming ring still shows within about three
 * seconds.
 */
export const DEFAULT_POLL_INTERVAL_IDLE_MS = 3000;
/** How often a phone is polled while a call exists: call durations and states stay current. */
export const DEFAULT_POLL_INTERVAL_ACTIVE_MS = 1000;

const fingerprint = z.string().regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);

/** One configured phone as stored on disk. The password is NOT here: see secret-store.ts. */
export const storedPhoneSchema = z.strictObject({
  id: z.string().min(1).max(64),
  name: z.string().min(1).max(80),
  url: z.string().min(1).max(2048),
  username: z.string().min(1).max(128),
  pinnedFingerprint: fingerprint.nullable(),
  pollIntervalIdleMs: z.number().int().min(1000).max(60_000),
  pollIntervalActiveMs: z.number().int().min(250).max(10_000),
  demo: z.boolean(),
});
export type StoredPhone = z.infer<typeof storedPhoneSchema>;
