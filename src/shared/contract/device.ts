/** `device.*`: administering one phone — its details, lines, media, restarts and Skype sign-in. */
import { z } from 'zod';

import { CONFIG_RESET_SCOPES } from '../domain';
import { phoneId, uploadUrl } from '../value-rules';
import { action, verb } from './define';

export type KeyValueGroup = Record<string, string>;

export interface DeviceDetails {
  /** Seconds since the phone last started, whichever way its firmware writes it; null if unsaid. */
  uptimeSeconds: number | null;
  device: KeyValueGroup;
  network: KeyValueGroup;
  networkStats: KeyValueGroup;
  stats: KeyValueGroup;
  location: KeyValueGroup;
  attachedHardware: KeyValueGroup;
  /** device/runningConfig (network, provisioning, time, …), flattened; absent where unsupported. */
  runningConfig?: KeyValueGroup;
}

/** Skype for Business on the phone: shown only where the phone reports it. */
export interface SkypeStatus {
  /** False where the phone does not run the Skype for Business profile (it answers 4004). */
  supported: boolean;
  /** The presence the phone reports ("Available", "Offline", …); null when unsupported. */
  presence: string | null;
  /** Everything getPresence answered, flattened. */
  details: KeyValueGroup;
}

export interface LineDetails {
  line: number;
  label: string;
  address: string;
  registration: string;
  protocol: string;
  proxies: string[];
  registrars: string[];
  forwarding: KeyValueGroup;
  doNotDisturb: boolean;
  raw: KeyValueGroup;
}

export interface MediaSample {
  handle: string;
  at: number;
  jitterMs: number;
  packetLossPercent: number;
  mos: number | null;
  codec: string;
  raw: KeyValueGroup;
}

/** One entry of a phone's log (what Deskpilot noticed about it, such as an unreadable answer). */
export interface PhoneLogEntry {
  /** Epoch milliseconds. */
  at: number;
  text: string;
}

const thePhone = z.strictObject({ phoneId });

export const device = {
  details: verb(thePhone).returns<DeviceDetails>(),
  lines: verb(thePhone).returns<LineDetails[]>(),
  media: verb(thePhone).returns<MediaSample[]>(),
  log: verb(thePhone).returns<PhoneLogEntry[]>(),
  restart: action(thePhone),
  reboot: action(thePhone),
  resetConfig: action(z.strictObject({ phoneId, scope: z.enum(CONFIG_RESET_SCOPES) })),
  factoryReset: action(z.strictObject({ phoneId, confirmation: z.literal('FACTORY RESET') })),
  uploadCapture: action(z.strictObject({ phoneId, url: uploadUrl.optional() })),
  skypePresence: verb(thePhone).returns<SkypeStatus>(),
  // Messages name the field and the rule only, so the password is never echoed back.
  skypeSignIn: action(
    z.strictObject({
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
  ),
  skypeSignOut: action(thePhone),
};
