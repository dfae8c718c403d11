/**
 * `npm run web` as a user runs it: the printed URL works, bad flags get words and exit code 2, and
 * stopping npm stops the server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { rawGet } from './http-helpers';

const root = join(import.meta.dirname, '..', '..');
const web = join(root, 'scripts', 'web.ts');

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'deskpilot-web-cli-'));
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

/** Starts `npm run web`'s own command line, or npm itself with `viaNpm`. */
function startWeb(args: string[], viaNpm = false, extraEnv: Record<string, string> = {}) {
  const env = { ...process.env, DESKPILOT_DATA_DIR: dataDir, ...extraEnv };
  const child: ChildProcess = viaNpm
    ? spawn('npm', ['run', '--silent', 'web', '--', ...args], { cwd: root, env })
    : spawn(process.execPath, ['--import', 'tsx', web, ...args], { cwd: root, env });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => ({ stdout, stderr }) };
}

/**
 * Waits (bounded) for the printed address: npm, tsx and the core starting can take half a minute
 * on two cores shared with the rest of the suite.
 */
async function printedUrl(output: () => { stdout: string }): Promise<string | undefined> {
  for (let attempt = 0; attempt < 900; attempt++) {
    const url = /Deskpilot: (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(output().stdout)?.[1];
    if (url !== undefined) return url;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return undefined;
}

/** Whether something still accepts connections on 127.0.0.1:`port`. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('npm run web', { timeout: 90_000 }, () => {
  it('prints a working sign-in link with --demo --no-open and stops cleanly', async () => {
    const web = startWeb(['--demo', '--no-open']);
    const url = await printedUrl(web.output);
    expect(url, web.output().stderr).toBeDefined();
    const parsed = new URL(url ?? '');
    const signIn = await rawGet(Number(parsed.port), `/${parsed.search}`);
    expect(signIn.status).toBe(200);
    expect(signIn.headers['set-cookie']?.[0]).toMatch(/HttpOnly; SameSite=Strict/);
    web.child.kill('SIGTERM');
    expect(await web.exited).toBe(0);
  });

  it('opens the browser on a private sign-in file, never with a secret on its command line', async () => {
    // A stand-in for the desktop's opener that records the command line it was given.
    const bin = join(dataDir, 'bin');
    const recorded = join(dataDir, 'opener-argv.txt');
    await mkdir(bin, { recursive: true });
    const opener = `#!/bin/sh\nprintf '%s\\n' "$@" > '${recorded}'\n`;
    for (const name of ['xdg-open', 'open']) {
      await writeFile(join(bin, name), opener, { mode: 0o755 });
    }
    const web = startWeb(['--demo'], false, { PATH: `${bin}:${process.env.PATH ?? ''}` });
    const url = await printedUrl(web.output);
    expect(url, web.output().stderr).toBeDefined();
    let argv = '';
    for (let attempt = 0; attempt < 100 && argv === ''; attempt++) {
      argv = await readFile(recorded, 'utf8').catch(() => '');
      if (argv === '') await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const file = argv.trim();
    expect(file).toBe(join(dataDir, 'sign-in.html'));
    expect(argv).not.toMatch(/token/);
    expect((await stat(file)).mode & 0o777).toBe(0o600);

    const link = /url=(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(
      await readFile(file, 'utf8'),
    )?.[1];
    const parsed = new URL(link ?? '');
    expect((await rawGet(Number(parsed.port), `/${parsed.search}`)).status).toBe(200);
    // Used once, the file gets a fresh link that works in turn.
    let fresh: string | undefined = link;
    for (let attempt = 0; attempt < 100 && fresh === link; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      fresh = /url=(http:\/\/[^"]+)/.exec(await readFile(file, 'utf8'))?.[1];
    }
    expect(fresh).not.toBe(link);
    const freshSearch = new URL(fresh ?? '').search;
    expect((await rawGet(Number(parsed.port), `/${freshSearch}`)).status).toBe(200);

    web.child.kill('SIGTERM');
    expect(await web.exited).toBe(0);
    await expect(stat(file)).rejects.toThrow();
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

  it('stops serving when the npm process gets SIGTERM, leaving nothing behind', async () => {
    const web = startWeb(['--demo', '--no-open'], true);
    const url = await printedUrl(web.output);
    expect(url, web.output().stderr).toBeDefined();
    const port = Number(new URL(url ?? '').port);
    expect(await listening(port)).toBe(true);
    web.child.kill('SIGTERM');
    await web.exited;
    let open = true;
    for (let attempt = 0; attempt < 100 && open; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      open = await listening(port);
    }
    expect(open).toBe(false);
  });
});
