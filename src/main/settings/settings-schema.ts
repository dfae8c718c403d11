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

/** The random secret in a phone's event URL: 32 URL-safe characters (192 bits). */
export const pushTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{32}$/);

/** The phone's own values Deskpilot changed, to put back: configuration name → value. */
const previousValuesSchema = z
  .record(z.string().min(1).max(256), z.string().max(4096))
  .refine((values) => Object.keys(values).length <= 20, 'at most 20 values');

/**
 * A phone's instant call events as Deskpilot set them up. Kept from before the phone is changed
 * until its previous values are back, so a crash or a kill in between still restores them.
 */
export const storedPushSchema = z.strictObject({
  token: pushTokenSchema,
  /** 'on'; or 'restoring': turned off, the phone's previous values not back yet. */
  state: z.enum(['on', 'restoring']),
  previous: previousValuesSchema,
  /** An event has come through since it was set up. */
  proven: z.boolean(),
});
export type StoredPush = z.infer<typeof storedPushSchema>;

/**
 * A removed phone whose previous values could not be put back yet (it did not answer): enough
 * to reach it again. Its password waits in the secret store under `push-restore:<id>`.
 */
export const pendingRestoreSchema = z.strictObject({
  id: z.string().min(1).max(64),
  name: z.string().min(1).max(80),
  url: z.string().min(1).max(2048),
  username: z.string().min(1).max(128),
  pinnedFingerprint: fingerprint.nullable(),
  token: pushTokenSchema,
  previous: previousValuesSchema,
});
export type PendingRestore = z.infer<typeof pendingRestoreSchema>;

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
  /** The user-defined group; absent from files written before groups existed. */
  group: z.string().min(1).max(40).optional(),
  push: storedPushSchema.optional(),
});
export type StoredPhone = z.infer<typeof storedPhoneSchema>;
