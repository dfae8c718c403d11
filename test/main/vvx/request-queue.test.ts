import { describe, expect, it } from 'vitest';

import { PhoneError } from '../../../src/main/vvx/phone-error';
import { RequestQueue } from '../../../src/main/vvx/request-queue';

/** A task body that stays in flight until released, so ordering can be observed. */
function gate(): { promise: Promise<void>; release: () => void } {
  let release = () => {};
  const promise = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { promise, release };
}

const busy = () => new PhoneError('phone-error', 'busy', { httpStatus: 403 });

/**
 * Enqueues a task whose n-th run throws `failures[n - 1]` while there is one, then returns
 * `value`; `attempts()` says how often the queue ran it.
 */
function flakyTask(
  queue: RequestQueue,
  priority: 'action' | 'interactive' | 'poll',
  effect: 'read' | 'write',
  failures: PhoneError[],
  value = 'ok',
): { result: Promise<string>; attempts: () => number } {
  let attempts = 0;
  const result = queue.enqueue({
    priority,
    effect,
    run: async () => {
      const failure = failures[attempts];
      attempts += 1;
      if (failure) throw failure;
      return value;
    },
  });
  return { result, attempts: () => attempts };
}

describe('RequestQueue', () => {
  it('never runs two requests at once, whatever is queued', async () => {
    const queue = new RequestQueue({ limit: 500 });
    let inFlight = 0;
    let most = 0;
    const tasks = Array.from({ length: 200 }, (_, index) =>
      queue.enqueue({
        priority: (['action', 'interactive', 'poll'] as const)[index % 3] ?? 'poll',
        effect: index % 2 === 0 ? 'read' : 'write',
        run: async () => {
          inFlight += 1;
          most = Math.max(most, inFlight);
          await new Promise((resolve) => setImmediate(resolve));
          inFlight -= 1;
          return index;
        },
      }),
    );
    expect(await Promise.all(tasks)).toEqual(Array.from({ length: 200 }, (_, index) => index));
    expect(most).toBe(1);
    expect(queue.stats.maxInFlight).toBe(1);
  });

  it('sends a user action before queued reads, and reads before background polls', async () => {
    const queue = new RequestQueue();
    const blocker = gate();
    const order: string[] = [];
    const first = queue.enqueue({ priority: 'poll', effect: 'read', run: () => blocker.promise });
    const record = (name: string, priority: 'action' | 'interactive' | 'poll') =>
      queue.enqueue({
        priority,
        effect: priority === 'action' ? 'write' : 'read',
        run: async () => {
          order.push(name);
        },
      });
    const queued = [
      record('poll-1', 'poll'),
      record('read-1', 'interactive'),
      record('poll-2', 'poll'),
      record('action-1', 'action'),
      record('action-2', 'action'),
    ];
    blocker.release();
    await Promise.all([first, ...queued]);
    expect(order).toEqual(['action-1', 'action-2', 'read-1', 'poll-1', 'poll-2']);
  });

  it('merges identical pending reads into one request and lifts it to the caller’s priority', async () => {
    const queue = new RequestQueue();
    const blocker = gate();
    const order: string[] = [];
    let calls = 0;
    const first = queue.enqueue({ priority: 'poll', effect: 'read', run: () => blocker.promise });
    const other = queue.enqueue({
      priority: 'interactive',
      effect: 'read',
      run: async () => {
        order.push('other read');
      },
    });
    const status = () =>
      queue.enqueue({
        priority: 'poll',
        effect: 'read',
        mergeKey: 'callStatus',
        run: async () => {
          calls += 1;
          order.push('callStatus');
          return ['call'];
        },
      });
    const polled = status();
    const wanted = queue.enqueue({
      priority: 'action',
      effect: 'read',
      mergeKey: 'callStatus',
      run: async () => {
        calls += 1;
        return ['never'];
      },
    });
    blocker.release();
    expect(await Promise.all([polled, wanted])).toEqual([['call'], ['call']]);
    await Promise.all([first, other]);
    expect(calls).toBe(1);
    expect(order).toEqual(['callStatus', 'other read']);
    expect(queue.stats.merged).toBe(1);
    // Once sent, the read is no longer merged: a new one gets fresh data.
    await status();
    expect(calls).toBe(2);
  });

  it('retries busy answers (HTTP 403 / 4001) for reads and refused writes, with backoff', async () => {
    const queue = new RequestQueue({ backoffMs: 1 });
    const write = flakyTask(queue, 'action', 'write', [busy(), busy()], 'done');
    const read = flakyTask(
      queue,
      'poll',
      'read',
      [new PhoneError('phone-error', 'busy', { vvxStatus: 4001, httpStatus: 200 })],
      'fresh',
    );
    expect(await write.result).toBe('done');
    expect(await read.result).toBe('fresh');
    expect(write.attempts()).toBe(3);
    expect(read.attempts()).toBe(2);
  });

  it('gives up on a phone that stays busy, with the busy error', async () => {
    const queue = new RequestQueue({ backoffMs: 1, maxAttempts: 3 });
    const task = flakyTask(queue, 'action', 'write', [busy(), busy(), busy(), busy()]);
    await expect(task.result).rejects.toMatchObject({ code: 'phone-error', httpStatus: 403 });
    expect(task.attempts()).toBe(3);
  });

  it('never repeats a write whose outcome is unknown, but retries a read lost in transit', async () => {
    const queue = new RequestQueue({ backoffMs: 1 });
    const write = flakyTask(queue, 'action', 'write', [
      new PhoneError('outcome-unknown', 'dropped'),
    ]);
    await expect(write.result).rejects.toMatchObject({ code: 'outcome-unknown' });
    expect(write.attempts()).toBe(1);
    const read = flakyTask(queue, 'interactive', 'read', [
      new PhoneError('unreachable', 'dropped'),
    ]);
    expect(await read.result).toBe('ok');
  });

  it('refuses work beyond its limit with queue-full, and cancels everything on close', async () => {
    const queue = new RequestQueue({ limit: 2 });
    const blocker = gate();
    const settled: string[] = [];
    const track = (name: string, promise: Promise<unknown>) =>
      promise.then(
        () => settled.push(`${name}:done`),
        (error: PhoneError) => settled.push(`${name}:${error.code}`),
      );
    const running = track(
      'running',
      queue.enqueue({ priority: 'poll', effect: 'read', run: () => blocker.promise }),
    );
    const waiting = [1, 2, 3].map((index) =>
      track(
        `waiting-${index}`,
        queue.enqueue({ priority: 'action', effect: 'write', run: async () => {} }),
      ),
    );
    await waiting[2];
    expect(settled).toEqual(['waiting-3:queue-full']);
    queue.close();
    blocker.release();
    await Promise.all([running, ...waiting]);
    expect(settled.sort()).toEqual([
      'running:done',
      'waiting-1:cancelled',
      'waiting-2:cancelled',
      'waiting-3:queue-full',
    ]);
    await expect(
      queue.enqueue({ priority: 'action', effect: 'write', run: async () => {} }),
    ).rejects.toMatchObject({
      code: 'cancelled',
    });
  });

  it('gives waiting polls every fourth turn, however many reads clients keep asking for', async () => {
    const queue = new RequestQueue({ limit: 500, perCallerLimit: 500 });
    const order: string[] = [];
    const read = (name: string) =>
      queue.enqueue({
        priority: 'interactive',
        effect: 'read',
        caller: 'socket:1',
        run: async () => {
          order.push(name);
        },
      });
    const reads = Array.from({ length: 12 }, (_, index) => read(`read-${index + 1}`));
    const polls = [1, 2].map((index) =>
      queue.enqueue({
        priority: 'poll',
        effect: 'read',
        run: async () => {
          order.push(`poll-${index}`);
        },
      }),
    );
    await Promise.all([...reads, ...polls]);
    expect(order.indexOf('poll-1')).toBeLessThanOrEqual(4);
    expect(order.indexOf('poll-2') - order.indexOf('poll-1')).toBeLessThanOrEqual(4);
  });

  it('lets clients take turns in a lane, and refuses one client more than its share', async () => {
    const queue = new RequestQueue({ limit: 100, perCallerLimit: 10 });
    const blocker = gate();
    const order: string[] = [];
    const read = (caller: string, name: string) =>
      queue.enqueue({
        priority: 'interactive',
        effect: 'read',
        caller,
        run: async () => {
          order.push(name);
        },
      });
    const first = queue.enqueue({ priority: 'poll', effect: 'read', run: () => blocker.promise });
    const flood = Array.from({ length: 12 }, (_, index) =>
      read('socket:1', `flood-${index + 1}`).then(
        () => 'done',
        (error: PhoneError) => error.code,
      ),
    );
    const other = read('socket:2', 'other');
    blocker.release();
    await Promise.all([first, other, ...flood]);
    // The second client's one read goes right after the first client's first, not after all ten.
    expect(order.slice(0, 2)).toEqual(['flood-1', 'other']);
    expect(await Promise.all(flood)).toEqual([
      ...Array(10).fill('done'),
      'queue-full',
      'queue-full',
    ]);
  });
});
