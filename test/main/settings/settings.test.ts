import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { FileSecretStore } from '../../../src/main/settings/secret-store';
import type { StoredPhone } from '../../../src/main/settings/settings-schema';
import { SettingsStore } from '../../../src/main/settings/settings-store';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'deskpilot-settings-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const phone: StoredPhone = {
  id: 'p1',
  name: 'Desk',
  url: 'https://192.0.2.10',
  username: 'Polycom',
  pinnedFingerprint: null,
  pollIntervalIdleMs: 3000,
  pollIntervalActiveMs: 1000,
  demo: false,
};

describe('FileSecretStore', () => {
  it('keeps secrets across instances in a file only the owner can read', async () => {
    const file = join(dataDir, 'secrets.json');
    await new FileSecretStore(file).set('phone:p1', 's3cret');
    const reopened = new FileSecretStore(file);
    expect(await reopened.get('phone:p1')).toBe('s3cret');
    expect(await reopened.get('phone:other')).toBeNull();
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    await reopened.delete('phone:p1');
    expect(await new FileSecretStore(file).get('phone:p1')).toBeNull();
    // No temporary files are left behind by the atomic writes.
    expect(await readdir(dataDir)).toEqual(['secrets.json']);
  });

  it('serialises concurrent writes so none is lost', async () => {
    const store = new FileSecretStore(join(dataDir, 'secrets.json'));
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.set(`k${i}`, `v${i}`)));
    for (let i = 0; i < 20; i += 1) expect(await store.get(`k${i}`)).toBe(`v${i}`);
  });

  it('treats "__proto__" as an ordinary key', async () => {
    const store = new FileSecretStore(join(dataDir, 'secrets.json'));
    await store.set('__proto__', 'x');
    expect(await new FileSecretStore(join(dataDir, 'secrets.json')).get('__proto__')).toBe('x');
    expect(await store.get('toString')).toBeNull();
  });

  it('reports a damaged file in words instead of crashing', async () => {
    const file = join(dataDir, 'secrets.json');
    await writeFile(file, '{not json');
    await expect(new FileSecretStore(file).get('a')).rejects.toThrow(/damaged/);
  });
});

describe('SettingsStore', () => {
  it('persists phones and app settings without any password', async () => {
    const store = new SettingsStore(dataDir);
    store.savePhone(phone);
    store.savePhone({ ...phone, id: 'p2', name: 'Lab' });
    store.savePhone({ ...phone, name: 'Desk renamed' });
    store.updateAppSettings({ clickToDial: 'dial' });

    const reopened = new SettingsStore(dataDir);
    expect(reopened.phones().map((p) => p.name)).toEqual(['Desk renamed', 'Lab']);
    expect(reopened.appSettings().clickToDial).toBe('dial');
    expect(reopened.appSettings().notifications).toBe(true);
    reopened.removePhone('p2');
    expect(new SettingsStore(dataDir).phone('p2')).toBeUndefined();

    const text = await readFile(join(dataDir, 'settings.json'), 'utf8');
    expect(text).not.toMatch(/password/i);
  });

  it('opens a settings file written before the event port existed, with the default port', async () => {
    const older: Partial<typeof DEFAULT_SETTINGS> = { ...DEFAULT_SETTINGS };
    delete older.pushPort;
    await writeFile(
      join(dataDir, 'settings.json'),
      JSON.stringify({ phones: [phone], app: { ...older, theme: 'dark' } }),
    );
    const store = new SettingsStore(dataDir);
    expect(store.warnings).toEqual([]);
    expect(store.phones()).toEqual([phone]);
    expect(store.appSettings()).toMatchObject({ theme: 'dark', pushPort: 8489 });
  });

  it('refuses to store a phone that breaks the schema', () => {
    const store = new SettingsStore(dataDir);
    expect(() => store.savePhone({ ...phone, pollIntervalIdleMs: 5 })).toThrow(/schema/);
    expect(store.phones()).toEqual([]);
  });

  it('keeps a damaged settings file aside and says so', async () => {
    await writeFile(join(dataDir, 'settings.json'), '{"phones": [{"id": 1}]');
    const store = new SettingsStore(dataDir);
    expect(store.phones()).toEqual([]);
    expect(store.warnings.join()).toMatch(/could not be read/);
    const files = await readdir(dataDir);
    expect(files.some((name) => name.startsWith('settings.damaged-'))).toBe(true);
  });
});
