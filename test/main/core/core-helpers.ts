import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { EventChannel, EventPayloads } from '../../../src/shared/contract/events';
import type { Core } from '../../../src/main/core/create-core';

/** A fresh temporary data directory and a function removing it. */
export async function tempDataDir(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'deskpilot-core-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Waits (bounded) for the first `event` payload that `match` accepts. */
export function nextCoreEvent<E extends EventChannel>(
  core: Core,
  event: E,
  match: (payload: EventPayloads[E]) => boolean,
  timeoutMs = 10_000,
): Promise<EventPayloads[E]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`no matching ${event} event within ${timeoutMs} ms`));
    }, timeoutMs);
    const off = core.subscribe(event, (payload) => {
      if (!match(payload)) return;
      clearTimeout(timer);
      off();
      resolve(payload);
    });
  });
}

/** Polls `check` until it returns true (bounded), for state that settles asynchronously. */
export async function eventually(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
