import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { PhoneError } from '../../../src/main/vvx/phone-error';
import type { VvxClient } from '../../../src/main/vvx/vvx-client';
import type { Simulator } from '../../../src/simulator';
import { DIALECT_FACTS, factsOf, type DialectFacts } from '../../support/dialect-facts';
import { startSimWithClient, type SimWithClient } from '../../support/sim-with-client';
import { control, stats, waitFor } from './sim-control';

/** Every dialect over HTTPS, and the reference once more over HTTP with Digest only. */
const CASES: (DialectFacts & { https: boolean; digest: boolean })[] = [
  ...DIALECT_FACTS.map((facts) => ({ ...facts, https: true, digest: false })),
  { ...factsOf('reference'), https: false, digest: true },
];

describe.each(CASES)(
  'VvxClient against the $dialect dialect (https: $https, Digest only: $digest)',
  ({ dialect, https, digest, model, callControl, partialConfigSet, keyEvents }) => {
    let sim: Simulator;
    let client: VvxClient;
    let setup: SimWithClient;
    const withCallControl = callControl ? it : it.skip;

    beforeAll(async () => {
      setup = await startSimWithClient({ dialect, https, digest, farEndAnswerMs: 50 });
      ({ sim, client } = setup);
    });

    afterAll(() => setup.close());

    it('reads who the phone is, with both deviceInfo versions alike', async () => {
      const v2 = await client.deviceInfoV2();
      const v1 = await client.deviceInfoV1();
      expect(v2.model).toBe(model);
      expect(v1.model).toBe(model);
      expect(v1.firmware).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
      expect(v2.firmware).toBe(v1.firmware);
      expect(v1.macAddress).toBe(sim.phones[0]?.macAddress);
      expect(v2.macAddress).toBe(v1.macAddress);
      expect(v1.uptimeSeconds).toBeGreaterThanOrEqual(0);
      expect(v2.uptimeSeconds).toBeGreaterThanOrEqual(0);
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

    it('reads one entry per line with both lineInfo versions, and one line alone', async () => {
      const v1 = await client.lineInfoV1();
      const v2 = await client.lineInfoV2();
      expect(v1.map(({ line, label, registered }) => ({ line, label, registered }))).toEqual([
        { line: 1, label: '1011', registered: true },
        { line: 2, label: '1012', registered: true },
      ]);
      expect(v2.map((line) => line.line)).toEqual([1, 2]);
      expect(v2[1]?.address).toContain('1012');
      expect(await client.lineInfoV2(2)).toMatchObject([{ line: 2, label: '1012' }]);
    });

    it('shows no line where the phone lists only its factory placeholder', async () => {
      await control(sim, 'POST', '/__sim/config', {
        params: { 'reg.1.address': '', 'reg.2.address': '' },
      });
      try {
        expect(await client.lineInfoV1()).toEqual([]);
        expect(await client.lineInfoV2()).toEqual([]);
      } finally {
        await control(sim, 'POST', '/__sim/reset');
      }
    });

    it('gets and sets configuration, unknown names reading as null', async () => {
      expect(await client.setConfig({ 'httpd.ta.enabled': '1' })).toEqual({ unknown: [] });
      const values = await client.getConfig(['httpd.ta.enabled', 'no.such.parameter']);
      expect(values['httpd.ta.enabled']).toMatchObject({ value: '1' });
      expect(values['httpd.ta.enabled']?.source).toMatch(/^[A-Z]+$/);
      expect(values['no.such.parameter']).toBeNull();
      await expect(
        client.getConfig(Array.from({ length: 21 }, (_, i) => `x.${i}`)),
      ).rejects.toMatchObject({
        code: 'invalid-argument',
      });
    });

    it('learns which names a set skipped, or is refused whole, as the firmware does', async () => {
      const set = client.setConfig({ 'up.backlight.idleIntensity': '2', 'no.such.name': '1' });
      if (partialConfigSet) {
        expect(await set).toEqual({ unknown: ['no.such.name'] });
      } else {
        await expect(set).rejects.toMatchObject({ code: 'invalid-argument', vvxStatus: 4000 });
      }
      const values = await client.getConfig(['up.backlight.idleIntensity']);
      expect(values['up.backlight.idleIntensity']?.value === '2').toBe(partialConfigSet);
      await control(sim, 'POST', '/__sim/reset');
    });

    it('gets and sets the transfer type', async () => {
      await client.setTransferType('Blind');
      expect(await client.getTransferType()).toEqual({ type: 'Blind' });
      await client.setTransferType('Consultative');
    });

    withCallControl(
      'places, holds, resumes, mutes, sends DTMF to, transfers and ends calls',
      async () => {
        await client.dial('5551234', 1, 'TEL');
        const [call] = await waitFor(async () => {
          const calls = await client.callStatusV2();
          return calls[0]?.state === 'Connected' ? calls : undefined;
        }, 'the far end to answer');
        if (call === undefined) throw new Error('no call');
        expect(call).toMatchObject({ direction: 'Outgoing', remoteNumber: '5551234', line: 1 });
        expect(call.handle).toMatch(/^0x[1-9a-f][0-9a-f]*$/);
        expect((await client.callStatusV1())?.handle).toBe(call.handle);
        expect(await client.callStatusV2({ handle: call.ref })).toHaveLength(1);
        expect(await client.callStatusV2({ line: 1 })).toHaveLength(1);
        expect((await client.pollForStatus()).state).toBe('Active');
        await client.holdCall(call.ref);
        expect((await client.callStatusV2())[0]?.state).toBe('Hold');
        expect((await client.callStatusV1())?.state).toBe('Hold');
        await client.resumeCall(call.ref);
        await client.mute(true);
        expect((await client.callStatusV2())[0]?.muted).toBe(true);
        await client.mute(false);
        await client.sendDtmf('12#');
        expect((await stats(sim)).requests['/api/v1/callctrl/sendDTMF']).toBe(1);
        expect((await client.sessionStats())[0]).toHaveProperty('Streams');
        await client.transferCall(call.ref, '5559876');
        await waitFor(
          async () => (await client.callStatusV2()).length === 0,
          'the transferred call to leave',
        );
        await client.dial('5550001');
        const second = await waitFor(async () => (await client.callStatusV2())[0], 'a second call');
        await client.endCall(second.ref);
        expect(await client.callStatusV2()).toEqual([]);
        expect(await client.callStatusV1()).toBeNull();
        await expect(client.endCall('deadbeef')).rejects.toMatchObject({
          code: 'not-found',
          vvxStatus: 4007,
        });
        const placed = await client.callLogs('placed');
        expect(placed.map((entry) => entry.remoteNumber)).toContain('5551234');
        expect(placed.every((entry) => entry.kind === 'placed')).toBe(true);
        expect(
          (await client.callLogs()).every((entry) =>
            ['missed', 'received', 'placed'].includes(entry.kind),
          ),
        ).toBe(true);
      },
    );

    withCallControl('logs how long a call lasted, in seconds', async () => {
      await client.dial('5552468');
      const call = await waitFor(async () => {
        const [first] = await client.callStatusV2();
        return first?.state === 'Connected' ? first : undefined;
      }, 'the far end to answer');
      await waitFor(
        async () => ((await client.callStatusV2())[0]?.durationSeconds ?? 0) >= 2,
        'two seconds of call',
      );
      await client.endCall(call.ref);
      const [logged] = (await client.callLogs('placed')).filter(
        (entry) => entry.remoteNumber === '5552468',
      );
      expect(logged?.durationSeconds).toBeGreaterThanOrEqual(2);
      const [all] = (await client.callLogs()).filter((entry) => entry.remoteNumber === '5552468');
      expect(all?.durationSeconds).toBe(logged?.durationSeconds);
    });

    it('reads incoming calls, and answers, ignores and rejects them where it can', async () => {
      const ring = async (from: string) =>
        (
          (await control(sim, 'POST', '/__sim/ring', { from, name: 'Caller' })) as {
            handle: string;
          }
        ).handle;
      const first = await ring('5550100');
      const [offering] = await client.callStatusV2();
      expect(offering).toMatchObject({
        state: 'Offering',
        direction: 'Incoming',
        remoteNumber: '5550100',
        remoteName: 'Caller',
        ringing: true,
      });
      if (!callControl) {
        const refused = await client.answerCall(first).catch((error: unknown) => error);
        expect(refused).toBeInstanceOf(PhoneError);
        expect(refused).toMatchObject({
          httpStatus: 404,
          endpointPath: '/api/v1/callctrl/answerCall',
        });
        await control(sim, 'POST', '/__sim/reset');
        return;
      }
      await client.answerCall(first);
      expect((await client.callStatusV2())[0]?.state).toBe('Connected');
      await client.endCall(first);
      const second = await ring('5550101');
      await client.rejectCall(second);
      expect(await client.callStatusV2()).toEqual([]);
      const third = await ring('5550102');
      await client.ignoreCall(third);
      const missed = await client.callLogs('missed');
      expect(missed.map((entry) => entry.remoteNumber)).toEqual(
        expect.arrayContaining(['5550101', '5550102']),
      );
      expect(missed.every((entry) => entry.durationSeconds === 0)).toBe(true);
      await control(sim, 'POST', '/__sim/reset');
    });

    it('tells "not supported" and "packet capture off" apart from a disabled API', async () => {
      await expect(client.uploadBgCapture()).rejects.toMatchObject({
        code: 'not-supported',
        httpStatus: 404,
      });
      if (keyEvents) await client.simulateKeyEvent('Home');
      else
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
  },
);
