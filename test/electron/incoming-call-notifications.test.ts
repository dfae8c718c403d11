/** Incoming calls on a simulated phone raise a native notification whose buttons act on the call. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { normaliseHandle } from '../../src/main/vvx/vvx-values';

import { createCore, type Core } from '../../src/main/core/create-core';
import { notifyIncomingCalls } from '../../src/main/electron/incoming-call-notifications';
import { createDispatcher } from '../../src/main/ipc/dispatcher';
import { DEFAULT_SETTINGS, type AppSettings } from '../../src/shared/settings';
import { startSimulator, type Simulator } from '../../src/simulator';
import { simulatorControl } from '../browser-host/http-helpers';
import { recorded, type StandInNotification } from './electron-stand-in';

vi.mock('electron', () => import('./electron-stand-in'));

let dataDir: string;
let core: Core;
let simulator: Simulator;
let phoneId: string;
let settings: AppSettings = DEFAULT_SETTINGS;
const showWindow = vi.fn();
let stop: () => void;

async function until(condition: () => boolean | Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < 200 && !(await condition()); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expect(await condition()).toBe(true);
}

async function ring(from: string): Promise<string> {
  return ((await simulatorControl(simulator, 'ring', { from })) as { handle: string }).handle;
}

function notificationFor(number: string): StandInNotification | undefined {
  return recorded.notifications.find(
    (notification) =>
      notification.options.title === 'Incoming call' && notification.options.body.includes(number),
  );
}

async function callState(handle: string): Promise<string | undefined> {
  const [snapshot] = await core.handlers['phones.snapshots']({});
  return snapshot?.calls.find((call) => call.handle === normaliseHandle(handle))?.state;
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'deskpilot-notify-'));
  simulator = await startSimulator({ https: true, farEndAnswerMs: 20 });
  core = await createCore({ dataDir, demo: false });
  const phone = simulator.phones[0];
  if (phone === undefined) throw new Error('no simulated phone');
  const added = await core.handlers['phones.add']({
    name: 'Desk',
    url: phone.url,
    username: phone.username,
    password: phone.adminPassword,
    acceptFingerprint: phone.fingerprint ?? undefined,
  });
  phoneId = added.id;
  await core.handlers['phones.update']({ phoneId, pollIntervalIdleMs: 1000 });
  stop = notifyIncomingCalls({
    core,
    dispatcher: createDispatcher(core),
    settings: () => settings,
    showWindow,
    platform: 'linux',
  });
});

afterAll(async () => {
  stop();
  await core.close();
  await simulator.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('incoming call notifications', () => {
  it('shows the caller with Answer and Reject, and Answer answers the call', async () => {
    const handle = await ring('5550101');
    await until(() => notificationFor('5550101')?.shown === true);
    const notification = notificationFor('5550101');
    expect(notification?.options.actions).toEqual([
      { type: 'button', text: 'Answer' },
      { type: 'button', text: 'Reject' },
    ]);
    notification?.emit('click');
    expect(showWindow).toHaveBeenCalled();
    notification?.emit('action', { actionIndex: 0 });
    await until(async () => (await callState(handle)) === 'Connected');
    await core.handlers['calls.end']({ phoneId, handle });
  });

  it('shows a caller name holding markup as plain text on Linux', async () => {
    const handle = (
      (await simulatorControl(simulator, 'ring', {
        from: '5550104',
        name: '<a href="https://evil.example">Your bank</a> & <img src=x>',
      })) as { handle: string }
    ).handle;
    await until(() => notificationFor('5550104')?.shown === true);
    const body = notificationFor('5550104')?.options.body ?? '';
    expect(body).not.toMatch(/[<>]/);
    expect(body).toContain('&#60;a href=&#34;https://evil.example&#34;&#62;Your bank&#60;/a&#62;');
    await core.handlers['calls.reject']({ phoneId, handle });
  });

  it('Reject rejects the call', async () => {
    const handle = await ring('5550102');
    await until(() => notificationFor('5550102')?.shown === true);
    notificationFor('5550102')?.emit('action', { actionIndex: 1 });
    await until(async () => (await callState(handle)) === undefined);
  });

  it('stays quiet when notifications are off in settings', async () => {
    settings = { ...DEFAULT_SETTINGS, notifications: false };
    const handle = await ring('5550103');
    await until(async () => (await callState(handle)) === 'Offering');
    // The poller has seen the call (it is in the snapshot): a notification would exist by now.
    expect(notificationFor('5550103')).toBeUndefined();
    await core.handlers['calls.reject']({ phoneId, handle });
  });
});
