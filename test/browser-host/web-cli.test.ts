/** `npm run web` as a user runs it: the printed URL works, bad flags get words and exit code 2. */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { rawGet } from './http-helpers';

const root = join(import.meta.dirname, '..', '..');
const cli = join(root, 'src', 'main', 'browser-host', 'cli.ts');
const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'deskpilot-web-cli-'));
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

function startWeb(args: string[]) {
  const child = spawn(process.execPath, [tsx, cli, ...args], {
    cwd: root,
    env: { ...process.env, DESKPILOT_DATA_DIR: dataDir },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => ({ stdout, stderr }) };
}

describe('npm run web', () => {
  it('prints a working token URL with --demo --no-open and stops cleanly', async () => {
    const web = startWeb(['--demo', '--no-open']);
    let url: string | undefined;
    for (let attempt = 0; attempt < 300 && url === undefined; attempt++) {
      url = /Deskpilot: (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(web.output().stdout)?.[1];
      if (url === undefined) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(url, web.output().stderr).toBeDefined();
    const parsed = new URL(url ?? '');
    const signIn = await rawGet(Number(parsed.port), `/${parsed.search}`);
    expect(signIn.status).toBe(303);
    expect(signIn.headers['set-cookie']?.[0]).toMatch(/HttpOnly; SameSite=Strict/);
    web.child.kill('SIGTERM');
    expect(await web.exited).toBe(0);
  });

  it('refuses an unknown flag with exit code 2 and the usage', async () => {
    const web = startWeb(['--prot', '80']);
    expect(await web.exited).toBe(2);
    expect(web.output().stderr).toMatch(/--prot/);
    expect(web.output().stderr).toMatch(/Usage: npm run web/);
  });

  it.each(['70000', '0x50', ''])('refuses the port "%s"', async (port) => {
    const web = startWeb(['--port', port]);
    expect(await web.exited).toBe(2);
    expect(web.output().stderr).toMatch(/--port must be a whole number/);
  });
});
