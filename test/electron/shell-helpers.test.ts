import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { findDialRequest } from '../../src/main/electron/dial-arguments';
import { isAllowedExternalUrl } from '../../src/main/electron/external-links';
import { SafeStorageSecretStore } from '../../src/main/electron/safe-storage-secret-store';
import { loadWindowState, saveWindowState } from '../../src/main/electron/window-state';

vi.mock('electron', () => import('./electron-stand-in'));

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'deskpilot-shell-helpers-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('command-line dial requests', () => {
  it.each([
    [['deskpilot', '--dial', '+1 555 0100'], { source: 'command-line', raw: '+1 555 0100' }],
    [['deskpilot', '--dial=1234'], { source: 'command-line', raw: '1234' }],
    [['/opt/Deskpilot/deskpilot', 'tel:+15550100'], { source: 'link', raw: 'tel:+15550100' }],
    [['deskpilot', 'SIP:alice@example.com'], { source: 'link', raw: 'SIP:alice@example.com' }],
    [['deskpilot', 'callto:5550100'], { source: 'link', raw: 'callto:5550100' }],
    [['deskpilot', '--dial'], null],
    [['deskpilot', 'https://evil.example'], null],
  ])('%j → %j', (argv, expected) => {
    expect(findDialRequest(argv)).toEqual(expected);
  });
});

describe('external links', () => {
  const phones = ['https://192.168.1.20'];
  it.each([
    ['https://github.com/x', true],
    ['https://192.168.1.20/index.htm', true],
    ['http://github.com/x', false],
    ['https://github.com.evil.example/', false],
    ['https://user:pw@github.com/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['https://192.168.1.21/', false],
    ['not a url', false],
  ])('%s → %s', (url, allowed) => {
    expect(isAllowedExternalUrl(url, phones)).toBe(allowed);
  });
});

describe('window state', () => {
  const displays = [{ x: 0, y: 0, width: 1920, height: 1080 }];
  it('comes back as saved', async () => {
    const file = join(dir, 'window.json');
    const state = { bounds: { x: 100, y: 50, width: 1000, height: 700 }, maximized: true };
    await saveWindowState(file, state);
    expect(await loadWindowState(file, displays)).toEqual(state);
  });
  it('is dropped when off every display, damaged or missing', async () => {
    const file = join(dir, 'off-screen.json');
    await saveWindowState(file, {
      bounds: { x: 5000, y: 5000, width: 1000, height: 700 },
      maximized: false,
    });
    expect(await loadWindowState(file, displays)).toBeNull();
    await writeFile(join(dir, 'bad.json'), '{"bounds": "huge"');
    expect(await loadWindowState(join(dir, 'bad.json'), displays)).toBeNull();
    expect(await loadWindowState(join(dir, 'missing.json'), displays)).toBeNull();
  });
});

describe('the safeStorage secret store', () => {
  it('keeps only ciphertext, owner-readable, and reads it back', async () => {
    const file = join(dir, 'secrets.safe.json');
    const store = new SafeStorageSecretStore(file);
    await Promise.all([store.set('phone-1', 'hunter2'), store.set('phone-2', 'swordfish')]);
    expect(await store.get('phone-1')).toBe('hunter2');
    expect(await store.get('phone-2')).toBe('swordfish');
    const content = await readFile(file, 'utf8');
    expect(content).not.toContain('hunter2');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    await store.delete('phone-1');
    expect(await new SafeStorageSecretStore(file).get('phone-1')).toBeNull();
  });
  it('refuses to start over a damaged file', async () => {
    const file = join(dir, 'damaged.json');
    await writeFile(file, 'not json');
    await expect(new SafeStorageSecretStore(file).get('x')).rejects.toThrow(/damaged/);
  });
  it('treats a password the keychain can no longer decrypt as missing, keeping the others', async () => {
    const file = join(dir, 'foreign.json');
    await writeFile(file, JSON.stringify({ old: Buffer.from('other key').toString('base64') }));
    const store = new SafeStorageSecretStore(file);
    await store.set('new', 'hunter2');
    expect(await store.get('old')).toBeNull();
    expect(await store.get('new')).toBe('hunter2');
  });
  it('refuses, rather than reporting no password, when the file cannot be read', async () => {
    const file = join(dir, 'unreadable.json');
    await mkdir(file);
    await expect(new SafeStorageSecretStore(file).get('x')).rejects.toThrow(/Cannot read.*EISDIR/);
    await expect(new SafeStorageSecretStore(file).set('x', 'hunter2')).rejects.toThrow(
      /Cannot read/,
    );
  });
});
