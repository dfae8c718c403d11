import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator';
import { basic, call, control, firstPhone, overlapping, statusOf } from './support';

describe('the phone rules', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ phones: 1 });
  });
  afterAll(async () => {
    await sim.close();
  });
  const phone = (): ReturnType<typeof firstPhone> => firstPhone(sim);

  it('challenges a request without credentials with HTTP 401 and a Basic realm', async () => {
    const reply = await call(phone(), 'GET', '/api/v1/mgmt/device/info', { auth: 'none' });
    expect(reply.http).toBe(401);
    expect(String(reply.headers['www-authenticate'])).toMatch(/^Basic realm="/);
  });

  it('refuses a wrong password and a wrong user name', async () => {
    const wrongPassword = await call(phone(), 'GET', '/api/v1/mgmt/device/info', {
      auth: { user: 'Polycom', password: 'nope' },
    });
    const wrongUser = await call(phone(), 'GET', '/api/v1/mgmt/device/info', {
      auth: { user: 'admin', password: phone().adminPassword },
    });
    expect([wrongPassword.http, wrongUser.http]).toEqual([401, 401]);
  });

  it('lets user credentials use Admin,User endpoints but not admin-only ones', async () => {
    expect(await statusOf(phone(), 'GET', '/api/v1/mgmt/pollForStatus', { auth: 'user' })).toBe(
      '2000',
    );
    const adminOnly = await call(phone(), 'GET', '/api/v2/mgmt/device/info', { auth: 'user' });
    expect(adminOnly.http).toBe(401);
  });

  it('answers 400 for a POST whose content type is not JSON', async () => {
    const reply = await call(phone(), 'POST', '/api/v1/callctrl/dial', {
      data: { Dest: '1234' },
      contentType: 'text/plain',
    });
    expect(reply.http).toBe(400);
    const none = await call(phone(), 'POST', '/api/v1/callctrl/dial', {
      data: { Dest: '1234' },
      contentType: null,
    });
    expect(none.http).toBe(400);
  });

  it('answers 413 for a body over 20 KB', async () => {
    const names = Array.from({ length: 3 }, (_, i) => `x${i}`.padEnd(8000, 'x'));
    const reply = await call(phone(), 'POST', '/api/v1/mgmt/config/get', { data: names });
    expect(reply.http).toBe(413);
  });

  it('answers 4000 for malformed JSON and for missing mandatory input', async () => {
    expect(await statusOf(phone(), 'POST', '/api/v1/callctrl/dial', { body: '{"data": {' })).toBe(
      '4000',
    );
    expect(await statusOf(phone(), 'POST', '/api/v1/callctrl/dial', { data: {} })).toBe('4000');
    expect(await statusOf(phone(), 'POST', '/api/v1/callctrl/endCall', { data: {} })).toBe('4000');
  });

  it('answers 4009 for more than 20 configuration names', async () => {
    const names = Array.from({ length: 21 }, () => 'apps.restapi.enabled');
    expect(await statusOf(phone(), 'POST', '/api/v1/mgmt/config/get', { data: names })).toBe(
      '4009',
    );
    const values = Object.fromEntries(
      Array.from({ length: 21 }, (_, i) => [`reg.1.label${i}`, 'x']),
    );
    expect(await statusOf(phone(), 'POST', '/api/v1/mgmt/config/set', { data: values })).toBe(
      '4009',
    );
  });

  it('answers 404 for unknown paths', async () => {
    expect((await call(phone(), 'GET', '/api/v1/mgmt/nothing')).http).toBe(404);
    expect((await call(phone(), 'GET', '/api/v1/callctrl/holdCal')).http).toBe(404);
  });

  it('answers HTTP 404 for everything once apps.restapi.enabled is 0, and comes back at 1', async () => {
    await control(sim, phone(), 'POST', 'config', { params: { 'apps.restapi.enabled': '0' } });
    expect((await call(phone(), 'GET', '/api/v1/mgmt/pollForStatus')).http).toBe(404);
    expect((await call(phone(), 'GET', '/api/v1/mgmt/device/info', { auth: 'none' })).http).toBe(
      404,
    );
    await control(sim, phone(), 'POST', 'config', { params: { 'apps.restapi.enabled': '1' } });
    expect(await statusOf(phone(), 'GET', '/api/v1/mgmt/pollForStatus')).toBe('2000');
  });

  it('answers Status 4010 while the admin password is the factory default', async () => {
    await control(sim, phone(), 'POST', 'config', {
      params: { 'device.auth.localAdminPassword': '456' },
    });
    try {
      expect(await statusOf(phone(), 'GET', '/api/v1/mgmt/device/info')).toBe('4010');
      expect(await statusOf(phone(), 'GET', '/api/v1/mgmt/pollForStatus', { auth: 'user' })).toBe(
        '4010',
      );
    } finally {
      await control(sim, phone(), 'POST', 'config', {
        params: { 'device.auth.localAdminPassword': 'deskpilot' },
      });
    }
    expect(await statusOf(phone(), 'GET', '/api/v1/mgmt/device/info')).toBe('2000');
  });

  it('refuses the control API without the bearer token', async () => {
    const reply = await call(phone(), 'GET', '/__sim/stats', {
      headers: { authorization: basic('x', 'y') },
      auth: 'none',
    });
    expect(reply.http).toBe(401);
  });
});

describe('one request at a time', () => {
  it('answers 403 to a request that arrives while another is processed', async () => {
    const sim = await startSimulator({ latencyMs: 1000 });
    try {
      const phone = firstPhone(sim);
      const replies = await overlapping(
        sim,
        phone,
        () => call(phone, 'GET', '/api/v1/mgmt/pollForStatus'),
        [() => call(phone, 'GET', '/api/v1/mgmt/lineInfo')],
      );
      expect(replies.map((r) => r.http)).toEqual([200, 403]);
      const stats = await control<{ parallelRejected: number; maxConcurrent: number }>(
        sim,
        phone,
        'GET',
        'stats',
      );
      expect(stats.parallelRejected).toBe(1);
      expect(stats.maxConcurrent).toBe(2);
    } finally {
      await sim.close();
    }
  });

  it('queues the later requests instead when queueParallel is on', async () => {
    const sim = await startSimulator({ latencyMs: 300, queueParallel: true });
    try {
      const phone = firstPhone(sim);
      const replies = await overlapping(
        sim,
        phone,
        () => call(phone, 'GET', '/api/v1/mgmt/pollForStatus'),
        [
          () => call(phone, 'GET', '/api/v1/mgmt/lineInfo'),
          () => call(phone, 'GET', '/api/v1/mgmt/device/info'),
        ],
      );
      expect(replies.map((r) => r.json?.Status)).toEqual(['2000', '2000', '2000']);
      const stats = await control<{ parallelRejected: number; queued: number }>(
        sim,
        phone,
        'GET',
        'stats',
      );
      expect(stats).toMatchObject({ parallelRejected: 0, queued: 2 });
    } finally {
      await sim.close();
    }
  });
});
