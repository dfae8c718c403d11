import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { agent, basic } from './support';

const CLI = fileURLToPath(new URL('../../src/simulator/cli.ts', import.meta.url));

function runCli(args: string[]): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { stdio: 'pipe' });
}

function exitCode(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** Collects stdout until the control-token line (the CLI's last line) appears. */
function banner(child: ChildProcessWithoutNullStreams): Promise<string[]> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (out.includes('control token:') && out.endsWith('\n')) resolve(out.trim().split('\n'));
    });
    child.once('exit', (code) =>
      reject(new Error(`the CLI exited (${code}) before printing: ${out}`)),
    );
  });
}

describe('npm run sim', () => {
  it('starts phones, prints URL, model, credentials and fingerprint, answers, and stops on Ctrl-C', async () => {
    const child = runCli([
      '--port',
      '0',
      '--phones',
      '2',
      '--https',
      '--model',
      '410',
      '--admin-password',
      'pw-admin',
      '--user-password',
      'pw-user',
      '--control-token',
      'token-123456',
    ]);
    const exited = exitCode(child);
    try {
      const lines = await banner(child);
      expect(lines).toHaveLength(3);
      expect(lines[2]).toBe('control token: token-123456');
      const first = lines[0] ?? '';
      expect(first).toMatch(/^phone 1: https:\/\/127\.0\.0\.1:\d+ {2}VVX410 /);
      expect(first).toContain('admin Polycom:pw-admin');
      expect(first).toContain('user Polycom:pw-user');
      expect(first).toMatch(/sha256 ([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
      const url = /(https:\/\/\S+)/.exec(first)?.[1] ?? '';
      const reply = await request(`${url}/api/v1/mgmt/device/info`, {
        headers: { authorization: basic('Polycom', 'pw-admin') },
        dispatcher: agent,
      });
      const body = (await reply.body.json()) as { Status: string; data: { ModelNumber: string } };
      expect(body).toMatchObject({ Status: '2000', data: { ModelNumber: 'VVX410' } });
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
  });

  it('starts phones in the dialect asked for, and names the dialects when one is unknown', async () => {
    const child = runCli(['--port', '0', '--dialect', 'vvx-5', '--admin-password', 'pw-admin']);
    const exited = exitCode(child);
    try {
      const [first = ''] = await banner(child);
      expect(first).toMatch(/ {2}VVX601 {2}dialect vvx-5 {2}MAC /);
      const url = /(http:\/\/\S+)/.exec(first)?.[1] ?? '';
      const reply = await request(`${url}/api/v1/WebCallControl/callStatus`, {
        headers: { authorization: basic('Polycom', 'pw-admin') },
      });
      expect(reply.headers.server).toBe('Polycom SoundPoint IP Telephone HTTPd');
      expect(((await reply.body.json()) as { Status: string }).Status).toBe('4007');
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
    const wrong = runCli(['--port', '0', '--dialect', 'vvx-7']);
    let err = '';
    wrong.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    expect(await exitCode(wrong)).toBe(2);
    expect(err).toContain('unknown dialect "vvx-7"; choose one of reference, vvx-5, vvx-6, edge');
  });

  it('rejects a bad flag with a clear message and exit code 2', async () => {
    const child = runCli(['--phones', 'many']);
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    expect(await exitCode(child)).toBe(2);
    expect(err).toContain('--phones takes a whole number, not "many"');
  });

  it('rejects an unknown model by naming the models it knows', async () => {
    const child = runCli(['--port', '0', '--model', 'VVX999']);
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    expect(await exitCode(child)).toBe(2);
    expect(err).toMatch(/unknown model "VVX999"; choose one of VVX101, .*VVX1500/);
  });
});
