import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createCore } from '../../../src/main/core/create-core';
import { eventually, tempDataDir } from './core-helpers';

let data: { dir: string; remove: () => Promise<void> };
beforeEach(async () => {
  data = await tempDataDir();
});
afterEach(async () => {
  await data.remove();
});

describe('the demo phone', () => {
  it('is added on a first run, pinned, online, and restarted on the next run', async () => {
    const first = await createCore({ dataDir: data.dir });
    const [demo] = await first.handlers['phones.list']({});
    expect(demo).toMatchObject({ name: 'Demo phone', demo: true, hasPassword: true });
    expect(demo?.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(demo?.pinnedFingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    const id = demo?.id ?? '';
    await eventually(() => first.phones.snapshot(id).status.health === 'online');
    await first.close();

    const second = await createCore({ dataDir: data.dir });
    const phones = await second.handlers['phones.list']({});
    expect(phones).toHaveLength(1);
    expect(phones[0]?.url).not.toBe(demo?.url);
    await eventually(() => second.phones.snapshot(id).status.health === 'online');
    await second.close();
  });

  it('is not added again once the user removed it, unless asked for', async () => {
    const first = await createCore({ dataDir: data.dir });
    const [demo] = await first.handlers['phones.list']({});
    await first.handlers['phones.remove']({ phoneId: demo?.id ?? '' });
    await first.close();

    const second = await createCore({ dataDir: data.dir });
    expect(await second.handlers['phones.list']({})).toEqual([]);
    const added = await second.handlers['phones.addDemo']({});
    expect(added.name).toBe('Demo phone');
    expect(await second.handlers['phones.addDemo']({})).toMatchObject({ id: added.id });
    await second.close();
  });
});
