import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import { runCli } from '../../../src/main/cli/run-cli';

const BIN = fileURLToPath(new URL('../../../bin/deskpilot.mjs', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Starts the real `deskpilot` command with `args`, the data folder and password in the env. */
export function spawnDeskpilot(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, DESKPILOT_PASSWORD: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Runs `deskpilot` to completion and collects its exit status and output. */
export function runDeskpilot(args: string[], env: Record<string, string>): Promise<CliResult> {
  const child = spawnDeskpilot(args, env);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Runs the same command line in this process (no process start-up), collecting its output. */
export async function runInProcess(
  args: string[],
  env: Record<string, string>,
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const streams = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  };
  const code = await runCli(args, env, streams, new AbortController().signal);
  return { code, stdout, stderr };
}

/** Collects a running command's stdout as JSON lines, for `watch`. */
export function jsonLines(child: ChildProcess): {
  lines: unknown[];
  waitFor: (match: (line: unknown) => boolean, timeoutMs?: number) => Promise<unknown>;
} {
  const lines: unknown[] = [];
  let buffer = '';
  const waiters = new Set<() => void>();
  child.stdout?.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    let newline = buffer.indexOf('\n');
    while (newline !== -1) {
      lines.push(JSON.parse(buffer.slice(0, newline)));
      buffer = buffer.slice(newline + 1);
      newline = buffer.indexOf('\n');
    }
    for (const wake of [...waiters]) wake();
  });
  return {
    lines,
    waitFor: (match, timeoutMs = 20_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const found = lines.find(match);
          if (found === undefined) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(`no matching line within ${timeoutMs} ms; got ${JSON.stringify(lines)}`),
          );
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
  };
}
