/**
 * The fleet of measurement 10 as a restarted app finds it: every phone in the settings file
 * (its password in the password file), its instant call events on and proven, and the phone
 * already pointing at the receiver — so the host starts following at once instead of adding
 * 1,000 phones through 1,000 connection tests.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';

import {
  DEFAULT_POLL_INTERVAL_ACTIVE_MS,
  DEFAULT_POLL_INTERVAL_IDLE_MS,
  type StoredPhone,
} from '../src/main/settings/settings-schema';
import { PUSH_SWITCHES, PUSH_URL_NAME } from '../src/main/session/push/push-setup';
import { DEFAULT_SETTINGS } from '../src/shared/settings';
import { phoneControl, type Simulator } from '../src/simulator';
import { inBatches } from './figures';

/** Phones per user-defined group ("Floor 1" … "Floor 10" for 1,000 phones). */
const GROUP_SIZE = 100;
/** Control requests in flight at once while the phones are pointed at the receiver. */
const POINTING_AT_ONCE = 16;

/** The event address and every call event switch, as a phone holds them. */
function pushValues(url: string, switches: '0' | '1'): Record<string, string> {
  return {
    [PUSH_URL_NAME]: url,
    ...Object.fromEntries(PUSH_SWITCHES.map((name) => [name, switches])),
  };
}

/** The id a phone of the fleet gets, by its position (0-based) among the simulator's phones. */
function fleetPhoneId(position: number): string {
  return `desk-${String(position + 1).padStart(4, '0')}`;
}

/** The position among the simulator's phones of the fleet's phone `id` (-1 for another id). */
export function fleetPosition(id: string): number {
  const match = /^desk-(\d{4})$/.exec(id);
  return match?.[1] === undefined ? -1 : Number(match[1]) - 1;
}

/** Its name: zero-padded, so the view's order by name is the simulator's order. */
function fleetPhoneName(position: number): string {
  return `Desk ${String(position + 1).padStart(4, '0')}`;
}

/** A TCP port on 127.0.0.1 that was free a moment ago (the receiver's, fixed before the phones are pointed). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * Writes `settings.json` and `secrets.json` into `dataDir` for every phone of `simulator` and
 * points each phone's events at `127.0.0.1:pushPort`, as after turning them on.
 */
export async function seedFleet(
  dataDir: string,
  simulator: Simulator,
  pushPort: number,
): Promise<void> {
  const phones: StoredPhone[] = [];
  const secrets: Record<string, string> = {};
  const pointAt: { position: number; url: string }[] = [];
  for (const [position, phone] of simulator.phones.entries()) {
    const id = fleetPhoneId(position);
    const token = randomBytes(24).toString('base64url');
    phones.push({
      id,
      name: fleetPhoneName(position),
      url: phone.url,
      username: phone.username,
      pinnedFingerprint: phone.fingerprint,
      pollIntervalIdleMs: DEFAULT_POLL_INTERVAL_IDLE_MS,
      pollIntervalActiveMs: DEFAULT_POLL_INTERVAL_ACTIVE_MS,
      demo: false,
      group: `Floor ${Math.floor(position / GROUP_SIZE) + 1}`,
      push: {
        token,
        state: 'on',
        // The simulator's defaults: what turning the events off would put back.
        previous: pushValues('', '0'),
        proven: true,
      },
    });
    secrets[`phone:${id}`] = phone.adminPassword;
    pointAt.push({ position, url: `http://127.0.0.1:${pushPort}/deskpilot/events/${token}` });
  }
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  await writeFile(
    join(dataDir, 'settings.json'),
    JSON.stringify({ phones, app: { ...DEFAULT_SETTINGS, pushPort }, pushRestores: [] }),
  );
  await writeFile(join(dataDir, 'secrets.json'), JSON.stringify(secrets), { mode: 0o600 });
  await inBatches(pointAt, POINTING_AT_ONCE, async ({ position, url }) => {
    const phone = simulator.phones[position];
    if (phone === undefined) return;
    await phoneControl(phone, simulator.controlToken).config({ params: pushValues(url, '1') });
  });
}
