/**
 * Setting many configuration values: requests the phone accepts (20 names, under its 20 KB), and
 * an exact account of what was applied when a change spread over several requests fails.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { MAX_BATCH_BYTES, valueBatches } from '../../../src/main/session/config-batches';
import { startSimulator, type Simulator } from '../../../src/simulator';
import { startSession } from './session-helpers';

/** Line labels and display names the simulated VVX 601 knows (255 characters at most each). */
const NAMES = [
  ...Array.from({ length: 16 }, (_, index) => `reg.${index + 1}.label`),
  ...Array.from({ length: 16 }, (_, index) => `reg.${index + 1}.displayName`),
];

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ phones: 1 });
});
afterAll(() => sim.close());

describe('configuration changes', () => {
  it('splits large values into requests under the phone’s 20 KB, in order', () => {
    const values = Object.fromEntries(NAMES.slice(0, 20).map((name) => [name, 'x'.repeat(4000)]));
    const batches = valueBatches({ ...values, 'device.set': '1' });
    for (const batch of batches) {
      expect(Buffer.byteLength(JSON.stringify({ data: batch }))).toBeLessThan(20 * 1024);
    }
    expect(batches.flatMap((batch) => Object.keys(batch))).toEqual(NAMES.slice(0, 20));
    expect(MAX_BATCH_BYTES).toBeLessThan(20 * 1024);
  });

  it('sets twenty values that together are larger than one request may be', async () => {
    const { session } = startSession(sim);
    try {
      // Control characters travel as \u00XX: 255 of them make 1.5 KB of JSON each.
      const wide = '\u0001'.repeat(255);
      const values = Object.fromEntries(NAMES.slice(0, 20).map((name) => [name, wide]));
      await session.config.set({ values });
      const read = await session.config.get({ names: NAMES.slice(0, 20) });
      expect(Object.values(read).every((value) => value?.value === wide)).toBe(true);
    } finally {
      await session.stop();
    }
  });

  it('says exactly which values were applied when a later request is refused', async () => {
    const { session } = startSession(sim);
    try {
      const names = NAMES.slice(0, 25);
      const values = Object.fromEntries(names.map((name) => [name, 'ok']));
      // Longer than the phone takes: the second request (values 21-25) is refused whole.
      values[names[22] ?? ''] = 'y'.repeat(300);
      const failure = await session.config.set({ values }).then(
        () => null,
        (error: unknown) => error,
      );
      expect(failure).toMatchObject({ code: 'invalid-argument' });
      const message = failure instanceof Error ? failure.message : '';
      expect(message).toContain(`Applied: ${names.slice(0, 20).join(', ')}.`);
      expect(message).toContain(`Not applied: ${names.slice(20).join(', ')}.`);
      const read = await session.config.get({ names });
      expect(names.map((name) => read[name]?.value === 'ok')).toEqual([
        ...Array(20).fill(true),
        ...Array(5).fill(false),
      ]);
    } finally {
      await session.stop();
    }
  });
});
