/**
 * Instant call events through the core, as every UI uses them: the plan says what will change,
 * turning on points the phone here and proves the path with the first event, and the phone's
 * previous values come back when turned off, when the phone is removed, and after a crash or a
 * phone that was away — from the values stored before anything was changed.
 */
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { createCore, type Core } from '../../../src/main/core/create-core';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import type { PhoneInfo } from '../../../src/shared/domain';
import { phoneControl, startSimulator, type Simulator } from '../../../src/simulator';
import { eventually, tempDataDir } from './core-helpers';

const NAMES = [
  'apps.telNotification.URL',
  'apps.telNotification.incomingEvent',
  'apps.telNotification.callStateChangeEvent',
] as const;
/** What a provisioning server had put on the phone before Deskpilot. */
const BEFORE = {
  'apps.telNotification.URL': 'http://127.0.0.1:9/provisioned',
  'apps.telNotification.incomingEvent': '1',
};
const BEFORE_ALL = { ...BEFORE, 'apps.telNotification.callStateChangeEvent': '0' };

let sim: Simulator;
let data: Awaited<ReturnType<typeof tempDataDir>>;
const cores: Core[] = [];

function simPhone() {
  const first = sim.phones[0];
  if (first === undefined) throw new Error('no simulated phone');
  return first;
}
const phone = () => phoneControl(simPhone(), sim.controlToken);

/** A core on the temporary data dir, receiving on any free port unless `port` says the settings'. */
async function startCore(port: 'any' | 'settings' = 'any'): Promise<Core> {
  const core = await createCore({
    dataDir: data.dir,
    demo: false,
    log: () => undefined,
    ...(port === 'any' ? { push: { port: 0 } } : {}),
  });
  cores.push(core);
  return core;
}

async function stopCore(core: Core): Promise<void> {
  cores.splice(cores.indexOf(core), 1);
  await core.close();
}

async function addPhone(core: Core): Promise<PhoneInfo> {
  const { url, username, adminPassword } = simPhone();
  const info = await core.handlers['phones.add']({
    name: 'Desk',
    url,
    username,
    password: adminPassword,
  });
  return core.handlers['phones.update']({
    phoneId: info.id,
    pollIntervalIdleMs: 1000,
    pollIntervalActiveMs: 250,
  });
}

/** The phone's event settings, read straight from its REST API (retried while it is busy). */
async function phoneValues(): Promise<Record<string, string>> {
  const { url, username, adminPassword } = simPhone();
  for (let attempt = 0; ; attempt += 1) {
    const reply = await fetch(`${url}/api/v1/mgmt/config/get`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Basic ${Buffer.from(`${username}:${adminPassword}`).toString('base64')}`,
      },
      body: JSON.stringify({ data: NAMES }),
    });
    if (reply.status === 403 && attempt < 50) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      continue;
    }
    const json = (await reply.json()) as { data: Record<string, { Value: string }> };
    return Object.fromEntries(NAMES.map((name) => [name, json.data[name]?.Value ?? '']));
  }
}

/** A port free a moment ago. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Waits (bounded) until the phone has its values from before Deskpilot again. */
async function valuesBack(): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (JSON.stringify(await phoneValues()) !== JSON.stringify(BEFORE_ALL)) {
    if (Date.now() > deadline) throw new Error("the phone's values did not come back");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  sim = await startSimulator({ phones: 1, farEndAnswerMs: 300, rebootMs: 300 });
});
afterAll(() => sim.close());
beforeEach(async () => {
  data = await tempDataDir();
  await phone().reset();
  await phone().config({ params: BEFORE, source: 'LOCAL' });
});
afterEach(async () => {
  await Promise.all(cores.splice(0).map((core) => core.close()));
  await data.remove();
});

describe('instant call events through the core', () => {
  it('says what it will change, turns on, proves the path with a ring and puts everything back when off', async () => {
    const core = await startCore();
    const { id: phoneId } = await addPhone(core);
    const plan = await core.handlers['push.plan']({ phoneId });
    expect(plan.changes).toContainEqual({
      name: 'apps.telNotification.URL',
      from: 'http://127.0.0.1:9/provisioned',
      to: `http://${plan.listeningOn}/deskpilot/events/<secret>`,
    });
    expect(plan.changes).toContainEqual({
      name: 'apps.telNotification.callStateChangeEvent',
      from: '0',
      to: '1',
    });
    // Already on: not a change.
    expect(plan.changes.map((change) => change.name)).not.toContain(
      'apps.telNotification.incomingEvent',
    );
    expect(await phoneValues()).toEqual(BEFORE_ALL);

    const waiting = await core.handlers['push.enable']({ phoneId });
    expect(waiting.phase).toBe('waiting');
    expect((await phoneValues())['apps.telNotification.URL']).toMatch(
      new RegExp(`^http://${plan.listeningOn}/deskpilot/events/[A-Za-z0-9_-]{32}$`),
    );
    await phone().ring('5550100', 'Ada Lovelace');
    await eventually(() => core.phones.snapshot(phoneId).calls[0]?.remoteName === 'Ada Lovelace');
    expect(core.phones.snapshot(phoneId).push.phase).toBe('working');

    const off = await core.handlers['push.disable']({ phoneId });
    expect(off.phase).toBe('off');
    expect(await phoneValues()).toEqual(BEFORE_ALL);
  });

  it('puts the values back when the phone is removed', async () => {
    const core = await startCore();
    const { id: phoneId } = await addPhone(core);
    await core.handlers['push.enable']({ phoneId });
    expect((await phoneValues())['apps.telNotification.callStateChangeEvent']).toBe('1');
    await core.handlers['phones.remove']({ phoneId });
    expect(await phoneValues()).toEqual(BEFORE_ALL);
  });

  it('keeps the previous values across a crash and puts them back when turned off after restart', async () => {
    const first = await startCore();
    const { id: phoneId } = await addPhone(first);
    await first.handlers['push.enable']({ phoneId });
    // Turned on again (twice): the phone's own values stay the ones from before Deskpilot.
    await first.handlers['push.enable']({ phoneId });
    // A crash: nothing is undone on the way out.
    await stopCore(first);
    const second = await startCore();
    await eventually(() => second.phones.snapshot(phoneId).push.phase === 'waiting');
    await second.handlers['push.disable']({ phoneId });
    expect(await phoneValues()).toEqual(BEFORE_ALL);
  });

  it('puts the values back once a phone that was away answers again, even after a restart', async () => {
    const first = await startCore();
    const { id: phoneId } = await addPhone(first);
    await first.handlers['push.enable']({ phoneId });
    await phone().faults({ unreachableMs: 60_000 });
    const off = await first.handlers['push.disable']({ phoneId });
    expect(off.message).toMatch(/could not be put back yet/);
    await stopCore(first);

    const second = await startCore();
    expect(second.phones.snapshot(phoneId).push.phase).toBe('off');
    await phone().faults({ clear: true, unreachableMs: 0 });
    await valuesBack();
    await eventually(() =>
      second.phones.snapshot(phoneId).push.message.startsWith('Off: Deskpilot asks'),
    );
  });

  it('remembers a removed phone that was away and restores it at the next start', async () => {
    const first = await startCore();
    const { id: phoneId } = await addPhone(first);
    await first.handlers['push.enable']({ phoneId });
    await phone().faults({ unreachableMs: 60_000 });
    await first.handlers['phones.remove']({ phoneId });
    expect(await first.handlers['phones.list']({})).toEqual([]);
    await stopCore(first);
    await phone().faults({ clear: true, unreachableMs: 0 });
    // The next start tries the removed phone at once, with nothing of it in the phone list.
    const second = await startCore();
    expect(await second.handlers['phones.list']({})).toEqual([]);
    await valuesBack();
  });

  it('puts back what a failed turn-on changed, keeps nothing, and says why', async () => {
    const core = await startCore();
    const { id: phoneId } = await addPhone(core);
    await phone().faults({ fail5000: { count: 1, paths: ['/api/v1/mgmt/config/set'] } });
    await expect(core.handlers['push.enable']({ phoneId })).rejects.toMatchObject({
      code: 'phone-error',
    });
    expect(core.phones.snapshot(phoneId).push).toMatchObject({ phase: 'problem' });
    expect(core.phones.snapshot(phoneId).push.message).toMatch(
      /^Could not turn instant call events on/,
    );
    expect(await phoneValues()).toEqual(BEFORE_ALL);
    // Nothing is kept to undo: turning off has nothing to put back.
    expect((await core.handlers['push.disable']({ phoneId })).phase).toBe('off');
    expect(await phoneValues()).toEqual(BEFORE_ALL);
  });

  it('moves the phone to a new port when the setting changes, and events keep coming', async () => {
    await writeFile(
      join(data.dir, 'settings.json'),
      JSON.stringify({ phones: [], app: { ...DEFAULT_SETTINGS, pushPort: await freePort() } }),
    );
    const core = await startCore('settings');
    const { id: phoneId } = await addPhone(core);
    await core.handlers['push.enable']({ phoneId });
    const port = await freePort();
    await core.handlers['settings.set']({ pushPort: port });
    await eventually(() => core.phones.snapshot(phoneId).push.listeningOn === `127.0.0.1:${port}`);
    const deadline = Date.now() + 10_000;
    while (
      !(await phoneValues())['apps.telNotification.URL']?.startsWith(`http://127.0.0.1:${port}/`)
    ) {
      if (Date.now() > deadline) throw new Error('the phone was not moved to the new port');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await phone().ring('5550100', 'On the new port');
    await eventually(() => core.phones.snapshot(phoneId).push.phase === 'working');
  });
});
