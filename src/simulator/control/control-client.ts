/**
 * The simulator's control API (`/__sim/...`) from any process, over the phone's own HTTP(S) port
 * with its certificate pinned. The one control client: the benchmark and every test suite that
 * steers a simulated phone use it, whether the phones run in the same process or another.
 */
import type { FaultsInput } from '../phone/faults';
import type { SimulatorStats } from '../phone/stats';
import type { ConfigInput, PhoneSnapshot, RingInput } from './control-api';
import { pinnedRequest } from './pinned-request';

export type ControlMethod = 'GET' | 'POST';

/** Where a phone's control API answers: its URL and, over HTTPS, its certificate's fingerprint. */
export interface ControlAddress {
  url: string;
  fingerprint: string | null;
}

/** A running simulator, in this process or another: its phones and its control token. */
export interface SimulatorHandle {
  phones: readonly ControlAddress[];
  controlToken: string;
}

const TIMEOUT_MS = 10_000;
/** Generous: the state dump carries up to 300 call-log entries, stats every dial and upload. */
const MAX_ANSWER_BYTES = 16 * 1024 * 1024;

/**
 * Sends one control request (`path` with or without `/__sim/`, e.g. `stats`) and returns its
 * JSON answer; throws with the phone's answer when it is not 2xx.
 */
export async function controlRequest(
  phone: ControlAddress,
  token: string,
  method: ControlMethod,
  path: string,
  body?: unknown,
): Promise<unknown> {
  const name = path.replace(/^\/?(__sim\/)?/, '');
  const answer = await pinnedRequest({
    method,
    url: new URL(`/__sim/${name}`, phone.url),
    fingerprint: phone.fingerprint,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    timeoutMs: TIMEOUT_MS,
    maxAnswerBytes: MAX_ANSWER_BYTES,
  });
  if (answer.status >= 300) {
    throw new Error(`control ${name} answered ${answer.status}: ${answer.text}`);
  }
  return answer.text === '' ? null : (JSON.parse(answer.text) as unknown);
}

/** One simulated phone's control API, verb by verb (README.md, "Control API"). */
export interface PhoneControl {
  /** Any control request; `path` as in `controlRequest`. */
  request(method: ControlMethod, path: string, body?: unknown): Promise<unknown>;
  state(): Promise<PhoneSnapshot>;
  stats(): Promise<SimulatorStats>;
  /** Rings the phone from `from`; resolves with the new call's handle (throws when it did not ring). */
  ring(from: string, name?: string, options?: Omit<RingInput, 'from' | 'name'>): Promise<string>;
  /** The far end answers or hangs up a call. */
  remote(handle: string, action: 'answer' | 'hangup'): Promise<void>;
  /** Sets parameters, line registration or do-not-disturb directly (as provisioning would). */
  config(body: ConfigInput): Promise<void>;
  /** Arms or clears faults (README.md, "Faults"). */
  faults(body: FaultsInput): Promise<void>;
  /** Power-cycles the phone: unreachable for `ms` (default: the simulator's reboot time). */
  reboot(ms?: number): Promise<void>;
  /** Back to the state the simulator started the phone in. */
  reset(): Promise<void>;
  /** Issues a new certificate; resolves with its fingerprint (null over plain HTTP). */
  rotateCertificate(): Promise<string | null>;
  /** The person at the phone switches its Screen Capture setting (Settings → Basic → Preferences). */
  screenCaptureSetting(on: boolean): Promise<void>;
  /** What one screen shows now (`mainScreen` or `em/N`), as the phone's capture BMP. */
  capture(screen?: string): Promise<Buffer>;
}

/** The control API of one phone, given its address and the simulator's control token. */
export function phoneControl(phone: ControlAddress, token: string): PhoneControl {
  const request = (method: ControlMethod, path: string, body?: unknown): Promise<unknown> =>
    controlRequest(phone, token, method, path, body);
  return {
    request,
    state: async () => (await request('GET', 'state')) as PhoneSnapshot,
    stats: async () => (await request('GET', 'stats')) as SimulatorStats,
    async ring(from, name, options) {
      const body: RingInput = { from, ...(name ? { name } : {}), ...options };
      const answer = (await request('POST', 'ring', body)) as { handle: string | null };
      if (answer.handle === null) {
        throw new Error('the simulated phone did not ring (do not disturb?)');
      }
      return answer.handle;
    },
    async remote(handle, action) {
      await request('POST', 'remote', { handle, action });
    },
    async config(body) {
      await request('POST', 'config', body);
    },
    async faults(body) {
      await request('POST', 'faults', body);
    },
    async reboot(ms) {
      await request('POST', 'reboot', ms === undefined ? {} : { ms });
    },
    async reset() {
      await request('POST', 'reset', {});
    },
    async rotateCertificate() {
      return ((await request('POST', 'rotate-certificate')) as { fingerprint: string | null })
        .fingerprint;
    },
    async screenCaptureSetting(on) {
      await request('POST', 'screen-capture', { on });
    },
    async capture(screen) {
      const answer = (await request('POST', 'capture', screen ? { screen } : {})) as {
        bmp: string;
      };
      return Buffer.from(answer.bmp, 'base64');
    },
  };
}

/** Phone `index` (0-based) of a running simulator; throws when it started fewer phones. */
function phoneAt(sim: SimulatorHandle, index: number): ControlAddress {
  const phone = sim.phones[index];
  if (phone === undefined) throw new Error(`the simulator started no phone ${index}`);
  return phone;
}

/** One control request to phone `index` (0-based) of a running simulator. */
export function controlAt(
  sim: SimulatorHandle,
  method: ControlMethod,
  path: string,
  body?: unknown,
  index = 0,
): Promise<unknown> {
  return controlRequest(phoneAt(sim, index), sim.controlToken, method, path, body);
}

/** The counters of phone `index` (0-based) of a running simulator. */
export function statsAt(sim: SimulatorHandle, index = 0): Promise<SimulatorStats> {
  return phoneControl(phoneAt(sim, index), sim.controlToken).stats();
}
