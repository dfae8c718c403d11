/**
 * Packaging checks that run offline: electron-builder's own schema validation of
 * electron-builder.yml, and an unpacked (`--dir`) Linux pack against a stand-in Electron
 * distribution, proving the asar holds the built app and nothing else and that the fuses flip.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { listPackage, extractFile } from '@electron/asar';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import type { Configuration } from 'app-builder-lib';
import { DebugLogger } from 'builder-util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { readFuses, writeStandInElectron } from './stand-in-electron';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');
const electronVersion = JSON.parse(
  await readFile(join(root, 'node_modules', 'electron', 'package.json'), 'utf8'),
) as { version: string };

let config: Configuration;

beforeAll(async () => {
  config = await getConfig(root, join(root, 'electron-builder.yml'), null);
});

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema validation", async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('would be caught by that validation if it were wrong', async () => {
    const broken = {
      ...config,
      nsis: { ...config.nsis, installerColour: 'blue' },
    } as Configuration;
    await expect(validateConfiguration(broken, new DebugLogger(false))).rejects.toThrow(
      /Invalid configuration object[\s\S]*nsis/,
    );
  });

  it('registers tel:, callto: and sip: on every platform', () => {
    const schemes = [config.protocols ?? []].flat().flatMap((protocol) => protocol.schemes);
    expect(schemes.sort()).toEqual(['callto', 'sip', 'tel']);
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
  });
});

describe('an offline --dir pack against a stand-in Electron', () => {
  let work: string;
  let entries: string[];
  let unpacked: string;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'deskpilot-pack-'));
    // A copy of the project as CI sees it: package.json with its dependencies, node_modules,
    // the icons, and a fresh build (in the copy, so a concurrent `out/` is never disturbed).
    await cp(join(root, 'package.json'), join(work, 'package.json'));
    await cp(join(root, 'package-lock.json'), join(work, 'package-lock.json'));
    await cp(join(root, 'assets'), join(work, 'assets'), { recursive: true });
    await symlink(join(root, 'node_modules'), join(work, 'node_modules'), 'dir');
    await run(
      process.execPath,
      [
        join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'),
        'build',
        '--outDir',
        join(work, 'out'),
        '--logLevel',
        'error',
      ],
      { cwd: root },
    );
    await writeStandInElectron(join(work, 'electron-dist'), electronVersion.version);
    await run(
      process.execPath,
      [
        join(root, 'node_modules', 'electron-builder', 'cli.js'),
        '--dir',
        '--linux',
        '--projectDir',
        work,
        '--config',
        join(root, 'electron-builder.yml'),
        `-c.electronDist=${join(work, 'electron-dist')}`,
      ],
      { cwd: work, env: { ...process.env, CI: 'true' } },
    );
    unpacked = join(work, 'release', 'linux-unpacked');
    entries = listPackage(join(unpacked, 'resources', 'app.asar'), { isPack: false });
  }, 240_000);

  afterAll(() => rm(work, { recursive: true, force: true }));

  it('holds the main process, the preload, the UI, the tray icons and package.json', () => {
    for (const needed of [
      '/package.json',
      '/out/main/index.js',
      '/out/preload/index.cjs',
      '/out/renderer/index.html',
      '/assets/tray.png',
      '/assets/tray@2x.png',
    ]) {
      expect(entries).toContain(needed);
    }
    const main = JSON.parse(
      extractFile(join(unpacked, 'resources', 'app.asar'), 'package.json').toString(),
    ) as { main: string };
    expect(entries).toContain(`/${main.main}`);
  });

  it('holds nothing else: no sources, tests, maps or node_modules', () => {
    const allowed = /^\/(package\.json|out(\/.*)?|assets|assets\/tray(@2x)?\.png)$/;
    expect(entries.filter((entry) => !allowed.test(entry))).toEqual([]);
    expect(entries.filter((entry) => /\.(ts|tsx|map)$|node_modules/.test(entry))).toEqual([]);
  });

  it('flips the fuses: no RunAsNode, encrypted cookies, asar only, integrity checked', async () => {
    const fuses = await readFuses(join(unpacked, 'deskpilot'));
    // RunAsNode, CookieEncryption, NODE_OPTIONS, --inspect, AsarIntegrity, OnlyLoadFromAsar,
    // browser V8 snapshot, file:// privileges.
    expect(fuses).toBe('01001100');
  });
});
