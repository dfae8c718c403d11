/**
 * Test helper: steer a simulated phone through its control API (`/__sim/...`). Over HTTPS it
 * pins the simulator's own certificate with the engine's connector, so tests never switch
 * verification off either.
 */
import { Pool } from 'undici';

import { pinnedConnector } from '../../../src/main/vvx/pinned-connector';
import type { Simulator } from '../../../src/simulator';

/** Sends one control request to phone `index` (0-based) and returns its JSON answer. */
export async function control(
  sim: Simulator,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  index = 0,
): Promise<unknown> {
  const phone = sim.phones[index];
  if (phone === undefined) throw new Error(`no simulated phone ${index}`);
  const pool = new Pool(phone.url, { connect: pinnedConnector(phone.fingerprint, 2000) });
  try {
    const response = await pool.request({
      method,
      path,
      headers: { authorization: `Bearer ${sim.controlToken}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json: unknown = await response.body.json();
    if (response.statusCode >= 300) {
      throw new Error(`control ${path} answered ${response.statusCode}: ${JSON.stringify(json)}`);
    }
    return json;
  } finally {
    await pool.destroy();
  }
}

export interface SimStats {
  requests: Record<string, number>;
  totalRequests: number;
  maxConcurrent: number;
  parallelRejected: number;
  dials: { destination: string; line: number }[];
  transfers: { destination: string }[];
  faultsInjected: number;
}

/** The simulator's counters for one phone. */
export async function stats(sim: Simulator, index = 0): Promise<SimStats> {
  return (await control(sim, 'GET', '/__sim/stats', undefined, index)) as SimStats;
}

/** Waits (bounded) until `check` returns a value other than undefined/false. */
export async function waitFor<T>(
  check: () => T | undefined | false | Promise<T | undefined | false>,
  what: string,
  timeoutMs = 5000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
