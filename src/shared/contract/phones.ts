/** `phones.*`: the configured phones — add, edit, test, remove, and the demo phone. */
import { z } from 'zod';

import type { AttentionReason, PhoneInfo, PhoneSnapshot } from '../domain';
import { certificateFingerprint, phoneGroup, phoneId, phoneName, phoneUrl } from '../value-rules';
import { verb } from './define';

export interface ConnectionTestResult {
  ok: boolean;
  attention: AttentionReason | 'unreachable' | null;
  /** What is wrong and how to fix it, or what was found. */
  message: string;
  /** Certificate fingerprint the phone presented (HTTPS only). */
  fingerprint: string | null;
  model: string | null;
  firmware: string | null;
  /** Whether the credentials give admin access (needed for the admin console and remote screen). */
  admin: boolean;
}

const username = z.string().min(1).max(128);
const password = z.string().max(256);

export const phones = {
  list: verb(z.strictObject({})).returns<PhoneInfo[]>(),
  snapshots: verb(z.strictObject({})).returns<PhoneSnapshot[]>(),
  add: verb(
    z.strictObject({
      name: phoneName,
      url: phoneUrl,
      username,
      password,
      acceptFingerprint: certificateFingerprint.optional(),
      group: phoneGroup.nullable().optional(),
    }),
  ).returns<PhoneInfo>(),
  update: verb(
    z.strictObject({
      phoneId,
      name: phoneName.optional(),
      url: phoneUrl.optional(),
      username: username.optional(),
      password: password.optional(),
      pollIntervalIdleMs: z.number().int().min(1000).max(60_000).optional(),
      pollIntervalActiveMs: z.number().int().min(250).max(10_000).optional(),
      /** null takes the phone out of its group. */
      group: phoneGroup.nullable().optional(),
    }),
  ).returns<PhoneInfo>(),
  remove: verb(z.strictObject({ phoneId })).returns<null>(),
  test: verb(
    z.strictObject({
      url: phoneUrl,
      username,
      password,
      acceptFingerprint: certificateFingerprint.optional(),
    }),
  ).returns<ConnectionTestResult>(),
  acceptCertificate: verb(
    z.strictObject({ phoneId, fingerprint: certificateFingerprint }),
  ).returns<PhoneInfo>(),
  addDemo: verb(z.strictObject({})).returns<PhoneInfo>(),
  /** A made-up caller rings the demo phone (again while a call is up: call waiting). */
  ringDemo: verb(z.strictObject({})).returns<null>(),
};
