import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { phoneControl, startSimulator, type Simulator } from '../../../src/simulator';
import type { CallLogEntry } from '../../../src/shared/domain';
import { phoneAt } from '../../support/sim-phone';
import { waitFor } from '../../support/wait-for';
import { runInProcess } from './run-deskpilot';

let simulator: Simulator;
let dataDir: string;

beforeAll(async () => {
  // Phone 1 is switched to another dialect per test; both speak Digest-only `edge` at first.
  simulator = await startSimulator({ phones: 2, dialect: 'edge', farEndAnswerMs: 20 });
  dataDir = await mkdtemp(join(tmpdir(), 'deskpilot-cli-dialects-'));
});
afterAll(async () => {
  await simulator.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** Runs one command line in this process against phone `index`. */
function deskpilot(index: number, ...args: string[]) {
  const phone = phoneAt(simulator, index);
  return runInProcess(['--url', phone.url, ...args], {
    DESKPILOT_DATA_DIR: dataDir,
    DESKPILOT_PASSWORD: phone.adminPassword,
  });
}

describe('deskpilot against real firmware dialects', () => {
  it('says in words that an Edge E350 offers no call control, never that its API is off', async () => {
    const result = await deskpilot(0, 'dial', '5551234');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'deskpilot: This phone does not offer call control through its REST API: dial, answer, hold and end calls on the phone itself.',
    );
    expect(result.stderr).toContain('[not-supported]');
    expect(result.stderr).not.toMatch(/disabled|apps\.restapi/);
    expect(
      (await phoneControl(phoneAt(simulator, 0), simulator.controlToken).stats()).dials,
    ).toEqual([]);
  });

  it('reads the Edge over Digest: who it is and how long it has run', async () => {
    const result = await deskpilot(0, 'info', '--json');
    expect(result.code).toBe(0);
    const details = JSON.parse(result.stdout) as { uptimeSeconds: number; device: object };
    expect(details.device).toMatchObject({ ModelNumber: 'Edge E350', DeviceVendor: 'Poly' });
    expect(details.uptimeSeconds).toBeGreaterThanOrEqual(0);
  });

  it('lists a 5.x phone’s calls with their real durations', async () => {
    const control = phoneControl(phoneAt(simulator, 1), simulator.controlToken);
    await control.config({ dialect: 'vvx-5' });
    const handle = await control.ring('5550100', 'Grace Hopper');
    expect((await deskpilot(1, 'answer', '--json')).code).toBe(0);
    await waitFor(async () => {
      const state = await control.state();
      const seconds = Number(state.calls[0]?.DurationSeconds ?? 0);
      return seconds >= 2;
    }, 'two seconds of call');
    await control.remote(handle, 'hangup');
    const result = await deskpilot(1, 'logs', 'received', '--json');
    const [entry] = JSON.parse(result.stdout) as CallLogEntry[];
    expect(entry).toMatchObject({ kind: 'received', remoteNumber: '5550100' });
    expect(entry?.durationSeconds).toBeGreaterThanOrEqual(2);
  });
});
