import { afterAll, beforeAll, expect, it } from 'vitest';

import { createCore } from '../../../src/main/core/create-core';
import { OPENING_CONNECTS } from '../../../src/main/core/opening-connects';
import { phoneControl, startSimulator, type Simulator } from '../../../src/simulator';
import { eventually, tempDataDir } from './core-helpers';

const PHONES = OPENING_CONNECTS + 8;

let simulator: Simulator;

beforeAll(async () => {
  simulator = await startSimulator({ phones: PHONES, https: false });
});
afterAll(async () => {
  await simulator.close();
});

it('connects the first phones at once when it opens and each further one as an earlier one answers', async () => {
  const data = await tempDataDir();
  try {
    const setup = await createCore({ dataDir: data.dir, demo: false, connect: false });
    for (const [index, phone] of simulator.phones.entries()) {
      await setup.handlers['phones.add']({
        name: `Desk ${index}`,
        url: phone.url,
        username: phone.username,
        password: phone.adminPassword,
      });
    }
    await setup.close();
    // Slow answers keep the first phones connecting while the test looks.
    await Promise.all(
      simulator.phones.map((phone) =>
        phoneControl(phone, simulator.controlToken).faults({ latencyMs: 400 }),
      ),
    );

    const core = await createCore({ dataDir: data.dir, demo: false });
    try {
      const waiting = () =>
        core.phones.snapshots().filter((phone) => phone.status.message === 'Not connected yet.');
      expect(waiting()).toHaveLength(PHONES - OPENING_CONNECTS);
      expect(waiting().map((phone) => phone.info.name)).toEqual(
        Array.from({ length: 8 }, (_, index) => `Desk ${OPENING_CONNECTS + index}`),
      );
      await eventually(
        () => core.phones.snapshots().every((phone) => phone.status.health === 'online'),
        20_000,
      );
    } finally {
      await core.close();
    }
  } finally {
    await data.remove();
  }
}, 60_000);
