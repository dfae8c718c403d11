import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { createCore, type Core } from '../../../src/main/core/create-core';
import { startSimulator, type Simulator } from '../../../src/simulator';
import type { PhoneEvent } from '../../../src/shared/domain';
import { eventually, nextCoreEvent, tempDataDir } from './core-helpers';

let simulator: Simulator;
let data: { dir: string; remove: () => Promise<void> };
let core: Core;

beforeAll(async () => {
  simulator = await startSimulator({ phones: 2, https: true, farEndAnswerMs: 50 });
});
afterAll(async () => {
  await simulator.close();
});
beforeEach(async () => {
  data = await tempDataDir();
  core = await createCore({ dataDir: data.dir, demo: false });
});
afterEach(async () => {
  await core.close();
  await data.remove();
});

function phone(index: number) {
  const found = simulator.phones[index];
  if (found === undefined) throw new Error(`no simulator phone ${index}`);
  return found;
}

function credentials(index: number) {
  const { url, username, adminPassword } = phone(index);
  return { name: `Desk ${index}`, url, username, password: adminPassword };
}

describe('adding phones', () => {
  it('refuses an unknown certificate, naming the fingerprint to accept, and stores nothing', async () => {
    const refused = core.handlers['phones.add'](credentials(0));
    await expect(refused).rejects.toMatchObject({ code: 'certificate-unknown' });
    await expect(refused).rejects.toThrow(phone(0).fingerprint ?? 'no fingerprint');
    expect(await core.handlers['phones.list']({})).toEqual([]);
  });

  it('refuses a wrong password and an unreachable phone, each with its own code', async () => {
    const accept = { acceptFingerprint: phone(0).fingerprint ?? '' };
    await expect(
      core.handlers['phones.add']({ ...credentials(0), ...accept, password: 'wrong' }),
    ).rejects.toMatchObject({ code: 'wrong-credentials' });
    await expect(
      core.handlers['phones.add']({ ...credentials(0), url: 'http://127.0.0.1:9' }),
    ).rejects.toMatchObject({ code: 'unreachable' });
  });

  it('makes concurrent changes one at a time: one phone per name, a removed phone stays removed', async () => {
    const twins = await Promise.allSettled([
      core.handlers['phones.add']({
        ...credentials(0),
        name: 'Twin',
        acceptFingerprint: phone(0).fingerprint ?? '',
      }),
      core.handlers['phones.add']({
        ...credentials(1),
        name: 'Twin',
        acceptFingerprint: phone(1).fingerprint ?? '',
      }),
    ]);
    expect(twins.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    expect(twins.find((outcome) => outcome.status === 'rejected')).toMatchObject({
      reason: { code: 'invalid-argument', message: expect.stringMatching(/already exists/) },
    });
    const [twin] = await core.handlers['phones.list']({});
    if (twin === undefined) throw new Error('no phone was added');
    await Promise.allSettled([
      core.handlers['phones.update']({ phoneId: twin.id, name: 'Renamed', password: 'changed' }),
      core.handlers['phones.remove']({ phoneId: twin.id }),
    ]);
    expect(await core.handlers['phones.list']({})).toEqual([]);
    await core.close();
    core = await createCore({ dataDir: data.dir, demo: false });
    expect(await core.handlers['phones.list']({})).toEqual([]);
  });

  it('keeps a phone in its group across restarts, moves it and takes it out, without reconnecting', async () => {
    const added = await core.handlers['phones.add']({
      ...credentials(0),
      acceptFingerprint: phone(0).fingerprint ?? '',
      group: 'Reception',
    });
    expect(added.group).toBe('Reception');
    const moved = await core.handlers['phones.update']({ phoneId: added.id, group: 'Sales' });
    expect(moved.group).toBe('Sales');
    await core.close();
    core = await createCore({ dataDir: data.dir, demo: false });
    expect((await core.handlers['phones.list']({}))[0]?.group).toBe('Sales');
    const ungrouped = await core.handlers['phones.update']({ phoneId: added.id, group: null });
    expect(ungrouped.group).toBeNull();
  });

  it('creates its data folder readable by its own user only', async () => {
    const nested = join(data.dir, 'new', 'Deskpilot');
    const fresh = await createCore({ dataDir: nested, demo: false });
    try {
      expect((await stat(nested)).mode & 0o777).toBe(0o700);
      expect((await stat(join(data.dir, 'new'))).mode & 0o777).toBe(0o700);
    } finally {
      await fresh.close();
    }
  });

  it('adds a phone with its certificate pinned, keeps the password out of settings and events', async () => {
    const events: PhoneEvent[] = [];
    core.subscribe('phone', (event) => events.push(event));
    const { password } = credentials(0);
    const info = await core.handlers['phones.add']({
      ...credentials(0),
      acceptFingerprint: (phone(0).fingerprint ?? '').toLowerCase(),
    });
    expect(info).toMatchObject({ name: 'Desk 0', hasPassword: true, demo: false });
    expect(info.pinnedFingerprint).toBe(phone(0).fingerprint);
    await eventually(() => core.phones.snapshot(info.id).status.health === 'online');

    const settingsText = await readFile(join(data.dir, 'settings.json'), 'utf8');
    expect(settingsText).toContain('Desk 0');
    expect(settingsText).not.toContain(password);
    expect((await stat(join(data.dir, 'secrets.json'))).mode & 0o777).toBe(0o600);
    const visible = JSON.stringify([
      events,
      await core.handlers['phones.list']({}),
      await core.handlers['phones.snapshots']({}),
    ]);
    expect(visible).not.toContain(password);
    expect(events.some((event) => event.type === 'phones-changed')).toBe(true);

    // A second core over the same folder finds the phone and its password again.
    await core.close();
    core = await createCore({ dataDir: data.dir, demo: false });
    await eventually(() => core.phones.snapshot(info.id).status.health === 'online');
  });

  it('refuses a second phone with the same name', async () => {
    const accept = { acceptFingerprint: phone(0).fingerprint ?? '' };
    await core.handlers['phones.add']({ ...credentials(0), ...accept });
    await expect(
      core.handlers['phones.add']({ ...credentials(0), ...accept, name: 'desk 0' }),
    ).rejects.toMatchObject({ code: 'invalid-argument' });
  });
});

describe('calls through the core', () => {
  it('dials, forwards the call events, ends the call', async () => {
    const info = await core.handlers['phones.add']({
      ...credentials(1),
      acceptFingerprint: phone(1).fingerprint ?? '',
    });
    const added = nextCoreEvent(core, 'phone', (event) => event.type === 'call-added');
    const { handle } = await core.handlers['calls.dial']({
      phoneId: info.id,
      destination: 'tel:+1-555-123-4567',
    });
    expect(handle).toMatch(/^0x[0-9a-f]+$/);
    const event = await added;
    expect(event.type === 'call-added' && event.call.remoteNumber).toContain('5551234567');
    const removed = nextCoreEvent(core, 'phone', (next) => next.type === 'call-removed');
    await core.handlers['calls.end']({ phoneId: info.id, handle: handle ?? '' });
    await removed;
  });

  it('refuses junk destinations before they reach a phone, and unknown phones', async () => {
    await expect(
      core.handlers['calls.dial']({ phoneId: 'nope', destination: 'javascript:alert(1)' }),
    ).rejects.toMatchObject({ code: 'invalid-argument' });
    await expect(
      core.handlers['calls.dial']({ phoneId: 'nope', destination: '5551234' }),
    ).rejects.toMatchObject({ code: 'unknown-phone' });
    await expect(core.handlers['device.details']({ phoneId: 'nope' })).rejects.toMatchObject({
      code: 'unknown-phone',
    });
  });
});

describe('removing and updating phones', () => {
  it('removes a phone: it disappears and its password is forgotten', async () => {
    const info = await core.handlers['phones.add']({
      ...credentials(0),
      acceptFingerprint: phone(0).fingerprint ?? '',
    });
    await core.handlers['phones.remove']({ phoneId: info.id });
    expect(await core.handlers['phones.list']({})).toEqual([]);
    const secrets = await readFile(join(data.dir, 'secrets.json'), 'utf8');
    expect(secrets).not.toContain(credentials(0).password);
    await expect(core.handlers['phones.remove']({ phoneId: info.id })).rejects.toMatchObject({
      code: 'unknown-phone',
    });
  });

  it('never sends the stored password to a new address', async () => {
    const info = await core.handlers['phones.add']({
      ...credentials(0),
      acceptFingerprint: phone(0).fingerprint ?? '',
    });
    await expect(
      core.handlers['phones.update']({ phoneId: info.id, url: 'http://192.0.2.1' }),
    ).rejects.toMatchObject({ code: 'invalid-argument' });
    const moved = await core.handlers['phones.update']({
      phoneId: info.id,
      url: phone(1).url,
      password: phone(1).adminPassword,
    });
    // A certificate accepted for one address is not trusted for another.
    expect(moved.pinnedFingerprint).toBeNull();
    await eventually(
      () => core.phones.snapshot(info.id).status.attention === 'certificate-unknown',
    );
    const status = core.phones.snapshot(info.id).status;
    expect(status.presentedFingerprint).toBe(phone(1).fingerprint);
    await core.handlers['phones.acceptCertificate']({
      phoneId: info.id,
      fingerprint: status.presentedFingerprint ?? '',
    });
    await eventually(() => core.phones.snapshot(info.id).status.health === 'online');
  });

  it('a wrong password set by update shows as the phone needing attention', async () => {
    const info = await core.handlers['phones.add']({
      ...credentials(0),
      acceptFingerprint: phone(0).fingerprint ?? '',
    });
    await core.handlers['phones.update']({ phoneId: info.id, password: 'wrong', name: 'Renamed' });
    await eventually(() => core.phones.snapshot(info.id).status.attention === 'wrong-credentials');
    expect((await core.handlers['phones.list']({}))[0]?.name).toBe('Renamed');
  });
});

describe('settings, links and click-to-dial', () => {
  it('changes settings and tells subscribers', async () => {
    const changed = nextCoreEvent(core, 'settings-changed', () => true);
    const next = await core.handlers['settings.set']({ clickToDial: 'dial' });
    expect(next.clickToDial).toBe('dial');
    expect((await changed).clickToDial).toBe('dial');
    expect((await core.handlers['settings.get']({})).clickToDial).toBe('dial');
    await expect(core.handlers['settings.set']({ defaultPhoneId: 'nope' })).rejects.toMatchObject({
      code: 'unknown-phone',
    });
  });

  it('parses links and refuses hostile ones', async () => {
    expect(await core.handlers['links.parse']({ link: 'tel:+1-555-123-4567' })).toMatchObject({
      type: 'TEL',
    });
    await expect(
      core.handlers['links.parse']({ link: 'http://evil.example' }),
    ).rejects.toMatchObject({ code: 'invalid-argument' });
  });

  it('asks first when settings say confirm, dials at once when they say dial', async () => {
    expect(await core.requestDial('link', 'javascript:alert(1)')).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
    const request = nextCoreEvent(core, 'dial-request', () => true);
    expect(await core.requestDial('link', 'tel:5551234')).toEqual({ ok: true, value: 'confirm' });
    expect((await request).link.destination).toBe('5551234');

    await core.handlers['settings.set']({ clickToDial: 'dial' });
    expect(await core.requestDial('shortcut', '5551234')).toMatchObject({
      ok: false,
      error: { code: 'unknown-phone' },
    });
    const info = await core.handlers['phones.add']({
      ...credentials(1),
      acceptFingerprint: phone(1).fingerprint ?? '',
    });
    const outcome = await core.requestDial('command-line', 'sip:5550001@example.com');
    expect(outcome.ok).toBe(true);
    await eventually(() => core.phones.snapshot(info.id).calls.length > 0);
    for (const call of core.phones.snapshot(info.id).calls) {
      await core.handlers['calls.end']({ phoneId: info.id, handle: call.handle });
    }
  });
});
