/**
 * A short run of `npm run soak` (the full one lasts ten minutes): every request a window sent
 * ended exactly once through every kind of phone fault, the command line's watch rode them out,
 * nothing failed inside, and no handle was left behind once the traffic stopped. Memory growth is
 * only meaningful over the full run, so it is printed there, not judged here.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import type { SoakResult } from '../../bench/soak/soak-report';

const root = join(import.meta.dirname, '..', '..');

function runSoak(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', join(root, 'bench', 'soak.ts'), ...args],
      { cwd: root },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('the soak, briefly', () => {
  it('ends every request exactly once through every fault, and leaves nothing behind', async () => {
    const run = await runSoak(['--minutes', '0.5', '--sample-seconds', '3', '--json']);
    const last = run.stdout.trim().split('\n').at(-1) ?? '';
    expect(last.startsWith('{'), `${run.stdout}\n${run.stderr}`).toBe(true);
    const result = JSON.parse(last) as SoakResult;
    expect(run.stdout).toContain('Every request ended exactly once: yes');

    const { requests } = result;
    expect(requests.sessions).toBeGreaterThan(3);
    expect(requests.sent).toBeGreaterThan(100);
    expect(requests.duplicates).toBe(0);
    expect(requests.hung).toBe(0);
    expect(Object.keys(result.faults.armed).sort()).toEqual(
      [
        'busy 403',
        'busy 4001',
        'calm',
        'drops',
        'hangs',
        'latency+jitter',
        'outage',
        'reboot',
      ].sort(),
    );
    expect(result.faults.errors).toEqual([]);
    expect(result.cli).toMatchObject({ exitedEarly: false, code: 0 });
    expect(result.cli.lines.snapshot).toBe(1);
    expect(result.failures).toEqual([]);
    // Handles in use at rest afterwards are those in use at rest before.
    expect(result.atRest.after.timers).toBeLessThanOrEqual(result.atRest.before.timers);
    expect(result.atRest.after.fds).toBeLessThanOrEqual(result.atRest.before.fds + 2);
    expect(result.samples.length).toBeGreaterThanOrEqual(6);
  }, 120_000);
});
