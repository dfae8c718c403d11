import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { controlRequest as control } from '../../../src/simulator';
import { startSimulator, type SimulatedPhoneInfo, type Simulator } from '../../../src/simulator';
import { jsonLines, runDeskpilot, runInProcess, spawnDeskpilot } from './run-deskpilot';

let simulator: Simulator;
/** A phone whose far end answers only when the test says so, so every call state is seen. */
let callSimulator: Simulator;
let dataDir: string;

beforeAll(async () => {
  [simulator, callSimulator] = await Promise.all([
    startSimulator({ phones: 4, https: true }),
    startSimulator({ phones: 1, https: true, farEndAnswerMs: 600_000 }),
  ]);
  dataDir = await mkdtemp(join(tmpdir(), 'deskpilot-cli-'));
});
afterAll(async () => {
  await Promise.all([simulator.close(), callSimulator.close()]);
  await rm(dataDir, { recursive: true, force: true });
});

function phone(index: number, from: Simulator = simulator): SimulatedPhoneInfo {
  const found = from.phones[index];
  if (found === undefined) throw new Error(`no simulator phone ${index}`);
  return found;
}

/** `--url` arguments for phone `index`, with its current certificate accepted. */
function oneOff(index: number, from: Simulator = simulator): string[] {
  const { url, fingerprint } = phone(index, from);
  return ['--url', url, '--accept-certificate', fingerprint ?? ''];
}

function env(password: string, dir = dataDir): Record<string, string> {
  return { DESKPILOT_DATA_DIR: dir, DESKPILOT_PASSWORD: password };
}

// Each case starts the real command several times (Node + tsx start-up, about a second of CPU
// each), so the cases get more time than the default on a loaded two-core machine.
describe('deskpilot against the simulator', { timeout: 120_000 }, () => {
  it('dials with --json, watch shows the call appear and change, end ends it', async () => {
    const callPhone = phone(0, callSimulator);
    const target = oneOff(0, callSimulator);
    const watcher = spawnDeskpilot([...target, 'watch'], env(callPhone.adminPassword));
    const watched = jsonLines(watcher);
    try {
      await watched.waitFor((line) => (line as { type: string }).type === 'snapshot');

      const dial = await runDeskpilot(
        [...target, 'dial', '5551234', '--no-wait', '--json'],
        env(callPhone.adminPassword),
      );
      expect(dial.stderr).toBe('');
      expect(dial.code).toBe(0);
      const { handle } = JSON.parse(dial.stdout) as { handle: string };
      expect(handle).toMatch(/^0x[0-9a-f]+$/);

      const isCall = (type: string, state?: string) => (line: unknown) => {
        const event = line as { type: string; call?: { handle: string; state: string } };
        return (
          event.type === type &&
          event.call?.handle === handle &&
          (state === undefined || event.call.state === state)
        );
      };
      await watched.waitFor(isCall('call-added'));
      await control(callPhone, callSimulator.controlToken, 'POST', 'remote', {
        handle,
        action: 'answer',
      });
      await watched.waitFor(isCall('call-changed', 'Connected'));

      const end = await runDeskpilot(
        [...target, 'end', handle, '--json'],
        env(callPhone.adminPassword),
      );
      expect(end.code).toBe(0);
      await watched.waitFor(isCall('call-removed'));
    } finally {
      watcher.kill('SIGINT');
    }
    const exit = await new Promise((resolve) => watcher.once('close', resolve));
    expect(exit).toBe(0);
  });

  it('names a wrong password, and never prints it', async () => {
    const result = await runDeskpilot([...oneOff(1), 'status'], env('not-the-password'));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/refused the user name or password.*\[wrong-credentials\]/);
    expect(result.stderr + result.stdout).not.toContain('not-the-password');
  });

  it('names an unreachable phone', async () => {
    const result = await runDeskpilot(
      ['--url', 'http://127.0.0.1:9', 'info', '--json'],
      env('whatever'),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Cannot reach the phone.*\[unreachable\]/);
    expect(JSON.parse(result.stdout)).toMatchObject({ error: { code: 'unreachable' } });
  });

  it('names a disabled REST API and a default admin password', async () => {
    const token = simulator.controlToken;
    await control(phone(2), token, 'POST', 'config', { params: { 'apps.restapi.enabled': '0' } });
    const disabled = await runDeskpilot([...oneOff(2), 'info'], env(phone(2).adminPassword));
    expect(disabled.code).toBe(1);
    expect(disabled.stderr).toMatch(/\[api-disabled\]/);

    await control(phone(2), token, 'POST', 'config', {
      params: { 'apps.restapi.enabled': '1', 'device.auth.localAdminPassword': '456' },
    });
    const factory = await runDeskpilot([...oneOff(2), 'info'], env('456'));
    expect(factory.code).toBe(1);
    expect(factory.stderr).toMatch(/default admin password.*\[default-password\]/);
  });

  it('keeps phones in --data-dir, pins the certificate and refuses a changed one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'deskpilot-cli-phones-'));
    const password = phone(3).adminPassword;
    try {
      const unpinned = await runDeskpilot(
        ['phones', 'add', 'Desk', phone(3).url],
        env(password, dir),
      );
      expect(unpinned.code).toBe(1);
      expect(unpinned.stderr).toContain(phone(3).fingerprint);
      expect(unpinned.stderr).toMatch(/\[certificate-unknown\]/);

      const added = await runDeskpilot(
        ['phones', 'add', 'Desk', phone(3).url, '--accept-certificate', phone(3).fingerprint ?? ''],
        env(password, dir),
      );
      expect(added.code).toBe(0);
      // The stored phone needs no password any more: it comes from the secret store. (These
      // steps run in-process: same code, without another second of start-up each.)
      const list = await runInProcess(['phones', 'list', '--json'], env('', dir));
      expect(JSON.parse(list.stdout)).toMatchObject([{ name: 'Desk', hasPassword: true }]);
      expect(list.stdout).not.toContain(password);
      const status = await runInProcess(['--phone', 'Desk', 'status', '--json'], env('', dir));
      expect(JSON.parse(status.stdout)).toMatchObject({ health: 'online', model: 'VVX601' });
      // An explicit password wins for that run (and is not stored).
      const override = await runInProcess(['--phone', 'Desk', 'status'], env('wrong', dir));
      expect(override.code).toBe(1);
      expect(override.stderr).toMatch(/\[wrong-credentials\]/);

      await control(phone(3), simulator.controlToken, 'POST', 'rotate-certificate');
      const changed = await runDeskpilot(['--phone', 'Desk', 'status'], env('', dir));
      expect(changed.code).toBe(1);
      expect(changed.stderr).toMatch(/\[certificate-changed\]/);

      const removed = await runInProcess(['phones', 'remove', 'Desk'], env('', dir));
      expect(removed.code).toBe(0);
      const empty = await runInProcess(['phones', 'list', '--json'], env('', dir));
      expect(JSON.parse(empty.stdout)).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses wrong usage with exit status 2', async () => {
    const results = [
      await runDeskpilot(['frobnicate'], env('x')),
      await runInProcess(['--bogus-option', 'phones', 'list'], env('x')),
      await runInProcess([...oneOff(0), 'reboot'], env('x')),
      await runInProcess(['--url', phone(0).url, 'status'], env('')),
    ];
    expect(results.map((result) => result.code)).toEqual([2, 2, 2, 2]);
    expect(results[2]?.stderr).toMatch(/--yes/);
    expect(results[3]?.stderr).toMatch(/DESKPILOT_PASSWORD/);
  });
});
