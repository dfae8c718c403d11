import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator';
import {
  call,
  control,
  firstPhone,
  overlapping,
  statusOf,
  waitFor,
  waitForCallState,
} from './support';

describe('faults on demand', () => {
  let sim: Simulator;
  const phone = (): ReturnType<typeof firstPhone> => firstPhone(sim);
  const poll = (timeoutMs?: number): ReturnType<typeof call> =>
    call(
      phone(),
      'GET',
      '/api/v1/mgmt/pollForStatus',
      timeoutMs === undefined ? {} : { timeoutMs },
    );
  const faults = (body: unknown): Promise<unknown> => control(sim, phone(), 'POST', 'faults', body);

  beforeAll(async () => {
    sim = await startSimulator({ farEndAnswerMs: 20 });
  });
  afterAll(async () => {
    await sim.close();
  });
  beforeEach(async () => {
    await control(sim, phone(), 'POST', 'reset');
  });

  it('answers busy with HTTP 403 or Status 4001 for the next requests only', async () => {
    await faults({ busy: { count: 2 } });
    expect((await poll()).http).toBe(403);
    expect((await poll()).http).toBe(403);
    expect((await poll()).json?.Status).toBe('2000');
    await faults({ busy: { count: 1, as: 'status4001' } });
    expect((await poll()).json?.Status).toBe('4001');
    const stats = await control<{ faultsInjected: number }>(sim, phone(), 'GET', 'stats');
    expect(stats.faultsInjected).toBe(3);
  });

  it('fails only the named paths with 5000', async () => {
    await faults({ fail5000: { count: 1, paths: ['/api/v1/callctrl/dial'] } });
    expect((await poll()).json?.Status).toBe('2000');
    expect(await statusOf(phone(), 'POST', '/api/v1/callctrl/dial', { data: { Dest: '1' } })).toBe(
      '5000',
    );
    expect(await statusOf(phone(), 'POST', '/api/v1/callctrl/dial', { data: { Dest: '1' } })).toBe(
      '2000',
    );
  });

  it('drops a connection, hangs a request until the client gives up, and recovers', async () => {
    await faults({ drop: { count: 1 } });
    await expect(poll()).rejects.toThrow();
    expect((await poll()).http).toBe(200);
    await faults({ hang: { count: 1 } });
    await expect(poll(300)).rejects.toThrow();
    expect((await poll()).http).toBe(200);
  });

  it('carries out a dial, then drops the connection instead of answering', async () => {
    await faults({ dropAfter: { count: 1, paths: ['/api/v1/callctrl/dial'] } });
    expect((await poll()).http).toBe(200);
    const dial = call(phone(), 'POST', '/api/v1/callctrl/dial', { data: { Dest: '5551234' } });
    await expect(dial).rejects.toThrow();
    const state = await control<{ calls: { RemotePartyNumber: string }[] }>(
      sim,
      phone(),
      'GET',
      'state',
    );
    expect(state.calls).toHaveLength(1);
    const stats = await control<{ dials: unknown[]; faultsInjected: number }>(
      sim,
      phone(),
      'GET',
      'stats',
    );
    expect(stats).toMatchObject({ dials: [{ destination: '5551234' }], faultsInjected: 1 });
    expect(await statusOf(phone(), 'POST', '/api/v1/callctrl/dial', { data: { Dest: '1' } })).toBe(
      '2000',
    );
  });

  it('makes the processing window longer with latency and slow paths, so a parallel request meets 403', async () => {
    await faults({ latencyMs: 1000, jitterMs: 20 });
    const replies = await overlapping(sim, phone(), () => poll(), [() => poll()]);
    expect(replies.map((r) => r.http)).toEqual([200, 403]);
    await faults({ clear: true });
    await faults({ slowPaths: { '/api/v1/mgmt/uixml': 1000 } });
    const slow = await overlapping(sim, phone(), () => call(phone(), 'GET', '/api/v1/mgmt/uixml'), [
      () => poll(),
    ]);
    expect(slow.map((r) => r.http)).toEqual([200, 403]);
    expect((await poll()).http).toBe(200);
  });

  it('is unreachable for unreachableMs while the control API still answers', async () => {
    await faults({ unreachableMs: 60_000 });
    await expect(poll()).rejects.toThrow();
    const state = await control<{ unreachable: boolean }>(sim, phone(), 'GET', 'state');
    expect(state.unreachable).toBe(true);
    await faults({ unreachableMs: 0 });
    expect((await poll()).http).toBe(200);
  });

  it('stops answering for a while when hammered past the overload limit', async () => {
    await faults({ overload: { maxPerSecond: 3, unreachableMs: 60_000 } });
    await waitFor(async () => {
      await Promise.allSettled(Array.from({ length: 6 }, () => poll()));
      return (await control<{ unreachable: boolean }>(sim, phone(), 'GET', 'state')).unreachable;
    }, 'the phone to give up under load');
    await expect(poll()).rejects.toThrow();
    await faults({ overload: null, unreachableMs: 0 });
    expect((await poll()).http).toBe(200);
  });

  it('reproduces the firmware bug: REST stops answering after endCall until a reboot', async () => {
    await faults({ endCallBug: true });
    await statusOf(phone(), 'POST', '/api/v1/callctrl/dial', { data: { Dest: '1' } });
    const connected = await waitForCallState(phone(), 'Connected');
    expect(
      await statusOf(phone(), 'POST', '/api/v1/callctrl/endCall', {
        data: { Ref: connected.CallHandle },
      }),
    ).toBe('2000');
    await expect(poll(300)).rejects.toThrow();
    await expect(poll(300)).rejects.toThrow();
    await control(sim, phone(), 'POST', 'reboot', { ms: 0 });
    expect((await poll()).http).toBe(200);
  });

  it('names the problem in a bad control request', async () => {
    await expect(faults({ busy: { count: -1 } })).rejects.toThrow(/busy\.count/);
    await expect(faults({ nonsense: true })).rejects.toThrow(/400/);
    await expect(control(sim, phone(), 'POST', 'ring', { name: 'x' })).rejects.toThrow(/from/);
    await expect(control(sim, phone(), 'POST', 'nowhere')).rejects.toThrow(/404/);
    await expect(
      control(sim, phone(), 'POST', 'config', { registration: { '99': 'Unregistered' } }),
    ).rejects.toThrow(/not 99/);
  });
});
