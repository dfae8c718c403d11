/** `phones.*`: the configured phones — add, edit, test, remove, and the demo phone. */
import { z } from 'zod';

import type { AttentionReason, PhoneInfo, PhoneSnapshot } from '../domain';
import { phoneGroup, phoneId, withoutCredentials } from '../value-rules';
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

const fingerprint = z
  .string()
  .regex(
    /^([0-9A-Fa-f]{2}:){31}[0-9A-Fa-f]{2}$/,
    'a SHA-256 fingerprint is 32 hex pairs joined by ":"',
  );
const phoneUrl = z
  .string()
  .max(2048)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
    } catch {
      return false;
    }
  }, 'the phone address must be an http:// or https:// URL, like https://192.168.1.20')
  .refine(
    withoutCredentials,
    'the phone address cannot hold a user name or password: give them in their own fields',
  );
const name = z.string().trim().min(1).max(80);
const username = z.string().min(1).max(128);
const password = z.string().max(256);

export const phones = {
  list: verb(z.strictObject({})).returns<PhoneInfo[]>(),
  snapshots: verb(z.strictObject({})).returns<PhoneSnapshot[]>(),
  add: verb(
    z.strictObject({
      name,
      url: phoneUrl,
      username,
      password,
      acceptFingerprint: fingerprint.optional(),
      group: phoneGroup.nullable().optional(),
    }),
  ).returns<PhoneInfo>(),
  update: verb(
    z.strictObject({
      phoneId,
      name: name.optional(),
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
      acceptFingerprint: fingerprint.optional(),
    }),
  ).returns<ConnectionTestResult>(),
  acceptCertificate: verb(z.strictObject({ phoneId, fingerprint })).returns<PhoneInfo>(),
  addDemo: verb(z.strictObject({})).returns<PhoneInfo>(),
  /** A made-up caller rings the demo phone (again while a call is up: call waiting). */
  ringDemo: verb(z.strictObject({})).returns<null>(),
};
