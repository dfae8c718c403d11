import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { createCore, type Core } from '../../../src/main/core/create-core';
import type { FleetProgress } from '../../../src/shared/contract/fleet';
import type { PhoneInfo } from '../../../src/shared/domain';
import {
  phoneControl,
  startSimulator,
  statsAt,
  type SimulatedPhoneInfo,
  type Simulator,
} from '../../../src/simulator';
import { simConfig, simValue } from '../../support/sim-config';
import { phoneAt } from '../../support/sim-phone';
import { tempDataDir } from './core-helpers';

const PROXY = 'voIpProt.SIP.outboundProxy.address';
const SNTP = 'tcpIpApp.sntp.address';

let simulator: Simulator;
let data: { dir: string; remove: () => Promise<void> };
let core: Core;

beforeAll(async () => {
  simulator = await startSimulator({ phones: 12, https: true, rebootMs: 200 });
});
afterAll(async () => {
  await simulator.close();
});
beforeEach(async () => {
  data = await tempDataDir();
  core = await createCore({ dataDir: data.dir, demo: false, connect: false });
});
afterEach(async () => {
  await core.close();
  await data.remove();
  // Every phone back to its starting configuration, calls and faults.
  await Promise.all(
    simulator.phones.map((phone) => phoneControl(phone, simulator.controlToken).reset()),
  );
});

const sim = (index: number): SimulatedPhoneInfo => phoneAt(simulator, index);
const control = (index: number) => phoneControl(sim(index), simulator.controlToken);

/** Adds simulator phones 0..count-1 as "Desk 0"… (admin credentials, certificates accepted). */
async function addPhones(count: number, first = 0): Promise<PhoneInfo[]> {
  const added: PhoneInfo[] = [];
  for (let index = first; index < first + count; index += 1) {
    const phone = sim(index);
    added.push(
      await core.handlers['phones.add']({
        name: `Desk ${index}`,
        url: phone.url,
        username: phone.username,
        password: phone.adminPassword,
        acceptFingerprint: phone.fingerprint ?? '',
      }),
    );
  }
  return added;
}

/** Every fleet-progress event of `jobId`, as they come. */
function progressOf(jobId: string): FleetProgress[] {
  const events: FleetProgress[] = [];
  core.subscribe('fleet-progress', (event) => {
    if (event.jobId === jobId) events.push(event);
  });
  return events;
}

const names = (refs: { name: string }[]) => refs.map((ref) => ref.name);

describe('importing phones from a CSV file', () => {
  function importFile(): string {
    const host = (index: number) => sim(index).url.replace(/^https:\/\//, '');
    return [
      'Name;Address;Group;Password',
      `Reception 1;${host(0)};Reception;`,
      `Reception 2;${sim(1).url};Reception;`,
      `Sales 1;${host(2)};Sales;`,
      `;${host(3)};Sales;`,
      'Broken;ftp://127.0.0.1;Sales;',
      `Reception 1;${host(4)};Reception;`,
      `Twin address;${host(0)};Sales;`,
      `Bad group;${host(5)};${'x'.repeat(41)};`,
      `Wrong password;${host(6)};Sales;not-the-password`,
      'Nobody home;http://127.0.0.1:9;Sales;',
      `Desk 11;${host(11)};;`,
    ].join('\n');
  }

  it('previews every row with its reason, lists the certificates, and adds nothing', async () => {
    await addPhones(1, 11);
    const preview = await core.handlers['fleet.previewImport']({
      jobId: 'preview',
      csv: importFile(),
      password: sim(0).adminPassword,
      acceptFingerprints: [sim(6).fingerprint ?? ''],
    });
    const byLine = Object.fromEntries(preview.rows.map((row) => [row.line, row]));
    expect(byLine[2]).toMatchObject({
      action: 'add',
      url: sim(0).url,
      group: 'Reception',
      fingerprint: sim(0).fingerprint,
      checked: false,
    });
    expect(byLine[5]).toMatchObject({ action: 'skip', reason: 'No name.' });
    expect(byLine[6]?.reason).toMatch(/address .* is not valid/);
    expect(byLine[7]?.reason).toBe('The name "Reception 1" is already on line 2.');
    expect(byLine[8]?.reason).toMatch(/address https:\/\/127\.0\.0\.1:\d+ is already on line 2/);
    expect(byLine[9]?.reason).toMatch(/group is not valid: a group name has at most 40/);
    // Its certificate was accepted for the preview, so its password was tried.
    expect(byLine[10]).toMatchObject({ action: 'skip', checked: true });
    expect(byLine[10]?.reason).toMatch(/password/i);
    expect(byLine[11]).toMatchObject({ action: 'skip' });
    expect(byLine[11]?.reason).toMatch(/reach|connect/i);
    expect(byLine[12]?.reason).toBe('A phone called "Desk 11" already exists.');
    expect(preview.certificates).toEqual(
      [0, 1, 2].map((index) => ({
        url: sim(index).url,
        name: byLine[index + 2]?.name,
        fingerprint: sim(index).fingerprint,
      })),
    );
    expect(JSON.stringify(preview)).not.toContain(sim(0).adminPassword);
    expect(names(await core.handlers['phones.list']({}))).toEqual(['Desk 11']);
  });

  it('checks an accepted row fully, and adds only the rows whose certificate was accepted', async () => {
    const accepted = [sim(0).fingerprint ?? '', sim(2).fingerprint ?? ''];
    const events = progressOf('import');
    const csv = importFile();
    const preview = await core.handlers['fleet.previewImport']({
      jobId: 'preview',
      csv,
      password: sim(0).adminPassword,
      acceptFingerprints: accepted,
    });
    expect(preview.rows.find((row) => row.line === 2)).toMatchObject({
      checked: true,
      model: expect.stringMatching(/VVX/),
      firmware: expect.stringMatching(/^\d+\.\d+/),
      admin: true,
    });
    const report = await core.handlers['fleet.import']({
      jobId: 'import',
      csv,
      password: sim(0).adminPassword,
      acceptFingerprints: accepted,
    });
    expect(names(report.added)).toEqual(['Reception 1', 'Sales 1']);
    expect(report.skipped.find((row) => row.line === 3)?.reason).toMatch(
      /certificate .* was not accepted/,
    );
    expect(report.cancelled).toBe(false);
    // Added as their connection tests end: in any order.
    const phones = (await core.handlers['phones.list']({})).sort((a, b) =>
      a.name.localeCompare(b.name),
    );
    expect(
      phones.map(({ name, group, pinnedFingerprint, hasPassword }) => ({
        name,
        group,
        pinnedFingerprint,
        hasPassword,
      })),
    ).toEqual([
      {
        name: 'Reception 1',
        group: 'Reception',
        pinnedFingerprint: sim(0).fingerprint,
        hasPassword: true,
      },
      { name: 'Sales 1', group: 'Sales', pinnedFingerprint: sim(2).fingerprint, hasPassword: true },
    ]);
    // The stored password works: the added phone answers an admin read.
    const added = phones[0]?.id ?? '';
    await expect(core.handlers['device.details']({ phoneId: added })).resolves.toMatchObject({
      device: expect.any(Object),
    });
    expect(events[0]).toMatchObject({ operation: 'import', ended: false, done: 0 });
    expect(events.at(-1)).toMatchObject({ ended: true, current: null });
    expect(JSON.stringify(events)).not.toContain(sim(0).adminPassword);
  });

  it('refuses a file without an address column, naming what it found', async () => {
    await expect(
      core.handlers['fleet.previewImport']({ jobId: 'x', csv: 'Name,Phone\nDesk,1234\n' }),
    ).rejects.toMatchObject({
      code: 'invalid-argument',
      message: expect.stringMatching(/no address \(or url\) column .*Name, Phone/),
    });
  });
});

describe('the inventory', () => {
  it('reads every phone, and says why for the one that is down while the others continue', async () => {
    const phones = await addPhones(4);
    await control(2).faults({ unreachableMs: 60_000 });
    const events = progressOf('inventory');
    const inventory = await core.handlers['fleet.inventory']({ jobId: 'inventory' });
    expect(inventory.rows.map((row) => row.name)).toEqual(phones.map((phone) => phone.name));
    for (const index of [0, 1, 3]) {
      const state = await control(index).state();
      expect(inventory.rows[index]).toMatchObject({
        problem: null,
        model: expect.stringContaining(state.model.replace(/^VVX\s*/, '')),
        macAddress: sim(index)
          .macAddress.replace(/[^0-9A-Fa-f]/g, '')
          .toUpperCase(),
        uptimeSeconds: expect.any(Number),
        lines: [
          { line: 1, address: expect.stringMatching(/^1\d\d1/), registration: 'Registered' },
          { line: 2, address: expect.stringMatching(/^1\d\d2/), registration: 'Registered' },
        ],
      });
    }
    expect(inventory.rows[2]).toMatchObject({ model: null, lines: [] });
    expect(inventory.rows[2]?.problem).toMatch(/\w+/);
    expect(events.filter((event) => event.done > 0 && !event.ended)).toHaveLength(4);
    expect(events.at(-1)).toMatchObject({ done: 4, total: 4, ended: true });
  });
});

describe('working on many phones', () => {
  it('reads several phones at once, never more than eight', async () => {
    const phones = await addPhones(12);
    await Promise.all(phones.map((_, index) => control(index).faults({ latencyMs: 150 })));
    const inHand = new Set<string>();
    let most = 0;
    core.subscribe('fleet-progress', ({ jobId, current }) => {
      if (jobId !== 'wide' || current === null) return;
      const [, verb, name] = /^(Reading|Read) (.+)$/.exec(current) ?? [];
      if (name === undefined) return;
      if (verb === 'Reading') inHand.add(name);
      else inHand.delete(name);
      most = Math.max(most, inHand.size);
    });
    const inventory = await core.handlers['fleet.inventory']({ jobId: 'wide' });
    expect(inventory.rows.filter((row) => row.problem === null)).toHaveLength(12);
    expect(most).toBe(8);
  });
});

describe('changing configuration on many phones', () => {
  it('previews the per-phone difference with the current value and its source', async () => {
    const phones = await addPhones(3);
    await control(1).config({ params: { [PROXY]: 'old.example' }, source: 'CONFIG' });
    await control(2).config({ params: { [PROXY]: 'pbx.example' }, source: 'LOCAL' });
    const plan = await core.handlers['fleet.previewConfig']({
      jobId: 'plan',
      phoneIds: phones.map((phone) => phone.id),
      values: { [PROXY]: 'pbx.example' },
    });
    expect(plan.phones).toEqual([
      {
        phoneId: phones[0]?.id,
        name: 'Desk 0',
        problem: null,
        changes: [{ name: PROXY, current: '', source: 'DEFAULT', next: 'pbx.example' }],
      },
      {
        phoneId: phones[1]?.id,
        name: 'Desk 1',
        problem: null,
        changes: [{ name: PROXY, current: 'old.example', source: 'CONFIG', next: 'pbx.example' }],
      },
      { phoneId: phones[2]?.id, name: 'Desk 2', problem: null, changes: [] },
    ]);
    expect(await simValue(sim(0), PROXY)).toBe('');
  });

  it('applies to ten phones, the values read back on the phones themselves', async () => {
    const phones = await addPhones(10);
    await control(4).config({
      params: { [PROXY]: 'pbx.example', [SNTP]: 'time.example' },
      source: 'LOCAL',
    });
    const report = await core.handlers['fleet.applyConfig']({
      jobId: 'apply',
      phoneIds: phones.map((phone) => phone.id),
      values: { [PROXY]: 'pbx.example', [SNTP]: 'time.example' },
    });
    expect(names(report.unchanged)).toEqual(['Desk 4']);
    expect(names(report.changed)).toEqual(names(phones).filter((name) => name !== 'Desk 4'));
    expect(report).toMatchObject({ failed: null, notAttempted: [], cancelled: false });
    for (let index = 0; index < 10; index += 1) {
      expect(await simConfig(sim(index), [PROXY, SNTP])).toEqual({
        [PROXY]: { Value: 'pbx.example', Source: 'LOCAL' },
        [SNTP]: { Value: 'time.example', Source: 'LOCAL' },
      });
    }
  });

  it('stops at the first failure and says exactly which phones changed', async () => {
    const phones = await addPhones(6);
    await control(3).faults({ fail5000: { count: 1, paths: ['/api/v1/mgmt/config/set'] } });
    const report = await core.handlers['fleet.applyConfig']({
      jobId: 'apply',
      phoneIds: phones.map((phone) => phone.id),
      values: { [PROXY]: 'pbx.example' },
    });
    expect(names(report.changed)).toEqual(['Desk 0', 'Desk 1', 'Desk 2']);
    expect(report.unchanged).toEqual([]);
    expect(report.failed).toMatchObject({ name: 'Desk 3', message: expect.stringMatching(/\w/) });
    expect(names(report.notAttempted)).toEqual(['Desk 4', 'Desk 5']);
    const values = await Promise.all(
      [0, 1, 2, 3, 4, 5].map((index) => simValue(sim(index), PROXY)),
    );
    expect(values).toEqual(['pbx.example', 'pbx.example', 'pbx.example', '', '', '']);
  });

  it('fails in words on a phone set up with a user-level login, changing nothing', async () => {
    const phone = sim(0);
    const user = await core.handlers['phones.add']({
      name: 'User desk',
      url: phone.url,
      username: phone.username,
      password: phone.userPassword,
      acceptFingerprint: phone.fingerprint ?? '',
    });
    const report = await core.handlers['fleet.applyConfig']({
      jobId: 'apply',
      phoneIds: [user.id],
      values: { [PROXY]: 'pbx.example' },
    });
    expect(report.failed?.message).toMatch(/need the phone.s admin password/);
    expect(await simValue(phone, PROXY)).toBe('');
  });
});

describe('restarting many phones', () => {
  const restarts = async (index: number) =>
    (await statsAt(simulator, index)).requests['/api/v1/mgmt/safeRestart'] ?? 0;

  it('goes one phone at a time, skips the phone in a call, and restarts it when told to', async () => {
    const phones = await addPhones(3);
    await control(1).ring('5550100', 'Grace Hopper');
    const events = progressOf('restart');
    const phoneIds = phones.map((phone) => phone.id);
    const report = await core.handlers['fleet.restart']({
      jobId: 'restart',
      phoneIds,
      kind: 'restart',
      staggerSeconds: 1,
      includeInCall: false,
      dryRun: false,
    });
    expect(names(report.done)).toEqual(['Desk 0', 'Desk 2']);
    expect(names(report.skippedInCall)).toEqual(['Desk 1']);
    expect(report).toMatchObject({ failed: [], notAttempted: [], cancelled: false, dryRun: false });
    expect([await restarts(0), await restarts(1), await restarts(2)]).toEqual([1, 0, 1]);
    expect(events.some((event) => event.current?.startsWith('Waiting 1 s before Desk 2'))).toBe(
      true,
    );

    const insisted = await core.handlers['fleet.restart']({
      jobId: 'restart',
      phoneIds: [phoneIds[1] ?? ''],
      kind: 'restart',
      staggerSeconds: 0,
      includeInCall: true,
      dryRun: false,
    });
    expect(names(insisted.done)).toEqual(['Desk 1']);
    expect(await restarts(1)).toBe(1);
  });

  it('on a dry run says what it would do and restarts nothing', async () => {
    const phones = await addPhones(2);
    await control(0).ring('5550100', 'Grace Hopper');
    const report = await core.handlers['fleet.restart']({
      jobId: 'dry',
      phoneIds: phones.map((phone) => phone.id),
      kind: 'reboot',
      staggerSeconds: 30,
      includeInCall: false,
      dryRun: true,
    });
    expect(report).toMatchObject({ dryRun: true, failed: [] });
    expect(names(report.done)).toEqual(['Desk 1']);
    expect(names(report.skippedInCall)).toEqual(['Desk 0']);
    expect((await statsAt(simulator, 1)).requests['/api/v1/mgmt/safeReboot'] ?? 0).toBe(0);
  });

  it('stops when cancelled during the wait, answering what it did', async () => {
    const phones = await addPhones(3);
    const events = progressOf('slow');
    const running = core.handlers['fleet.restart']({
      jobId: 'slow',
      phoneIds: phones.map((phone) => phone.id),
      kind: 'restart',
      staggerSeconds: 600,
      includeInCall: false,
      dryRun: false,
    });
    await expect
      .poll(() => events.some((event) => event.current?.startsWith('Waiting')))
      .toBe(true);
    await expect(
      core.handlers['fleet.restart']({
        jobId: 'slow',
        phoneIds: [phones[0]?.id ?? ''],
        kind: 'restart',
        staggerSeconds: 0,
        includeInCall: false,
        dryRun: true,
      }),
    ).rejects.toMatchObject({ message: expect.stringMatching(/"slow" is still running/) });
    await core.handlers['fleet.cancel']({ jobId: 'slow' });
    const report = await running;
    expect(report).toMatchObject({ cancelled: true, failed: [], skippedInCall: [] });
    expect(names(report.done)).toEqual(['Desk 0']);
    expect(names(report.notAttempted)).toEqual(['Desk 1', 'Desk 2']);
    expect(await restarts(1)).toBe(0);
    expect(events.at(-1)).toMatchObject({ ended: true });
  });
});
