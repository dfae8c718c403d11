import { describe, expect, it } from 'vitest';

import { startSimulator, type Simulator, type SimulatorOptions } from '../../../src/simulator';
import { control, waitFor } from '../vvx/sim-control';
import { startSession } from './session-helpers';
import type { PhoneSessionOptions } from '../../../src/main/session/phone-session';

async function withSession(
  simOptions: SimulatorOptions,
  sessionOptions: (sim: Simulator) => Partial<PhoneSessionOptions>,
  body: (sim: Simulator, recorded: ReturnType<typeof startSession>) => Promise<void>,
): Promise<void> {
  const sim = await startSimulator({ phones: 1, farEndAnswerMs: 50, ...simOptions });
  const recorded = startSession(sim, sessionOptions(sim));
  try {
    await body(sim, recorded);
  } finally {
    await recorded.session.stop();
    await sim.close();
  }
}

const health = (recorded: ReturnType<typeof startSession>) => recorded.session.snapshot().status;

describe('PhoneSession: connection health, in words with the fix', () => {
  it('asks the user to accept an unknown certificate, then connects once accepted', () =>
    withSession(
      { https: true },
      () => ({ pinnedFingerprint: null }),
      async (sim, recorded) => {
        const status = await waitFor(
          () => (health(recorded).health === 'needs-attention' ? health(recorded) : undefined),
          'needs-attention',
        );
        expect(status).toMatchObject({
          attention: 'certificate-unknown',
          presentedFingerprint: sim.phones[0]?.fingerprint,
        });
        recorded.session.setPinnedFingerprint(sim.phones[0]?.fingerprint ?? '');
        await waitFor(() => health(recorded).health === 'online', 'online after accepting');
        expect(health(recorded).presentedFingerprint).toBeNull();
      },
    ));

  it('refuses a changed certificate mid-session until the new one is accepted', () =>
    withSession(
      { https: true },
      () => ({}),
      async (sim, recorded) => {
        await waitFor(() => health(recorded).health === 'online', 'online');
        await control(sim, 'POST', '/__sim/rotate-certificate');
        // The kept-alive connection still has the old certificate: make the phone drop it.
        await control(sim, 'POST', '/__sim/faults', { drop: { count: 1 } });
        const status = await waitFor(
          () =>
            health(recorded).attention === 'certificate-changed' ? health(recorded) : undefined,
          'certificate-changed',
        );
        expect(status.health).toBe('needs-attention');
        expect(status.presentedFingerprint).toBe(sim.phones[0]?.fingerprint);
        expect(status.message).toContain('certificate changed');
        recorded.session.setPinnedFingerprint(sim.phones[0]?.fingerprint ?? '');
        await waitFor(
          () => health(recorded).health === 'online',
          'online with the new certificate',
        );
      },
    ));

  it('names a disabled REST API', () =>
    withSession(
      { restApiEnabled: false },
      () => ({}),
      async (_sim, recorded) => {
        await waitFor(() => health(recorded).attention === 'api-disabled', 'api-disabled');
        expect(health(recorded).message).toContain('apps.restapi.enabled');
      },
    ));

  it('names the default password', () =>
    withSession(
      { adminPassword: '456' },
      () => ({ password: '456' }),
      async (_sim, recorded) => {
        await waitFor(() => health(recorded).attention === 'default-password', 'default-password');
        expect(health(recorded).message).toContain('default admin password');
      },
    ));

  it('names wrong credentials without showing the password', () =>
    withSession(
      {},
      () => ({ password: 'Wrong-Pass-99' }),
      async (_sim, recorded) => {
        await waitFor(
          () => health(recorded).attention === 'wrong-credentials',
          'wrong-credentials',
        );
        expect(JSON.stringify(recorded.events)).not.toContain('Wrong-Pass-99');
      },
    ));

  it('lets a user-level account handle calls and says admin work needs the admin password', () =>
    withSession(
      {},
      (sim) => ({ password: sim.phones[0]?.userPassword ?? '' }),
      async (_sim, recorded) => {
        await waitFor(() => health(recorded).health === 'online', 'online');
        const { handle } = await recorded.session.calls.dial({ destination: '5551234' });
        expect(handle).not.toBeNull();
        await expect(recorded.session.device.details()).rejects.toMatchObject({
          code: 'insufficient-access',
        });
      },
    ));

  it('backs off while the phone is unreachable and recovers when it returns', () =>
    withSession(
      {},
      () => ({}),
      async (sim, recorded) => {
        await waitFor(() => health(recorded).health === 'online', 'online');
        await control(sim, 'POST', '/__sim/faults', { unreachableMs: 400 });
        const down = await waitFor(
          () => (health(recorded).health === 'unreachable' ? health(recorded) : undefined),
          'unreachable',
        );
        expect(down.message).toContain('Trying again');
        await waitFor(() => health(recorded).health === 'online', 'back online', 8000);
      },
    ));

  it('names a REST service hung by the endCall firmware bug, and recovers after a power cycle', () =>
    withSession(
      { rebootMs: 100 },
      () => ({}),
      async (sim, recorded) => {
        await waitFor(() => health(recorded).health === 'online', 'online');
        const { handle } = await recorded.session.calls.dial({ destination: '5551234' });
        await waitFor(
          () => recorded.session.snapshot().calls[0]?.state === 'Connected',
          'connected',
        );
        await control(sim, 'POST', '/__sim/faults', { endCallBug: true });
        await recorded.session.calls.end({ handle: handle ?? '' });
        const hung = await waitFor(
          () => (health(recorded).health === 'unreachable' ? health(recorded) : undefined),
          'the hung REST service to show',
        );
        expect(hung.message).toContain('reboot the phone');
        await control(sim, 'POST', '/__sim/reboot', { ms: 100 });
        await waitFor(
          () => health(recorded).health === 'online',
          'online after the power cycle',
          8000,
        );
        await waitFor(
          () => recorded.session.snapshot().calls.length === 0,
          'the call gone after the reboot',
        );
      },
    ));

  it('shows a reboot it asked for, and re-reads the phone once it is back', () =>
    withSession(
      { rebootMs: 300 },
      () => ({}),
      async (_sim, recorded) => {
        await waitFor(() => recorded.session.snapshot().lines.length > 0, 'lines');
        await recorded.session.device.reboot();
        expect(health(recorded).health).toBe('rebooting');
        await waitFor(() => health(recorded).health === 'online', 'back after the reboot', 8000);
        expect(health(recorded).model).toBe('VVX601');
        const statuses = recorded.events.flatMap((event) =>
          event.type === 'phone-status' ? [event.status.health] : [],
        );
        expect(statuses).toContain('rebooting');
        expect(statuses).not.toContain('unreachable');
      },
    ));
});
