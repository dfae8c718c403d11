/**
 * The command line's `watch` on one phone for the whole soak, as a separate process: it must
 * print events throughout the phone's bad days and stop cleanly on Ctrl-C (SIGINT).
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import type { SimulatedPhoneInfo } from '../../src/simulator';

const DESKPILOT = fileURLToPath(new URL('../../bin/deskpilot.mjs', import.meta.url));

export interface CliWatch {
  /** JSON lines printed so far, by their `type`. */
  lines: Map<string, number>;
  /** Resolves once the watch printed its first snapshot (false if it exited or took too long). */
  ready(timeoutMs: number): Promise<boolean>;
  /** Resident memory of the watch process now, in MB (NaN where /proc is missing). */
  rssMB(): number;
  /** Sends SIGINT and resolves with the exit code, and whether it had exited before. */
  stop(): Promise<{ code: number | null; exitedEarly: boolean; stderr: string }>;
}

/** The `type` of one printed line; 'unreadable' for a line that is not a JSON object. */
function readType(line: string): string {
  try {
    const parsed: unknown = JSON.parse(line);
    const type = typeof parsed === 'object' && parsed !== null ? Reflect.get(parsed, 'type') : null;
    return typeof type === 'string' ? type : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

/** Starts `deskpilot --url … watch` on `phone` with its data in `dataDir`. */
export function startCliWatch(phone: SimulatedPhoneInfo, dataDir: string): CliWatch {
  const args = [DESKPILOT, '--url', phone.url, 'watch'];
  if (phone.fingerprint !== null) args.splice(3, 0, '--accept-certificate', phone.fingerprint);
  const child = spawn(process.execPath, args, {
    env: { ...process.env, DESKPILOT_PASSWORD: phone.adminPassword, DESKPILOT_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines = new Map<string, number>();
  let buffer = '';
  let stderr = '';
  let exit: number | null | undefined;
  child.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const complete = buffer.split('\n');
    buffer = complete.pop() ?? '';
    for (const line of complete) {
      const type = readType(line);
      lines.set(type, (lines.get(type) ?? 0) + 1);
    }
  });
  // Bounded: only the first few KB of complaints are kept for the report.
  child.stderr.on(
    'data',
    (chunk: Buffer) => (stderr = `${stderr}${chunk.toString()}`.slice(0, 4096)),
  );
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      exit = code;
      resolve(code);
    }),
  );
  return {
    lines,
    async ready(timeoutMs) {
      for (let waited = 0; waited < timeoutMs; waited += 100) {
        if (lines.has('snapshot')) return true;
        if (exit !== undefined) return false;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return false;
    },
    rssMB() {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]) / 1024;
      } catch {
        return Number.NaN;
      }
    },
    async stop() {
      const exitedEarly = exit !== undefined;
      if (!exitedEarly) child.kill('SIGINT');
      return { code: await exited, exitedEarly, stderr };
    },
  };
}
