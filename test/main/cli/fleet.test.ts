import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runCli } from '../../../src/main/cli/run-cli';
import type {
  FleetConfigPlan,
  FleetImportPreview,
  FleetInventory,
} from '../../../src/shared/contract/fleet';
import { phoneControl, startSimulator, statsAt, type Simulator } from '../../../src/simulator';
import { simConfig, simValue } from '../../support/sim-config';
import { phoneAt } from '../../support/sim-phone';

const PROXY = 'voIpProt.SIP.outboundProxy.address';

let simulator: Simulator;
let dir: string;
let dataDir: string;
let file: string;

beforeAll(async () => {
  simulator = await startSimulator({ phones: 4, https: true, rebootMs: 200 });
  dir = await mkdtemp(join(tmpdir(), 'deskpilot-cli-fleet-'));
  dataDir = join(dir, 'data');
  file = join(dir, 'phones.csv');
  const rows = simulator.phones.map(
    (phone, index) =>
      `Desk ${index + 1},${phone.url.replace('https://', '')},${index < 2 ? 'Reception' : 'Sales'}`,
  );
  await writeFile(file, ['name,address,group', ...rows, ',nowhere,Sales'].join('\n'));
});
afterAll(async () => {
  await simulator.close();
  await rm(dir, { recursive: true, force: true });
});

interface Run {
  code: number;
  out: string;
  err: string;
}

/**
 * Runs one command line in this process, the shared password on stdin; `tty`: stderr is a
 * terminal a person watches.
 */
async function deskpilot(
  args: string[],
  signal = new AbortController().signal,
  tty = false,
): Promise<Run> {
  let out = '';
  let err = '';
  const code = await runCli(
    [...args, '--data-dir', dataDir],
    {},
    {
      stdout: { write: (text: string) => (out += text) },
      stderr: { write: (text: string) => (err += text), isTTY: tty },
      stdin: Readable.from([`${phoneAt(simulator).adminPassword}\n`]),
    },
    signal,
  );
  return { code, out, err };
}

const phoneNames = async () =>
  JSON.parse((await deskpilot(['phones', 'list', '--json'])).out) as { name: string }[];

describe('deskpilot fleet', () => {
  it('import --dry-run previews each row and the certificates, and adds nothing', async () => {
    const run = await deskpilot(['fleet', 'import', file, '--dry-run', '--password-stdin']);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(
      /^2 +Desk 1 +https:\/\/127\.0\.0\.1:\d+ +Reception +add once its certificate is accepted$/m,
    );
    expect(run.out).toMatch(/^6 +- +https:\/\/nowhere +Sales +skip: No name\.$/m);
    for (const phone of simulator.phones) expect(run.out).toContain(phone.fingerprint ?? '-');
    expect(run.out).toContain('--accept-listed-certificates');
    expect(run.out + run.err).not.toContain(phoneAt(simulator).adminPassword);
    expect(await phoneNames()).toEqual([]);

    const json = await deskpilot([
      'fleet',
      'import',
      file,
      '--dry-run',
      '--password-stdin',
      '--json',
    ]);
    const preview = JSON.parse(json.out) as FleetImportPreview;
    expect(preview.certificates).toHaveLength(4);
    expect(await phoneNames()).toEqual([]);
  });

  it('import adds the phones only with their certificates accepted, and says which rows it skipped', async () => {
    const first = phoneAt(simulator, 0).fingerprint ?? '';
    const partly = await deskpilot([
      'fleet',
      'import',
      file,
      '--password-stdin',
      '--accept',
      first,
    ]);
    expect(partly.code).toBe(1);
    expect(partly.out).toMatch(/^Added 1: Desk 1\.$/m);
    expect(partly.out).toMatch(/certificate .* was not accepted/);
    const rest = await deskpilot([
      'fleet',
      'import',
      file,
      '--password-stdin',
      '--accept-listed-certificates',
    ]);
    expect(rest.err).toContain(phoneAt(simulator, 3).fingerprint ?? '-');
    expect(rest.out).toMatch(/^Added 3: Desk 2, Desk 3, Desk 4\.$/m);
    expect((await phoneNames()).map((phone) => phone.name).sort()).toEqual([
      'Desk 1',
      'Desk 2',
      'Desk 3',
      'Desk 4',
    ]);
  });

  it('inventory lists every phone of a group with the firmware per model', async () => {
    const run = await deskpilot(['fleet', 'inventory', '--group', 'reception', '--json']);
    expect(run.code).toBe(0);
    const inventory = JSON.parse(run.out) as FleetInventory;
    expect(inventory.rows.map((row) => [row.name, row.group, row.problem])).toEqual([
      ['Desk 1', 'Reception', null],
      ['Desk 2', 'Reception', null],
    ]);
    const text = await deskpilot(['fleet', 'inventory'], undefined, true);
    expect(text.out).toMatch(/^Firmware per model:$/m);
    expect(text.out).toMatch(/^Desk 4 +Sales +VVX/m);
    // Progress is drawn in place on a terminal, and the line cleared at the end.
    expect(text.err).toContain('\r\u001b[K[4/4] Read ');
    expect(text.err.endsWith('\r\u001b[K')).toBe(true);
    // Not on a pipe or a log.
    expect(run.err).not.toContain('\u001b');
  });

  it('config-set --dry-run prints the per-phone diff and changes nothing on the phones', async () => {
    await phoneControl(phoneAt(simulator, 1), simulator.controlToken).config({
      params: { [PROXY]: 'old.example' },
      source: 'CONFIG',
    });
    const run = await deskpilot(['fleet', 'config-set', `${PROXY}=pbx.example`, '--dry-run']);
    expect(run.code).toBe(0);
    expect(run.out).toContain(`Desk 1: ${PROXY} "" (default) → "pbx.example"`);
    expect(run.out).toContain(`Desk 2: ${PROXY} "old.example" (config) → "pbx.example"`);
    expect(run.out).toContain('4 of 4 phones would change.');
    const json = await deskpilot([
      'fleet',
      'config-set',
      `${PROXY}=pbx.example`,
      '--dry-run',
      '--json',
      '--phone',
      'Desk 2',
      '--phone',
      'Desk 3',
    ]);
    const plan = JSON.parse(json.out) as FleetConfigPlan;
    expect(plan.phones.map((phone) => [phone.name, phone.changes[0]?.current])).toEqual([
      ['Desk 2', 'old.example'],
      ['Desk 3', ''],
    ]);
    const values = await Promise.all(simulator.phones.map((phone) => simValue(phone, PROXY)));
    expect(values).toEqual(['', 'old.example', '', '']);
  });

  it('config-set changes a group and reports it; the phones hold the new value', async () => {
    const run = await deskpilot([
      'fleet',
      'config-set',
      `${PROXY}=pbx.example`,
      '--group',
      'Sales',
    ]);
    expect(run.code).toBe(0);
    expect(run.err).toContain(`Desk 3: ${PROXY} "" (default) → "pbx.example"`);
    expect(run.out).toMatch(/^Changed \(2\): Desk 3, Desk 4$/m);
    expect(await simConfig(phoneAt(simulator, 2), [PROXY])).toEqual({
      [PROXY]: { Value: 'pbx.example', Source: 'LOCAL' },
    });
    expect(await simValue(phoneAt(simulator, 0), PROXY)).toBe('');
  });

  it('restart stops cleanly on Ctrl-C and prints what was done', async () => {
    const abort = new AbortController();
    const running = deskpilot(['fleet', 'restart', '--stagger', '600'], abort.signal);
    await expect
      .poll(async () => (await statsAt(simulator, 0)).requests['/api/v1/mgmt/safeRestart'] ?? 0)
      .toBe(1);
    abort.abort();
    const run = await running;
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/^Restarted \(1\): Desk 1$/m);
    expect(run.out).toMatch(/^Not attempted \(3\): Desk 2, Desk 3, Desk 4$/m);
    expect(run.err).toContain('Cancelled.');
    expect((await statsAt(simulator, 1)).requests['/api/v1/mgmt/safeRestart'] ?? 0).toBe(0);
  });
});
