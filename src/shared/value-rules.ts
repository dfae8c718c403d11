/**
 * The rules every value crossing into the core must follow, defined once: the contract's argument
 * schemas are built from them, and the phone session checks what it is handed with the same
 * rules, so a call handle, DTMF digits, a line, a configuration name or a touch are judged
 * alike whichever way they arrive. Messages name the rule only, never echo the value.
 */
import { z } from 'zod';

import { TOUCH_TYPES } from './domain';

/** A configured phone's id. */
export const phoneId = z.string().min(1).max(64);

/** A phone's name as the user gives it (unique among the configured phones, ignoring case). */
export const phoneName = z.string().trim().min(1).max(80);

/** A SHA-256 certificate fingerprint as Node and the phone's web page show it. */
export const certificateFingerprint = z
  .string()
  .regex(
    /^([0-9A-Fa-f]{2}:){31}[0-9A-Fa-f]{2}$/,
    'a SHA-256 fingerprint is 32 hex pairs joined by ":"',
  );

/**
 * A user-defined group of phones ("Reception", "Sales"): the operator view shows one group at a
 * time, and a fleet import may name it per row.
 */
export const phoneGroup = z
  .string()
  .trim()
  .min(1, 'a group name cannot be empty')
  .max(40, 'a group name has at most 40 characters')
  .regex(/^[^\p{Cc}]+$/u, 'a group name cannot hold control characters');

/** A call handle as the phone prints it, with or without `0x`. */
export const callHandle = z
  .string()
  .max(32)
  .regex(/^(0x)?[0-9a-fA-F]{1,16}$/, 'a call handle is hexadecimal, like 0x9577dd30');

/** Digits sent as tones on a call. */
export const dtmfDigits = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[0-9*#A-Da-d]+$/, 'DTMF digits are 0-9, *, # and A-D');

/** A line of the phone, numbered from 1 (the largest VVX has 48 line keys). */
export const lineNumber = z.number().int().min(1).max(48);

/** What a user, a link or a contact asks to call; the dial-target parser decides what it means. */
export const dialText = z.string().min(1).max(256);

/**
 * What may stand in the phone's own destination field once parsed: a number or SIP address,
 * never a character that could break out of it.
 */
export const phoneDestination = z
  .string()
  .trim()
  .min(1)
  .max(256)
  .regex(
    /^[^\p{Cc}"<>]+$/u,
    'a phone number or SIP address cannot hold quotes, <, > or control characters',
  );

/** Whether an address holds no user name or password (an unreadable one holds none either). */
export function withoutCredentials(value: string): boolean {
  try {
    const url = new URL(value);
    return url.username === '' && url.password === '';
  } catch {
    return true;
  }
}

/** Whether `value` is an absolute URL with a host, on one of `protocols` (like 'https:'). */
function urlOn(protocols: ReadonlySet<string>): (value: string) => boolean {
  return (value) => {
    try {
      const url = new URL(value);
      return protocols.has(url.protocol) && url.hostname !== '';
    } catch {
      return false;
    }
  };
}

/** Where a phone is reached: an http:// or https:// address without credentials in it. */
export const phoneUrl = z
  .string()
  .max(2048)
  .refine(
    urlOn(new Set(['http:', 'https:'])),
    'the phone address must be an http:// or https:// URL, like https://192.168.1.20',
  )
  .refine(
    withoutCredentials,
    'the phone address cannot hold a user name or password: give them in their own fields',
  );

/** The protocols a phone uploads over (those of its provisioning server). */
const UPLOAD_PROTOCOLS: ReadonlySet<string> = new Set([
  'http:',
  'https:',
  'ftp:',
  'ftps:',
  'tftp:',
]);

/**
 * Where a phone may upload a configuration export or a packet capture: an absolute address on
 * one of the phone's provisioning protocols, without a user name or password in it (those would
 * be shown, logged and stored wherever the address goes).
 */
export const uploadUrl = z
  .string()
  .max(2048)
  .refine(
    urlOn(UPLOAD_PROTOCOLS),
    'the address must be an http, https, ftp, ftps or tftp URL, like https://192.168.1.5/upload',
  )
  .refine(withoutCredentials, 'the address cannot hold a user name or password');

/** A configuration parameter name, like `voice.volume.persist.handset`. */
export const configName = z
  .string()
  .min(1)
  .max(256)
  .regex(/^[A-Za-z0-9_.\-[\]]+$/, 'a configuration parameter name has letters, digits and dots');

/** One or more configuration parameter names (any number: the session sends them in batches). */
export const configNames = z.array(configName).min(1);

/** A pixel on the phone's screen (no VVX screen is larger than 4096 in either direction). */
const touchPoint = z.strictObject({
  x: z.number().int().min(0).max(4096),
  y: z.number().int().min(0).max(4096),
});

/** The fields of a simulated touch: what, where, and for a swipe how long. */
export const touchFields = {
  type: z.enum(TOUCH_TYPES),
  positions: z.array(touchPoint).min(1).max(5),
  durationMs: z.number().int().min(0).max(10_000).optional(),
};

/** A tap, press or release touches one point; a swipe passes through two to five. */
export function checkTouchPositions(
  touch: { type: (typeof TOUCH_TYPES)[number]; positions: unknown[] },
  context: z.RefinementCtx,
): void {
  const swipe = touch.type === 'Swipe';
  const count = touch.positions.length;
  if (swipe ? count >= 2 && count <= 5 : count === 1) return;
  context.addIssue({
    code: 'custom',
    path: ['positions'],
    message: swipe ? 'a swipe takes two to five positions' : `a ${touch.type} takes one position`,
  });
}

/** A simulated touch, as the session takes it. */
export const touchGesture = z.strictObject(touchFields).superRefine(checkTouchPositions);
