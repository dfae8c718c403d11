import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startSimulator, type Simulator } from '../../../src/simulator';
import { control, stats, waitFor } from '../vvx/sim-control';
import { startSession, type RecordedSession } from './session-helpers';

const VIEWER = 'test-viewer';

async function onlineSession(sim: Simulator): Promise<RecordedSession> {
  const recorded = startSession(sim);
  await waitFor(() => recorded.session.snapshot().status.health === 'online', 'online');
  await waitFor(() => recorded.session.snapshot().status.model !== null, 'identity');
  return recorded;
}

describe('PhoneSession: remote screen', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ phones: 1, https: true, laterFirmware: true });
  });
  afterAll(() => sim.close());

  it('captures the screen with its size, and taps and presses keys on it', async () => {
    const { session } = await onlineSession(sim);
    try {
      const { structure: screen } = await session.screen.get({ viewer: VIEWER });
      expect(screen).toMatchObject({
        model: 'VVX601',
        width: 480,
        height: 252,
        touch: true,
        keys: true,
      });
      expect(screen.unavailableReason).toBeNull();
      expect(screen.xml.length).toBeGreaterThan(0);
      await session.screen.touch({ type: 'Tap', positions: [{ x: 10, y: 10 }] });
      await session.screen.touch({
        type: 'Swipe',
        positions: [
          { x: 10, y: 100 },
          { x: 200, y: 100 },
        ],
      });
      await session.screen.key({ key: 'Home' });
      const seen = await stats(sim);
      expect(seen.requests['/api/v1/mgmt/simulateTouch']).toBe(2);
      // One to ask whether the firmware takes keys (a press naming no key), one to press Home.
      expect(seen.requests['/api/v1/mgmt/simulateKeyEvent']).toBe(2);
    } finally {
      await session.stop();
    }
  });

  it('lets call control and a user’s reads overtake queued screen reads', async () => {
    const { session } = await onlineSession(sim);
    try {
      await session.screen.get({ viewer: VIEWER }); // learns httpd.ta.enabled, so later reads are one request each
      await control(sim, 'POST', '/__sim/faults', {
        slowPaths: { '/api/v1/mgmt/uixml': 80 },
      });
      const finished: string[] = [];
      const first = session.screen.get({ viewer: VIEWER }).then(() => finished.push('screen-1'));
      const second = session.screen.get({ viewer: VIEWER }).then(() => finished.push('screen-2'));
      const logs = session.calls.logs({ kind: 'placed' }).then(() => finished.push('logs'));
      const dial = session.calls.dial({ destination: '5558888' }).then(() => finished.push('dial'));
      await Promise.all([first, second, logs, dial]);
      expect(finished.indexOf('dial')).toBeLessThan(finished.indexOf('screen-2'));
      expect(finished.indexOf('logs')).toBeLessThan(finished.indexOf('screen-2'));
      expect((await stats(sim)).dials).toHaveLength(1);
    } finally {
      await control(sim, 'POST', '/__sim/reset');
      await session.stop();
    }
  });

  it('says why touch is unavailable when test automation is off', async () => {
    const { session } = await onlineSession(sim);
    try {
      await session.config.set({ values: { 'httpd.ta.enabled': '0' } });
      const { structure: screen } = await session.screen.get({ viewer: VIEWER });
      expect(screen).toMatchObject({ touch: false, keys: false });
      expect(screen.unavailableReason).toContain('httpd.ta.enabled');
      await expect(
        session.screen.touch({ type: 'Tap', positions: [{ x: 1, y: 1 }] }),
      ).rejects.toMatchObject({
        vvxStatus: 4003,
      });
      await session.config.set({ values: { 'httpd.ta.enabled': '1' } });
    } finally {
      await session.stop();
    }
  });
});

describe('PhoneSession: firmware without key simulation', () => {
  it('offers no hardware keys, having asked the phone, and learns it from a refused press', async () => {
    const sim = await startSimulator({ phones: 1 });
    const { session } = await onlineSession(sim);
    try {
      const { structure: screen } = await session.screen.get({ viewer: VIEWER });
      expect(screen.keys).toBe(false);
      expect(screen.unavailableReason).toBeNull();
      await expect(session.screen.key({ key: 'Home' })).rejects.toMatchObject({
        code: 'not-supported',
      });
    } finally {
      await session.stop();
      await sim.close();
    }
  });
});

describe('PhoneSession: admin actions', () => {
  it('resets configuration, exports it, uploads a capture and restarts', async () => {
    const sim = await startSimulator({ phones: 1, rebootMs: 200 });
    const { session } = await onlineSession(sim);
    try {
      await session.device.resetConfig({ scope: 'local' });
      await session.device.resetConfig({ scope: 'web' });
      await expect(
        session.config.export({ url: 'http://127.0.0.1:9/export', type: 'All' }),
      ).rejects.toMatchObject({
        code: 'phone-error',
        vvxStatus: 4008,
      });
      await expect(session.device.uploadCapture({})).rejects.toMatchObject({
        code: 'not-supported',
      });
      const seen = await stats(sim);
      expect(seen.requests['/api/v1/mgmt/configReset/local']).toBe(1);
      expect(seen.requests['/api/v1/mgmt/configReset/web']).toBe(1);
      await session.device.restart();
      expect(session.snapshot().status.health).toBe('rebooting');
      await waitFor(
        () => session.snapshot().status.health === 'online',
        'back after restart',
        8000,
      );
    } finally {
      await session.stop();
      await sim.close();
    }
  });

  it('factory-resets; the phone then needs attention (its API is off again)', async () => {
    const sim = await startSimulator({ phones: 1, rebootMs: 100 });
    const { session } = await onlineSession(sim);
    try {
      await session.device.factoryReset();
      const status = await waitFor(
        () =>
          session.snapshot().status.health === 'needs-attention'
            ? session.snapshot().status
            : undefined,
        'needs-attention after the reset',
        8000,
      );
      expect(['api-disabled', 'wrong-credentials', 'default-password']).toContain(status.attention);
      const state = (await control(sim, 'GET', '/__sim/state')) as { restApiEnabled: boolean };
      expect(state.restApiEnabled).toBe(false);
    } finally {
      await session.stop();
      await sim.close();
    }
  });
});

describe('PhoneSession: Skype for Business and the running configuration', () => {
  const secret = 'sfb-Secret-123';
  it('hides Skype where the phone lacks the profile, signs in and out where it has it', async () => {
    const sim = await startSimulator({ phones: 1 });
    const { session } = await onlineSession(sim);
    try {
      expect(await session.device.skypePresence()).toEqual({
        supported: false,
        presence: null,
        details: {},
      });
      const refused = await session.device
        .skypeSignIn({ address: 'sip:me@example.com', user: 'me', password: secret, domain: '' })
        .catch((error: unknown) => error);
      expect(refused).toMatchObject({ code: 'not-supported' });
      expect(JSON.stringify(refused) + String(refused)).not.toContain(secret);

      await control(sim, 'POST', '/__sim/config', {
        params: { 'device.baseProfile': 'SkypeForBusiness' },
      });
      expect(await session.device.skypePresence()).toMatchObject({
        supported: true,
        presence: 'Offline',
      });
      await session.device.skypeSignIn({
        address: 'sip:me@example.com',
        user: 'me',
        password: secret,
        domain: 'example.com',
      });
      expect((await session.device.skypePresence()).presence).toBe('Available');
      await session.device.skypeSignOut();
      expect((await session.device.skypePresence()).presence).toBe('Offline');
    } finally {
      await session.stop();
      await sim.close();
    }
  });

  it('shows the running configuration among the device details', async () => {
    const sim = await startSimulator({ phones: 1 });
    const { session } = await onlineSession(sim);
    try {
      const details = await session.device.details();
      expect(details.runningConfig).toMatchObject({ 'Network.IPAddress': expect.any(String) });
      expect((await stats(sim)).requests['/api/v1/mgmt/device/runningConfig']).toBe(1);
    } finally {
      await session.stop();
      await sim.close();
    }
  });
});
