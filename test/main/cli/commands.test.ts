import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { normaliseHandle } from '../../../src/main/vvx/vvx-values';

import { runCli } from '../../../src/main/cli/run-cli';
import { runInProcess } from './run-deskpilot';
import { controlRequest as control } from '../../../src/simulator';
import { phoneAt } from '../../support/sim-phone';
import { startSimulator, type Simulator } from '../../../src/simulator';
import { PLAIN_HTTP_WARNING } from '../../../src/shared/plain-http';

/** Parameters the simulated phone knows (src/simulator/config-catalog.ts). */
const CATALOG_NAMES = [
  'apps.restapi.enabled',
  'log.level.change.restapi',
  'device.set',
  'device.baseProfile',
  'httpd.enabled',
  'httpd.cfg.secureTunnelRequired',
  'httpd.ta.enabled',
  'diags.pcap.enabled',
  'diags.pcap.background.enabled',
  'feature.doNotDisturb.enable',
  'call.transfer.blindPreferred',
  'device.prov.serverName',
  'device.prov.serverType',
  'device.prov.user',
  'device.prov.maxRedunServers',
  'device.prov.redunAttemptLimit',
  'device.prov.redunInterAttemptDelay',
  'device.prov.tagSerialNo',
  'device.prov.upgradeServer',
  'device.prov.ztpEnabled',
  'device.dhcp.enabled',
  'device.dhcp.bootSrvOpt',
  'device.dhcp.bootSrvOptType',
  'device.dhcp.option60Type',
  'device.dhcp.offerTimeout',
];

let simulator: Simulator;
let dataDir: string;

beforeAll(async () => {
  simulator = await startSimulator({ phones: 1, https: false, farEndAnswerMs: 20 });
  dataDir = await mkdtemp(join(tmpdir(), 'deskpilot-cli-commands-'));
});
afterAll(async () => {
  await simulator.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** Runs one command line in this process (same code as the binary) against the plain-HTTP phone. */
async function deskpilot(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const phone = simulator.phones[0];
  if (phone === undefined) throw new Error('no simulator phone');
  const env = { DESKPILOT_DATA_DIR: dataDir, DESKPILOT_PASSWORD: phone.adminPassword };
  const result = await runInProcess(['--url', phone.url, ...args], env);
  return { code: result.code ?? -1, out: result.stdout, err: result.stderr };
}

/** What every command against the plain-HTTP phone says first on stderr. */
const PLAIN_HTTP_NOTE = `Warning: ${PLAIN_HTTP_WARNING}\n`;

function json<T>(result: { code: number; out: string; err: string }): T {
  expect(result.err).toBe(PLAIN_HTTP_NOTE);
  expect(result.code).toBe(0);
  return JSON.parse(result.out) as T;
}

describe('deskpilot commands (in-process, plain HTTP phone)', () => {
  it('reads and writes configuration, in batches beyond 20 names', async () => {
    json(await deskpilot('config', 'set', 'feature.doNotDisturb.enable=1', '--json'));
    const names = CATALOG_NAMES.slice(0, 25);
    expect(names).toHaveLength(25);
    const values = json<Record<string, { value: string } | null>>(
      await deskpilot('config', 'get', ...names, '--json'),
    );
    expect(Object.keys(values).sort()).toEqual([...names].sort());
    expect(values['feature.doNotDisturb.enable']?.value).toBe('1');
    expect(values['apps.restapi.enabled']?.value).toBe('1');
    const bad = await deskpilot('config', 'set', 'novalue');
    expect(bad.code).toBe(2);
  });

  it('handles a call: dial, mute, dtmf, hold, resume, transfer, and the call log', async () => {
    const { handle } = json<{ handle: string }>(await deskpilot('dial', '5550100', '--json'));
    const calls = json<{ handle: string }[]>(await deskpilot('calls', '--json'));
    expect(calls.map((call) => call.handle)).toContain(handle);
    json(await deskpilot('mute', 'on', '--json'));
    json(await deskpilot('dtmf', '12#', '--json'));
    json(await deskpilot('hold', handle, '--json'));
    json(await deskpilot('resume', handle, '--json'));
    json(await deskpilot('transfer', handle, '5550199', '--json'));
    const placed = json<{ remoteNumber: string }[]>(await deskpilot('logs', 'placed', '--json'));
    expect(placed.some((entry) => entry.remoteNumber.includes('5550100'))).toBe(true);
    const refused = await deskpilot('dial', 'javascript:alert(1)');
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/\[invalid-argument\]/);
  });

  it('sends a dialled extension before it exits', async () => {
    const { handle } = json<{ handle: string }>(
      await deskpilot('dial', 'tel:5550142;ext=89', '--json'),
    );
    const phone = phoneAt(simulator, 0);
    const state = (await control(phone, simulator.controlToken, 'GET', 'state')) as {
      calls: { CallHandle: string; Dtmf: string }[];
    };
    // The phone writes handles without the 0x the core normalises to, some with a leading zero.
    const dialled = state.calls.find((call) => normaliseHandle(call.CallHandle) === handle);
    expect(dialled?.Dtmf).toBe('89');
    json(await deskpilot('end', handle, '--json'));
  });

  it('stops waiting for an unanswered call on Ctrl-C, without sending its extension', async () => {
    // A phone of its own whose unanswered calls ring for 30 × 200 ms: long enough to outlast a
    // loaded machine's pauses, where the shared one's 600 ms let the call end before it was read.
    const slow = await startSimulator({ phones: 1, https: false, farEndAnswerMs: 200 });
    onTestFinished(() => slow.close());
    const phone = phoneAt(slow, 0);
    const abort = new AbortController();
    let stdout = '';
    let stderr = '';
    const streams = {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
    };
    // 408… is a number the simulated far end never answers.
    const running = runCli(
      ['--url', phone.url, 'dial', 'tel:4085550100;ext=89', '--json'],
      { DESKPILOT_DATA_DIR: dataDir, DESKPILOT_PASSWORD: phone.adminPassword },
      streams,
      abort.signal,
    );
    const ringing = async () =>
      (
        (await control(phone, slow.controlToken, 'GET', 'state')) as {
          calls: { CallHandle: string; CallState: string; Dtmf: string }[];
        }
      ).calls.find((call) => call.CallState === 'RingBack');
    for (let attempt = 0; attempt < 200 && (await ringing()) === undefined; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    abort.abort();
    expect(await running).toBe(0);
    const { handle, outcome } = JSON.parse(stdout) as { handle: string; outcome: string };
    expect(outcome).toBe('ringing');
    expect(stderr).toMatch(/extension was not sent/);
    const state = (await control(phone, slow.controlToken, 'GET', 'state')) as {
      calls: { CallHandle: string; Dtmf: string }[];
    };
    expect(state.calls.find((call) => normaliseHandle(call.CallHandle) === handle)?.Dtmf).toBe('');
  });

  it('says on stderr what plain HTTP exposes, keeping stdout for results', async () => {
    const status = await deskpilot('status', '--json');
    expect(status.err).toMatch(/^Warning: Plain HTTP is not encrypted/);
    expect(status.err).toMatch(/password/);
    expect(status.out).not.toMatch(/Plain HTTP/);
    const phone = simulator.phones[0];
    if (phone === undefined) throw new Error('no simulator phone');
    const added = await runInProcess(['phones', 'add', 'Desk', phone.url], {
      DESKPILOT_DATA_DIR: dataDir,
      DESKPILOT_PASSWORD: phone.adminPassword,
    });
    expect(added.stderr).toMatch(/^Warning: Plain HTTP is not encrypted/);
  });

  it('reports why a dialled call failed and exits non-zero; a connected call exits 0', async () => {
    // At the simulator's usual pace the phone shows the refusal for a second, as real ones do.
    const paced = await startSimulator({ phones: 1, https: false, farEndAnswerMs: 1500 });
    try {
      const phone = phoneAt(paced, 0);
      const env = { DESKPILOT_DATA_DIR: dataDir, DESKPILOT_PASSWORD: phone.adminPassword };
      const run = (number: string) => runInProcess(['--url', phone.url, 'dial', number], env);
      const busy = await run('4861');
      expect(busy.code).toBe(1);
      expect(busy.stderr).toMatch(/Busy: the call to 4861 did not go through\./);
      const unknown = await run('4041');
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toMatch(/Number not found: the call to 4041 did not go through\./);
      const answered = await run('5550100');
      expect(answered.code).toBe(0);
      expect(answered.stdout).toMatch(/^Connected: call 0x/);
    } finally {
      await paced.close();
    }
  });

  it('prints readable text without --json', async () => {
    const status = await deskpilot('status');
    expect(status.code).toBe(0);
    expect(status.out).toMatch(/^online: /);
    const screen = await deskpilot('screen');
    expect(screen.code).toBe(0);
    expect(screen.out).toMatch(/^<\?xml|^</);
    const info = await deskpilot('info');
    expect(info.out).toMatch(/device:/);
  });
});
