import { createServer } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { testConnection } from '../../../src/main/vvx/connection-test';
import { PhoneError } from '../../../src/main/vvx/phone-error';
import { VvxClient } from '../../../src/main/vvx/vvx-client';
import {
  startSimulator,
  type SimulatedPhoneInfo,
  type Simulator,
  type SimulatorOptions,
} from '../../../src/simulator';
import { phoneAt } from '../../support/sim-phone';
import { control, stats } from './sim-control';

async function withSim<T>(
  options: SimulatorOptions,
  body: (sim: Simulator) => Promise<T>,
): Promise<T> {
  const sim = await startSimulator({ phones: 1, ...options });
  try {
    return await body(sim);
  } finally {
    await sim.close();
  }
}

/** Polls the phone once with a fresh admin client pinned to `pinned`, closing it afterwards. */
async function pollPinned(phone: SimulatedPhoneInfo, pinned: string | null) {
  const client = new VvxClient({
    ...phone,
    password: phone.adminPassword,
    pinnedFingerprint: pinned,
  });
  try {
    return await client.pollForStatus();
  } finally {
    await client.close();
  }
}

/** What a client call fails with (the test fails if it succeeds). */
async function failure(run: () => Promise<unknown>): Promise<PhoneError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof PhoneError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('certificates: trust on first use', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ phones: 1, https: true });
  });
  afterAll(() => sim.close());

  it('refuses an unaccepted certificate before sending anything, naming its fingerprint', async () => {
    const phone = phoneAt(sim);
    const error = await failure(() => pollPinned(phone, null));
    expect(error.code).toBe('certificate-unknown');
    expect(error.presentedFingerprint).toBe(phone.fingerprint);
    expect(error.message).toContain(phone.fingerprint);
    // The password never went to a peer nobody trusted yet.
    expect((await stats(sim)).totalRequests).toBe(0);
    const test = await testConnection({
      url: phone.url,
      username: phone.username,
      password: phone.adminPassword,
    });
    expect(test).toMatchObject({
      ok: false,
      attention: 'certificate-unknown',
      fingerprint: phone.fingerprint,
    });
  });

  it('accepts the pinned certificate in any spelling and reports admin access', async () => {
    const phone = phoneAt(sim);
    const spelled = (phone.fingerprint ?? '').replace(/:/g, '').toLowerCase();
    const test = await testConnection({
      // A scheme typed in capitals is still HTTPS: the fingerprint must come back to be pinned.
      url: phone.url.replace(/^https:/, 'HTTPS:'),
      username: phone.username,
      password: phone.adminPassword,
      acceptFingerprint: spelled,
    });
    expect(test).toMatchObject({
      ok: true,
      admin: true,
      model: phone.model,
      fingerprint: phone.fingerprint,
    });
  });

  it('refuses a changed certificate until the new one is accepted', async () => {
    const phone = phoneAt(sim);
    const old = phone.fingerprint;
    await control(sim, 'POST', '/__sim/rotate-certificate');
    expect(phone.fingerprint).not.toBe(old);
    const error = await failure(() => pollPinned(phone, old));
    expect(error).toMatchObject({
      code: 'certificate-changed',
      presentedFingerprint: phone.fingerprint,
    });
    const test = await testConnection({
      url: phone.url,
      username: phone.username,
      password: phone.adminPassword,
      acceptFingerprint: old ?? undefined,
    });
    expect(test).toMatchObject({
      ok: false,
      attention: 'certificate-changed',
      fingerprint: phone.fingerprint,
    });
    expect((await pollPinned(phone, phone.fingerprint)).state).toBe('Idle');
  });
});

describe('authentication and the phone’s access rules', () => {
  it('works over plain HTTP when the user chooses it, learning the phone takes only Basic', () =>
    withSim({ https: false }, async (sim) => {
      const phone = phoneAt(sim);
      const test = await testConnection({
        url: phone.url,
        username: phone.username,
        password: phone.adminPassword,
      });
      expect(test).toMatchObject({ ok: true, admin: true, fingerprint: null });
      // Nothing goes out before the phone's challenge: one 401 round trip, then Basic.
      expect((await stats(sim)).totalRequests).toBe(2);
    }));

  it('answers a Digest challenge, and calls a wrong password wrong without echoing it', () =>
    withSim({ https: false, digest: true }, async (sim) => {
      const phone = phoneAt(sim);
      const good = await testConnection({
        url: phone.url,
        username: phone.username,
        password: phone.adminPassword,
      });
      expect(good).toMatchObject({ ok: true, admin: true });
      const bad = await testConnection({
        url: phone.url,
        username: phone.username,
        password: 'Secret-Typo-42',
      });
      expect(bad).toMatchObject({ ok: false, attention: 'wrong-credentials' });
      expect(bad.message).not.toContain('Secret-Typo-42');
    }));

  it('says the REST API is disabled, and how to enable it', () =>
    withSim({ restApiEnabled: false }, async (sim) => {
      const phone = phoneAt(sim);
      const test = await testConnection({
        url: phone.url,
        username: phone.username,
        password: phone.adminPassword,
      });
      expect(test).toMatchObject({ ok: false, attention: 'api-disabled' });
      expect(test.message).toContain('apps.restapi.enabled');
    }));

  it('says the default admin password must be changed first', () =>
    withSim({ adminPassword: '456' }, async (sim) => {
      const phone = phoneAt(sim);
      const test = await testConnection({
        url: phone.url,
        username: phone.username,
        password: '456',
      });
      expect(test).toMatchObject({ ok: false, attention: 'default-password' });
      const client = new VvxClient({ ...phone, password: '456', pinnedFingerprint: null });
      expect(await failure(() => client.callStatusV2())).toMatchObject({
        code: 'default-password',
        vvxStatus: 4010,
      });
      await client.close();
    }));

  it('recognises a user-level account: calls work, admin endpoints are refused', () =>
    withSim({}, async (sim) => {
      const phone = phoneAt(sim);
      const test = await testConnection({
        url: phone.url,
        username: phone.username,
        password: phone.userPassword,
      });
      expect(test).toMatchObject({ ok: true, admin: false });
      expect(test.message).toContain('admin password');
    }));

  it('says a phone that does not answer is unreachable', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const test = await testConnection({
      url: `http://127.0.0.1:${port}`,
      username: 'Polycom',
      password: 'x',
    });
    expect(test).toMatchObject({ ok: false, attention: 'unreachable' });
    expect(test.message).toContain('Cannot reach the phone');
  });

  it('names a malformed address instead of crashing', async () => {
    const test = await testConnection({ url: 'ftp://phone', username: 'Polycom', password: 'x' });
    expect(test).toMatchObject({ ok: false, attention: null });
    expect(test.message).toContain('http://');
  });
});
