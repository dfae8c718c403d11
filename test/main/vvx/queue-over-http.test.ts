import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { RequestQueue } from '../../../src/main/vvx/request-queue';
import type { VvxClient } from '../../../src/main/vvx/vvx-client';
import type { Simulator } from '../../../src/simulator';
import { startSimWithClient, type SimWithClient } from '../../support/sim-with-client';
import { control, stats } from './sim-control';

describe('the serial queue in front of a real (simulated) phone', () => {
  let sim: Simulator;
  let client: VvxClient;
  let queue: RequestQueue;

  let setup: SimWithClient;

  beforeAll(async () => {
    setup = await startSimWithClient(
      { https: true, farEndAnswerMs: 100_000 },
      { read: 300, control: 300, slow: 300 },
    );
    ({ sim, client } = setup);
  });

  afterEach(async () => {
    queue.close();
    await control(sim, 'POST', '/__sim/reset');
  });

  afterAll(() => setup.close());

  const read = () =>
    queue.enqueue({
      priority: 'poll',
      effect: 'read',
      mergeKey: 'calls',
      run: () => client.callStatusV2(),
    });
  const dial = (destination: string) =>
    queue.enqueue({ priority: 'action', effect: 'write', run: () => client.dial(destination) });

  it('never has two requests in flight at the phone, whatever the burst', async () => {
    queue = new RequestQueue({ limit: 1000 });
    await control(sim, 'POST', '/__sim/faults', { latencyMs: 1 });
    const work = Array.from({ length: 120 }, (_, index) =>
      index % 3 === 0
        ? queue.enqueue({
            priority: 'interactive',
            effect: 'read',
            run: () => client.pollForStatus(),
          })
        : read(),
    );
    await Promise.all(work);
    const seen = await stats(sim);
    expect(seen.maxConcurrent).toBe(1);
    expect(seen.parallelRejected).toBe(0);
    // Identical pending reads were merged: far fewer requests than callers.
    expect(seen.totalRequests).toBeLessThan(120);
  });

  it('retries busy answers (HTTP 403 and Status 4001) and a dial still rings once', async () => {
    queue = new RequestQueue({ backoffMs: 2 });
    await control(sim, 'POST', '/__sim/faults', { busy: { count: 2, as: 'http403' } });
    expect(await read()).toEqual([]);
    await control(sim, 'POST', '/__sim/faults', {
      busy: { count: 2, as: 'status4001', paths: ['/api/v1/callctrl/dial'] },
    });
    await dial('5551234');
    const seen = await stats(sim);
    expect(seen.requests['/api/v1/callctrl/dial']).toBe(3);
    expect(seen.dials).toHaveLength(1);
  });

  it('never repeats a dial whose connection dropped or hung: the outcome is reported unknown', async () => {
    queue = new RequestQueue({ backoffMs: 2 });
    await control(sim, 'POST', '/__sim/faults', {
      drop: { count: 1, paths: ['/api/v1/callctrl/dial'] },
    });
    await expect(dial('5550001')).rejects.toMatchObject({ code: 'outcome-unknown' });
    await control(sim, 'POST', '/__sim/faults', {
      hang: { count: 1, paths: ['/api/v1/callctrl/dial'] },
    });
    const hung = await dial('5550002').catch((error: unknown) => error);
    expect(hung).toMatchObject({ code: 'outcome-unknown' });
    expect((hung as Error).message).toContain('not repeated');
    const seen = await stats(sim);
    expect(seen.requests['/api/v1/callctrl/dial']).toBe(2);
    expect(seen.maxConcurrent).toBe(1);
    // The phone still answers afterwards, on a fresh connection.
    expect(await read()).toEqual([]);
  });

  it('retries a read whose connection dropped', async () => {
    queue = new RequestQueue({ backoffMs: 2 });
    await control(sim, 'POST', '/__sim/faults', { drop: { count: 1 } });
    expect(await read()).toEqual([]);
    expect((await stats(sim)).totalRequests).toBe(2);
  });

  it('lets a user action overtake every queued poll', async () => {
    queue = new RequestQueue({ limit: 100 });
    await control(sim, 'POST', '/__sim/faults', { latencyMs: 5 });
    const finished: string[] = [];
    const polls = Array.from({ length: 8 }, (_, index) =>
      queue
        .enqueue({ priority: 'poll', effect: 'read', run: () => client.pollForStatus() })
        .then(() => finished.push(`poll-${index}`)),
    );
    const action = dial('5557777').then(() => finished.push('dial'));
    await Promise.all([...polls, action]);
    // Only the poll already in flight went before the action.
    expect(finished.indexOf('dial')).toBeLessThanOrEqual(1);
  });
});
