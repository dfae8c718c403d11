/**
 * The simulator's control API (`/__sim/...`) from outside its process, over the phone's own
 * HTTP(S) port with its certificate pinned. The one control client: the benchmark and every test
 * suite that steers a simulated phone use it.
 */
import { Pool } from 'undici';

import { pinnedConnector } from '../src/main/vvx/pinned-connector';
import type { SimulatedPhoneInfo } from '../src/simulator';

/** Calls the simulator's control API (`/__sim/...`) of one phone and returns its JSON answer. */
export async function control(
  phone: SimulatedPhoneInfo,
  token: string,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<unknown> {
  const pool = new Pool(new URL(phone.url).origin, {
    connect: pinnedConnector(phone.fingerprint, 3000),
  });
  try {
    const response = await pool.request({
      method,
      path: `/__sim/${path}`,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.body.text();
    if (response.statusCode >= 300) {
      throw new Error(`control ${path} answered ${response.statusCode}: ${text}`);
    }
    return text === '' ? null : JSON.parse(text);
  } finally {
    await pool.close();
  }
}

/** Total REST requests the phone has answered so far. */
export async function requestCount(phone: SimulatedPhoneInfo, token: string): Promise<number> {
  const stats = (await control(phone, token, 'GET', 'stats')) as { totalRequests: number };
  return stats.totalRequests;
}
