/**
 * The installed `deskpilot` command runs compiled JavaScript on plain Node: the build of
 * vite.cli.config.ts, run from a folder without the sources or tsx, answers like the checkout.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..', '..');
let work: string;
let bundle: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'deskpilot-cli-build-'));
  // Dependencies resolve as in an installed package; the sources and bin/ are not there.
  await symlink(join(root, 'node_modules'), join(work, 'node_modules'), 'dir');
  await build({
    configFile: join(root, 'vite.cli.config.ts'),
    build: { outDir: join(work, 'cli') },
    logLevel: 'error',
  });
  bundle = join(work, 'cli', 'deskpilot.mjs');
}, 60_000);

afterAll(() => rm(work, { recursive: true, force: true }));

describe('the compiled deskpilot command', () => {
  it('carries no TypeScript loader', async () => {
    expect(await readFile(bundle, 'utf8')).not.toMatch(/from ["']tsx/);
  });

  it('prints its usage and lists the phones of a data folder', async () => {
    const help = await run(process.execPath, [bundle, '--help']);
    expect(help.stdout).toContain('Usage: deskpilot');
    const dataDir = join(work, 'data');
    const listed = await run(process.execPath, [bundle, '--json', 'phones', 'list'], {
      env: { ...process.env, DESKPILOT_DATA_DIR: dataDir },
    });
    expect(JSON.parse(listed.stdout)).toEqual([]);
  });
});
