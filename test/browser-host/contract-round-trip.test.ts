/**
 * Every contract channel, called the way the browser UI calls it (the renderer bridge's socket
 * transport and verb API), through the browser host, against the real core and a simulated phone.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normaliseHandle } from '../../src/main/vvx/vvx-values';
import WebSocket from 'ws';

import { startBrowserHost, type BrowserHost } from '../../src/main/browser-host/browser-host';
import { createCore, type Core } from '../../src/main/core/create-core';
import {
  createSocketTransport,
  type SocketTransport,
} from '../../src/renderer/bridge/socket-transport';
import {
  createDeskpilotApi,
  type DeskpilotApi,
  type RequestOutcome,
} from '../../src/shared/contract/api';
import { REQUEST_CHANNELS, type RequestChannel } from '../../src/shared/contract';
import type { PhoneEvent } from '../../src/shared/domain';
import { startSimulator, type Simulator } from '../../src/simulator';
import { keyProtocols, signIn, simulatorControl } from './http-helpers';

let dataDir: string;
let core: Core;
let host: BrowserHost;
let simulator: Simulator;
let uploads: Server;
let uploadUrl: string;
let transport: SocketTransport;
let api: DeskpilotApi;
const called = new Set<RequestChannel>();
const events: PhoneEvent[] = [];

/** Asserts success, naming the channel and error on failure, and records the channel. */
function valueOf<C extends RequestChannel>(channel: C, outcome: RequestOutcome<C>) {
  called.add(channel);
  if (!outcome.ok)
    throw new Error(`${channel} failed: ${outcome.error.code} ${outcome.error.message}`);
  return outcome.value;
}

/** Rings the simulated phone; resolves with the new call's handle. */
async function ring(from: string): Promise<string> {
  return ((await simulatorControl(simulator, 'ring', { from })) as { handle: string }).handle;
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('condition not reached');
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'deskpilot-roundtrip-'));
  simulator = await startSimulator({
    https: true,
    farEndAnswerMs: 20,
    rebootMs: 100,
    laterFirmware: true,
  });
  uploads = createServer((request, response) => {
    request.resume();
    request.on('end', () => response.end('ok'));
  });
  await new Promise<void>((resolve) => uploads.listen(0, '127.0.0.1', resolve));
  uploadUrl = `http://127.0.0.1:${(uploads.address() as AddressInfo).port}/upload`;
  core = await createCore({ dataDir, demo: false, push: { port: 0 } });
  host = await startBrowserHost({ core, rendererDir: join(dataDir, 'no-ui') });
  const { cookie, key } = await signIn(host.signInUrl());
  const origin = `http://127.0.0.1:${host.port}`;
  transport = createSocketTransport({
    connect: () =>
      new WebSocket(`ws://127.0.0.1:${host.port}/contract`, keyProtocols(key), {
        headers: { cookie, origin },
      }),
  });
  api = createDeskpilotApi(transport);
  api.events.on('phone', (event) => events.push(event));
});

afterAll(async () => {
  transport.close();
  await host.close();
  await core.close();
  await simulator.close();
  uploads.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('the contract through the browser host', () => {
  it('round-trips every channel against the simulator', async () => {
    const phone = simulator.phones[0];
    if (phone === undefined) throw new Error('no simulated phone');
    const credentials = { url: phone.url, username: phone.username, password: phone.adminPassword };

    expect(valueOf('phones.list', await api.phones.list({}))).toEqual([]);
    const untrusted = valueOf('phones.test', await api.phones.test(credentials));
    expect(untrusted.attention).toBe('certificate-unknown');
    expect(untrusted.fingerprint).toBe(phone.fingerprint);
    const acceptFingerprint = phone.fingerprint ?? '';
    const tested = valueOf(
      'phones.test',
      await api.phones.test({ ...credentials, acceptFingerprint }),
    );
    expect(tested).toMatchObject({ ok: true, admin: true, model: expect.stringMatching(/601/) });

    const added = valueOf(
      'phones.add',
      await api.phones.add({ name: 'Desk', ...credentials, acceptFingerprint }),
    );
    expect(added).toMatchObject({ name: 'Desk', hasPassword: true });
    expect(JSON.stringify(added)).not.toContain(phone.adminPassword);
    const phoneId = added.id;
    const updated = valueOf(
      'phones.update',
      await api.phones.update({ phoneId, name: 'Front desk', pollIntervalIdleMs: 1000 }),
    );
    expect(updated.name).toBe('Front desk');
    valueOf(
      'phones.acceptCertificate',
      await api.phones.acceptCertificate({ phoneId, fingerprint: acceptFingerprint }),
    );
    const online = await until(
      async () => valueOf('phones.snapshots', await api.phones.snapshots({})),
      (snapshots) => snapshots[0]?.status.health === 'online',
    );
    expect(online[0]?.info.name).toBe('Front desk');
    expect(events.some((event) => event.type === 'phone-status' && event.phoneId === phoneId)).toBe(
      true,
    );

    // Calls: an outgoing one, then incoming ones rung through the simulator's control API.
    const dialled = valueOf(
      'calls.dial',
      await api.calls.dial({ phoneId, destination: 'tel:+1-555-0100' }),
    );
    expect(dialled.handle).toMatch(/^0x[0-9a-f]+$/);
    const handle = dialled.handle ?? '';
    await until(
      async () => valueOf('phones.snapshots', await api.phones.snapshots({})),
      (snapshots) => snapshots[0]?.calls.some((call) => call.state === 'Connected') ?? false,
    );
    valueOf('calls.mute', await api.calls.mute({ phoneId, muted: true }));
    valueOf('calls.sendDtmf', await api.calls.sendDtmf({ phoneId, digits: '12#' }));
    valueOf('calls.hold', await api.calls.hold({ phoneId, handle }));
    valueOf('calls.resume', await api.calls.resume({ phoneId, handle }));
    valueOf('device.media', await api.device.media({ phoneId }));
    valueOf('calls.end', await api.calls.end({ phoneId, handle }));
    const second = valueOf('calls.dial', await api.calls.dial({ phoneId, destination: '1235' }));
    await until(
      async () => valueOf('phones.snapshots', await api.phones.snapshots({})),
      (snapshots) => snapshots[0]?.calls.some((call) => call.state === 'Connected') ?? false,
    );
    valueOf(
      'calls.transfer',
      await api.calls.transfer({ phoneId, handle: second.handle ?? '', destination: '2000' }),
    );
    const answered = await ring('2001');
    expect(
      valueOf('calls.answer', await api.calls.answer({ phoneId, handle: answered })).handle,
    ).toBe(normaliseHandle(answered));
    valueOf('calls.end', await api.calls.end({ phoneId, handle: answered }));
    valueOf('calls.ignore', await api.calls.ignore({ phoneId, handle: await ring('2002') }));
    valueOf('calls.reject', await api.calls.reject({ phoneId, handle: await ring('2003') }));
    valueOf('calls.logs', await api.calls.logs({ phoneId }));

    // Links: held for confirmation (the default setting), then dismissed or confirmed by id.
    const asked: string[] = [];
    const stopAsking = api.events.on('dial-request', (request) => asked.push(request.id));
    expect(
      valueOf('links.request', await api.links.request({ source: 'link', link: 'tel:5550142' })),
    ).toBe('confirm');
    await until(
      () => Promise.resolve(asked),
      (ids) => ids.length === 1,
    );
    valueOf('links.dismissDial', await api.links.dismissDial({ id: asked[0] ?? '' }));
    valueOf('links.request', await api.links.request({ source: 'shortcut', link: '5550143' }));
    await until(
      () => Promise.resolve(asked),
      (ids) => ids.length === 2,
    );
    stopAsking();
    const linked = valueOf(
      'links.confirmDial',
      await api.links.confirmDial({ id: asked[1] ?? '', phoneId }),
    );
    expect(linked.handle).toMatch(/^0x[0-9a-f]+$/);
    valueOf('calls.end', await api.calls.end({ phoneId, handle: linked.handle ?? '' }));

    const viewer = 'round-trip-viewer';
    valueOf('screen.get', await api.screen.get({ phoneId, viewer }));
    valueOf('screen.enableCapture', await api.screen.enableCapture({ phoneId, viewer }));
    valueOf('screen.hold', await api.screen.hold({ phoneId, viewer }));
    valueOf('screen.release', await api.screen.release({ phoneId, viewer }));
    valueOf(
      'screen.touch',
      await api.screen.touch({ phoneId, type: 'Tap', positions: [{ x: 10, y: 10 }] }),
    );
    valueOf('screen.key', await api.screen.key({ phoneId, key: 'Home' }));

    expect(valueOf('device.details', await api.device.details({ phoneId })).device).toBeTypeOf(
      'object',
    );
    expect(valueOf('device.lines', await api.device.lines({ phoneId })).length).toBeGreaterThan(0);
    expect(valueOf('device.log', await api.device.log({ phoneId }))).toBeInstanceOf(Array);
    valueOf(
      'config.set',
      await api.config.set({
        phoneId,
        values: { 'diags.pcap.enabled': '1', 'diags.pcap.background.enabled': '1' },
      }),
    );
    valueOf('device.uploadCapture', await api.device.uploadCapture({ phoneId, url: uploadUrl }));
    valueOf(
      'config.set',
      await api.config.set({ phoneId, values: { 'up.backlight.idleIntensity': '1' } }),
    );
    const config = valueOf(
      'config.get',
      await api.config.get({ phoneId, names: ['up.backlight.idleIntensity'] }),
    );
    expect(config['up.backlight.idleIntensity']?.value).toBe('1');
    valueOf('config.export', await api.config.export({ phoneId, url: uploadUrl, type: 'All' }));
    expect(
      valueOf('device.skypePresence', await api.device.skypePresence({ phoneId })).supported,
    ).toBe(false);
    valueOf(
      'config.set',
      await api.config.set({
        phoneId,
        values: {
          'device.set': '1',
          'device.baseProfile.set': '1',
          'device.baseProfile': 'SkypeForBusiness',
        },
      }),
    );
    valueOf(
      'device.skypeSignIn',
      await api.device.skypeSignIn({
        phoneId,
        address: 'sip:me@example.com',
        user: 'me',
        password: 'sfb',
        domain: 'example.com',
      }),
    );
    expect(
      valueOf('device.skypePresence', await api.device.skypePresence({ phoneId })).presence,
    ).toBe('Available');
    valueOf('device.skypeSignOut', await api.device.skypeSignOut({ phoneId }));
    valueOf('config.setTransferType', await api.config.setTransferType({ phoneId, type: 'Blind' }));
    expect(
      valueOf('config.getTransferType', await api.config.getTransferType({ phoneId })).type,
    ).toBe('Blind');

    const contact = valueOf(
      'contacts.add',
      await api.contacts.add({
        name: 'Ada',
        numbers: [{ label: 'work', number: '+44 20 7946 0000' }],
      }),
    );
    valueOf(
      'contacts.update',
      await api.contacts.update({
        id: contact.id,
        contact: { name: 'Ada L', numbers: [{ label: 'work', number: '1234' }] },
      }),
    );
    const preview = valueOf(
      'contacts.previewImport',
      await api.contacts.previewImport({
        fileName: 'people.vcf',
        content:
          'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Grace Hopper\r\nTEL;TYPE=WORK:+1 202 555 0199\r\nEND:VCARD\r\n',
      }),
    );
    expect(
      valueOf(
        'contacts.commitImport',
        await api.contacts.commitImport({ previewId: preview.previewId }),
      ).imported,
    ).toBe(1);
    expect(valueOf('contacts.list', await api.contacts.list({}))).toHaveLength(2);
    valueOf('contacts.remove', await api.contacts.remove({ id: contact.id }));

    expect(
      valueOf('settings.set', await api.settings.set({ clickToDial: 'dial' })).clickToDial,
    ).toBe('dial');
    expect(valueOf('settings.get', await api.settings.get({})).clickToDial).toBe('dial');
    expect(
      valueOf('links.parse', await api.links.parse({ link: 'sip:alice@example.com' })),
    ).toMatchObject({ type: 'SIP' });

    const plan = valueOf('push.plan', await api.push.plan({ phoneId }));
    expect(plan.changes.map((change) => change.name)).toContain('apps.telNotification.URL');
    expect(valueOf('push.enable', await api.push.enable({ phoneId })).phase).not.toBe('off');
    expect(valueOf('push.status', await api.push.status({ phoneId })).phase).not.toBe('off');
    expect(valueOf('push.disable', await api.push.disable({ phoneId })).phase).toBe('off');

    const fleetFile = `name,address\nDesk 2,${phone.url}\n`;
    const importPreview = valueOf(
      'fleet.previewImport',
      await api.fleet.previewImport({ jobId: 'preview', csv: fleetFile, password: 'x' }),
    );
    expect(importPreview.rows[0]?.reason).toMatch(/already has the address/);
    expect(
      valueOf(
        'fleet.import',
        await api.fleet.import({ jobId: 'import', csv: fleetFile, acceptFingerprints: [] }),
      ).added,
    ).toEqual([]);
    const inventory = valueOf('fleet.inventory', await api.fleet.inventory({ jobId: 'inventory' }));
    expect(inventory.rows[0]).toMatchObject({ name: 'Front desk', problem: null });
    const proxy = { 'voIpProt.SIP.outboundProxy.address': 'pbx.example' };
    const fleetPlan = valueOf(
      'fleet.previewConfig',
      await api.fleet.previewConfig({ jobId: 'plan', phoneIds: [phoneId], values: proxy }),
    );
    expect(fleetPlan.phones[0]?.changes).toHaveLength(1);
    expect(
      valueOf(
        'fleet.applyConfig',
        await api.fleet.applyConfig({ jobId: 'apply', phoneIds: [phoneId], values: proxy }),
      ).changed,
    ).toHaveLength(1);
    const dryRestart = valueOf(
      'fleet.restart',
      await api.fleet.restart({
        jobId: 'restart',
        phoneIds: [phoneId],
        kind: 'reboot',
        staggerSeconds: 0,
        includeInCall: false,
        dryRun: true,
      }),
    );
    expect(dryRestart).toMatchObject({ dryRun: true, failed: [] });
    expect(
      valueOf('fleet.cancel', await api.fleet.cancel({ jobId: 'nothing-running' })),
    ).toBeNull();

    valueOf('device.resetConfig', await api.device.resetConfig({ phoneId, scope: 'web' }));
    // Each restart makes the phone unreachable for a moment (rebootMs): wait until it answers.
    const backOnline = () =>
      until(
        () => api.device.details({ phoneId }),
        (outcome) => outcome.ok,
      );
    valueOf('device.restart', await api.device.restart({ phoneId }));
    await backOnline();
    valueOf('device.reboot', await api.device.reboot({ phoneId }));
    await backOnline();
    valueOf(
      'device.factoryReset',
      await api.device.factoryReset({ phoneId, confirmation: 'FACTORY RESET' }),
    );

    const demo = valueOf('phones.addDemo', await api.phones.addDemo({}));
    expect(demo.demo).toBe(true);
    expect(valueOf('phones.ringDemo', await api.phones.ringDemo({}))).toBeNull();
    valueOf('phones.remove', await api.phones.remove({ phoneId }));
    expect(valueOf('phones.list', await api.phones.list({})).map((info) => info.id)).toEqual([
      demo.id,
    ]);
    expect(REQUEST_CHANNELS.filter((channel) => !called.has(channel))).toEqual([]);
  });

  it('pushes core events to the browser, and a dropped host fails calls in words', async () => {
    const themes: string[] = [];
    const stop = api.events.on('settings-changed', (settings) => themes.push(settings.theme));
    valueOf('settings.set', await api.settings.set({ theme: 'dark' }));
    await until(
      () => Promise.resolve(themes),
      (seen) => seen.includes('dark'),
    );
    stop();
    await host.close();
    const outcome = await api.phones.list({});
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.code).toBe('unreachable');
  });
});
