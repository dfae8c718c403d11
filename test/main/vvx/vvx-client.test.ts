import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { VvxClient } from '../../../src/main/vvx/vvx-client';
import type { Simulator } from '../../../src/simulator';
import { startSimWithClient, type SimWithClient } from '../../support/sim-with-client';
import { control, stats, waitFor } from './sim-control';

describe.each([
  { scheme: 'https', https: true, digest: false },
  { scheme: 'http with Digest', https: false, digest: true },
])('VvxClient over $scheme against the simulator', ({ https, digest }) => {
  let sim: Simulator;
  let client: VvxClient;

  let setup: SimWithClient;

  beforeAll(async () => {
    setup = await startSimWithClient({ https, digest, farEndAnswerMs: 50 });
    ({ sim, client } = setup);
  });

  afterAll(() => setup.close());

  it('reads who the phone is, with both deviceInfo versions', async () => {
    const v2 = await client.deviceInfoV2();
    const v1 = await client.deviceInfoV1();
    expect(v2.model).toBe(sim.phones[0]?.model);
    expect(v1.model).toBe(v2.model);
    expect(v1.firmware).toMatch(/^\d+\.\d+/);
    expect(v2.firmware).toBe(v1.firmware);
    expect(v2.macAddress).toBe(sim.phones[0]?.macAddress);
  });

  it('reads the status, network, statistics, location and running configuration', async () => {
    expect((await client.pollForStatus()).state).toBe('Idle');
    expect(await client.networkInfo()).toHaveProperty('IPV4Address');
    expect(await client.networkStats()).toHaveProperty('RxPackets');
    expect(await client.deviceStats()).toHaveProperty('CPU');
    expect(await client.runningConfig()).toHaveProperty('Network');
    expect(await client.locationInfo()).toHaveProperty('Country');
    expect(await client.communicationInfo()).toHaveProperty('PhoneMuteState');
    expect(await client.sipStatus()).toHaveProperty('User');
    await expect(client.getPresence()).rejects.toMatchObject({
      code: 'not-supported',
      vvxStatus: 4004,
    });
  });

  it('reads lines with both lineInfo versions, and one line alone', async () => {
    const v1 = await client.lineInfoV1();
    const v2 = await client.lineInfoV2();
    expect(v1.length).toBeGreaterThan(0);
    expect(v2.map((line) => line.line)).toEqual(v1.map((line) => line.line));
    expect(v2[0]?.registered).toBe(true);
    expect(await client.lineInfoV2(1)).toHaveLength(1);
  });

  it('gets and sets configuration, unknown names reading as null', async () => {
    await client.setConfig({ 'httpd.ta.enabled': '1' });
    const values = await client.getConfig(['httpd.ta.enabled', 'no.such.parameter']);
    expect(values['httpd.ta.enabled']?.value).toBe('1');
    expect(values['no.such.parameter']).toBeNull();
    await expect(
      client.getConfig(Array.from({ length: 21 }, (_, i) => `x.${i}`)),
    ).rejects.toMatchObject({
      code: 'invalid-argument',
    });
  });

  it('gets and sets the transfer type', async () => {
    await client.setTransferType('Blind');
    expect(await client.getTransferType()).toEqual({ type: 'Blind' });
    await client.setTransferType('Consultative');
  });

  it('places, holds, resumes, mutes, sends DTMF to, transfers and ends calls', async () => {
    await client.dial('5551234', 1, 'TEL');
    const [call] = await waitFor(async () => {
      const calls = await client.callStatusV2();
      return calls[0]?.state === 'Connected' ? calls : undefined;
    }, 'the far end to answer');
    if (call === undefined) throw new Error('no call');
    expect(call).toMatchObject({ direction: 'Outgoing', remoteNumber: '5551234', line: 1 });
    expect(call.handle).toMatch(/^0x[0-9a-f]+$/);
    const ref = call.handle.slice(2);
    expect((await client.callStatusV1())?.handle).toBe(call.handle);
    expect(await client.callStatusV2({ handle: ref })).toHaveLength(1);
    expect(await client.callStatusV2({ line: 1 })).toHaveLength(1);
    expect((await client.pollForStatus()).state).toBe('Active');
    await client.holdCall(ref);
    expect((await client.callStatusV2())[0]?.state).toBe('Hold');
    await client.resumeCall(ref);
    await client.mute(true);
    expect((await client.callStatusV2())[0]?.muted).toBe(true);
    await client.mute(false);
    await client.sendDtmf('12#');
    expect((await stats(sim)).requests['/api/v1/callctrl/sendDTMF']).toBe(1);
    expect((await client.sessionStats())[0]).toHaveProperty('Streams');
    await client.transferCall(ref, '5559876');
    await waitFor(
      async () => (await client.callStatusV2()).length === 0,
      'the transferred call to leave',
    );
    await client.dial('5550001');
    const second = await waitFor(async () => (await client.callStatusV2())[0], 'a second call');
    await client.endCall(second.handle.slice(2));
    expect(await client.callStatusV2()).toEqual([]);
    expect(await client.callStatusV1()).toBeNull();
    await expect(client.endCall('deadbeef')).rejects.toMatchObject({
      code: 'not-found',
      vvxStatus: 4007,
    });
    const placed = await client.callLogs('placed');
    expect(placed.map((entry) => entry.remoteNumber)).toContain('5551234');
    expect(
      (await client.callLogs()).every((entry) =>
        ['missed', 'received', 'placed'].includes(entry.kind),
      ),
    ).toBe(true);
  });

  it('answers, ignores and rejects incoming calls', async () => {
    const ring = async (from: string) =>
      ((await control(sim, 'POST', '/__sim/ring', { from, name: 'Caller' })) as { handle: string })
        .handle;
    const first = await ring('5550100');
    const [offering] = await client.callStatusV2();
    expect(offering).toMatchObject({
      state: 'Offering',
      direction: 'Incoming',
      remoteNumber: '5550100',
    });
    await client.answerCall(first);
    expect((await client.callStatusV2())[0]?.state).toBe('Connected');
    await client.endCall(first);
    const second = await ring('5550101');
    await client.rejectCall(second);
    expect(await client.callStatusV2()).toEqual([]);
    const third = await ring('5550102');
    await client.ignoreCall(third);
    await control(sim, 'POST', '/__sim/reset');
  });

  it('tells "not supported" and "packet capture off" apart from a disabled API', async () => {
    await expect(client.uploadBgCapture()).rejects.toMatchObject({
      code: 'not-supported',
      httpStatus: 404,
    });
    await expect(client.simulateKeyEvent('Dialpad5')).rejects.toMatchObject({
      code: 'not-supported',
    });
    await expect(client.skypeSignOut()).rejects.toMatchObject({ code: 'not-supported' });
    await expect(
      client.skypeSignIn({ address: 'a@b.c', user: 'a', password: 'x', domain: '' }),
    ).rejects.toMatchObject({ code: 'not-supported' });
  });

  it('exports configuration and reports the failure when the target is unreachable', async () => {
    await expect(client.exportConfig('http://127.0.0.1:9/nowhere', 'All')).rejects.toMatchObject({
      code: 'phone-error',
    });
  });

  it('keeps one connection for the whole session (one TLS handshake)', () => {
    expect(client.connectionsOpened).toBe(1);
  });
});
