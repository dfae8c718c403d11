/**
 * Test helper: steer a simulated phone through its control API (`/__sim/...`) with the shared
 * pinned client in `bench/sim-control.ts`, so tests never switch certificate verification off.
 */
import { control as controlPhone } from '../../../bench/sim-control';
import type { Simulator } from '../../../src/simulator';
import { phoneAt } from '../../support/sim-phone';

export { waitFor } from '../../support/wait-for';

/** Sends one control request (`path` in full, e.g. `/__sim/stats`) to phone `index` (0-based). */
export function control(
  sim: Simulator,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  index = 0,
): Promise<unknown> {
  return controlPhone(
    phoneAt(sim, index),
    sim.controlToken,
    method,
    path.replace(/^\/__sim\//, ''),
    body,
  );
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
