/**
 * `deskpilot push on|off|status` against a simulated phone: `on` says what it changes and proves
 * the path with the first event, `status` tells it from a later run, `off` puts the phone's
 * settings back; a port another program holds is refused in words rather than taken over.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import { phoneControl, startSimulator, statsAt, type Simulator } from '../../../src/simulator';
import { waitFor } from '../../support/wait-for';
import { runInProcess } from './run-deskpilot';

let simulator: Simulator;
let dataDir: string;
let env: Record<string, string>;

/** A port free a moment ago (nothing else in this test takes it). */
async function freePort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function firstPhone() {
  const phone = simulator.phones[0];
  if (phone === undefined) throw new Error('no simulated phone');
  return phone;
}

async function phoneUrlSetting(): Promise<string> {
  const result = await runInProcess(
    ['--phone', 'Desk', '--json', 'config', 'get', 'apps.telNotification.URL'],
    env,
  );
  const values = JSON.parse(result.stdout) as Record<string, { value: string }>;
  return values['apps.telNotification.URL']?.value ?? '';
}

beforeAll(async () => {
  simulator = await startSimulator({ phones: 1, farEndAnswerMs: 200 });
  dataDir = await mkdtemp(join(tmpdir(), 'deskpilot-cli-push-'));
  await writeFile(
    join(dataDir, 'settings.json'),
    JSON.stringify({ phones: [], app: { ...DEFAULT_SETTINGS, pushPort: await freePort() } }),
  );
  env = { DESKPILOT_DATA_DIR: dataDir, DESKPILOT_PASSWORD: firstPhone().adminPassword };
  const added = await runInProcess(['phones', 'add', 'Desk', firstPhone().url], env);
  expect(added.code).toBe(0);
});
afterAll(async () => {
  await simulator.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('deskpilot push', () => {
  it('turns events on, saying what it changes, and waits for the first event to prove the path', async () => {
    const configSets = async () =>
      (await statsAt(simulator, 0)).requests['/api/v1/mgmt/config/set'] ?? 0;
    const before = await configSets();
    const turningOn = runInProcess(
      ['--phone', 'Desk', '--json', '--wait', '20', 'push', 'on'],
      env,
    );
    await waitFor(async () => (await configSets()) > before, 'the phone set up', 10_000);
    await phoneControl(firstPhone(), simulator.controlToken).ring('5550100', 'Ada Lovelace');
    const result = await turningOn;
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('Deskpilot changes these settings on Desk');
    expect(result.stderr).toMatch(
      /apps\.telNotification\.URL: \(empty\) -> http:\/\/127\.0\.0\.1:\d+\/deskpilot\/events\/<secret>/,
    );
    expect(result.stderr).toContain('Waiting up to 20 s for the first event');
    expect(JSON.parse(result.stdout)).toMatchObject({ phase: 'working' });
    await phoneControl(firstPhone(), simulator.controlToken).reset();
    await runInProcess(['--phone', 'Desk', 'push', 'off'], env);
  });

  it('tells how events stand from a later run, and puts the settings back when turned off', async () => {
    const on = await runInProcess(['--phone', 'Desk', '--json', '--wait', '0', 'push', 'on'], env);
    expect(JSON.parse(on.stdout)).toMatchObject({ phase: 'waiting' });
    expect(await phoneUrlSetting()).toMatch(/\/deskpilot\/events\/[A-Za-z0-9_-]{32}$/);

    const status = await runInProcess(['--phone', 'Desk', 'push', 'status'], env);
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/^waiting: Waiting for the first event/);

    const off = await runInProcess(['--phone', 'Desk', 'push', 'off'], env);
    expect(off.code).toBe(0);
    expect(off.stdout).toMatch(/^off: Off/);
    expect(await phoneUrlSetting()).toBe('');
  });

  it('refuses a port another program holds instead of moving the phone to another', async () => {
    const settings = JSON.parse(await readFile(join(dataDir, 'settings.json'), 'utf8')) as {
      app: { pushPort: number };
    };
    const holder = http.createServer();
    await new Promise<void>((resolve) =>
      holder.listen(settings.app.pushPort, '127.0.0.1', resolve),
    );
    try {
      const result = await runInProcess(['--phone', 'Desk', '--wait', '0', 'push', 'on'], env);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`Port ${settings.app.pushPort} on 127.0.0.1 is in use`);
      expect(await phoneUrlSetting()).toBe('');
    } finally {
      await new Promise<void>((resolve) => holder.close(() => resolve()));
    }
  });

  it('needs a phone kept in the settings, and a known verb', async () => {
    const oneOff = await runInProcess(['--url', firstPhone().url, 'push', 'status'], env);
    expect(oneOff.code).toBe(1);
    expect(oneOff.stderr).toContain('need a phone kept in the settings');
    const wrong = await runInProcess(['--phone', 'Desk', 'push', 'maybe'], env);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('Usage: deskpilot push on|off|status');
  });
});
