/**
 * Argument schemas for every request channel of the contract (see contract.ts). The core parses
 * every argument with these before use: the renderer is never trusted. Kept apart from
 * contract.ts so that UIs, which only need the types, never bundle zod.
 */
import { z } from 'zod';

import {
  CONFIG_EXPORT_TYPES,
  CONFIG_RESET_SCOPES,
  HARDWARE_KEYS,
  TRANSFER_TYPES,
  type RequestChannel,
} from './contract';

// ---- argument building blocks ---------------------------------------------------------------

const phoneId = z.string().min(1).max(64);
/** A user-typed destination: digits, SIP URI or formatted number; normalised in the core. */
const destination = z.string().min(1).max(256);
const callHandle = z
  .string()
  .max(32)
  .regex(/^(0x)?[0-9a-fA-F]{1,16}$/, 'a call handle is hexadecimal, like 0x9577dd30');
const lineNumber = z.number().int().min(1).max(48);
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
  }, 'the phone address must be an http:// or https:// URL, like https://192.168.1.20');
const configName = z
  .string()
  .min(1)
  .max(256)
  .regex(/^[A-Za-z0-9_.\-[\]]+$/, 'a configuration parameter name has letters, digits and dots');

const phoneTarget = z.strictObject({ phoneId });
const callTarget = z.strictObject({ phoneId, handle: callHandle.optional() });

const credentials = {
  name: z.string().trim().min(1).max(80),
  url: phoneUrl,
  username: z.string().min(1).max(128),
  password: z.string().max(256),
};

const touchPosition = z.strictObject({
  x: z.number().int().min(0).max(4096),
  y: z.number().int().min(0).max(4096),
});

const contactNumber = z.strictObject({
  label: z.string().max(40),
  number: z.string().min(1).max(256),
});
const contactInput = z.strictObject({
  name: z.string().trim().min(1).max(200),
  company: z.string().max(200).default(''),
  numbers: z.array(contactNumber).min(1).max(20),
  favourite: z.boolean().default(false),
});

/** App preferences (AppSettings in settings.ts): the settings file and `settings.set` share it. */
export const appSettingsSchema = z.strictObject({
  clickToDial: z.enum(['dial', 'confirm']),
  notifications: z.boolean(),
  globalShortcut: z.string().max(64),
  theme: z.enum(['system', 'light', 'dark']),
  startAtLogin: z.boolean(),
  defaultPhoneId: z.string().max(64).nullable(),
});
const settingsPatch = appSettingsSchema.partial();

// ---- requests -------------------------------------------------------------------------------

/** Argument schemas, one per request channel. */
export const requestSchemas = {
  'phones.list': z.strictObject({}),
  'phones.snapshots': z.strictObject({}),
  'phones.add': z.strictObject({
    ...credentials,
    acceptFingerprint: fingerprint.optional(),
  }),
  'phones.update': z.strictObject({
    phoneId,
    name: credentials.name.optional(),
    url: phoneUrl.optional(),
    username: credentials.username.optional(),
    password: credentials.password.optional(),
    pollIntervalIdleMs: z.number().int().min(1000).max(60_000).optional(),
    pollIntervalActiveMs: z.number().int().min(250).max(10_000).optional(),
  }),
  'phones.remove': phoneTarget,
  'phones.test': z.strictObject({
    url: phoneUrl,
    username: credentials.username,
    password: credentials.password,
    acceptFingerprint: fingerprint.optional(),
  }),
  'phones.acceptCertificate': z.strictObject({ phoneId, fingerprint }),
  'phones.addDemo': z.strictObject({}),

  'calls.dial': z.strictObject({ phoneId, destination, line: lineNumber.optional() }),
  'calls.answer': callTarget,
  'calls.ignore': callTarget,
  'calls.reject': callTarget,
  'calls.hold': callTarget,
  'calls.resume': callTarget,
  'calls.end': z.strictObject({ phoneId, handle: callHandle }),
  'calls.mute': z.strictObject({ phoneId, muted: z.boolean() }),
  'calls.transfer': z.strictObject({ phoneId, handle: callHandle, destination }),
  'calls.sendDtmf': z.strictObject({
    phoneId,
    digits: z
      .string()
      .min(1)
      .max(64)
      .regex(/^[0-9*#A-Da-d]+$/, 'DTMF digits are 0-9, *, # and A-D'),
  }),
  'calls.logs': z.strictObject({
    phoneId,
    kind: z.enum(['missed', 'received', 'placed']).optional(),
  }),

  'screen.get': phoneTarget,
  'screen.touch': z.strictObject({
    phoneId,
    type: z.enum(['Tap', 'Press', 'Release', 'Swipe']),
    positions: z.array(touchPosition).min(1).max(5),
    durationMs: z.number().int().min(0).max(10_000).optional(),
  }),
  'screen.key': z.strictObject({ phoneId, key: z.enum(HARDWARE_KEYS) }),

  'device.details': phoneTarget,
  'device.lines': phoneTarget,
  'device.media': phoneTarget,
  'device.restart': phoneTarget,
  'device.reboot': phoneTarget,
  'device.resetConfig': z.strictObject({ phoneId, scope: z.enum(CONFIG_RESET_SCOPES) }),
  'device.factoryReset': z.strictObject({ phoneId, confirmation: z.literal('FACTORY RESET') }),
  'device.uploadCapture': z.strictObject({ phoneId, url: z.string().url().max(2048).optional() }),
  'device.skypePresence': phoneTarget,
  // Messages name the field and the rule only, so the password is never echoed back.
  'device.skypeSignIn': z.strictObject({
    phoneId,
    address: z.string().trim().min(1).max(256),
    user: z.string().trim().min(1).max(256),
    password: z.string().min(1).max(256),
    domain: z.string().trim().max(256),
    lockCode: z
      .string()
      .regex(/^[0-9]{1,32}$/, 'a lock code is digits only')
      .optional(),
  }),
  'device.skypeSignOut': phoneTarget,

  'config.get': z.strictObject({ phoneId, names: z.array(configName).min(1).max(500) }),
  'config.set': z.strictObject({
    phoneId,
    values: z
      .record(configName, z.string().max(4096))
      .refine((values) => Object.keys(values).length >= 1, 'give at least one parameter'),
  }),
  'config.export': z.strictObject({
    phoneId,
    url: z.string().url().max(2048),
    type: z.enum(CONFIG_EXPORT_TYPES),
  }),
  'config.getTransferType': phoneTarget,
  'config.setTransferType': z.strictObject({ phoneId, type: z.enum(TRANSFER_TYPES) }),

  'contacts.list': z.strictObject({}),
  'contacts.add': contactInput,
  'contacts.update': z.strictObject({ id: z.string().min(1).max(64), contact: contactInput }),
  'contacts.remove': z.strictObject({ id: z.string().min(1).max(64) }),
  'contacts.previewImport': z.strictObject({
    fileName: z.string().max(260),
    content: z.string().max(5_000_000),
  }),
  'contacts.commitImport': z.strictObject({ previewId: z.string().min(1).max(64) }),

  'settings.get': z.strictObject({}),
  'settings.set': settingsPatch,

  'links.parse': z.strictObject({ link: z.string().max(2048) }),
} as const satisfies Record<RequestChannel, z.ZodType>;
