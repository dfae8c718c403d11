import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runCli } from '../../../src/main/cli/run-cli';
import { EventLines } from '../../../src/main/cli/event-lines';
import { phoneControl, startSimulator, type Simulator } from '../../../src/simulator';
import { runInProcess } from './run-deskpilot';

let simulator: Simulator;
let dataDir: string;
const NAMES = ['Front desk', 'Back office', 'Lobby'];

beforeAll(async () => {
  simulator = await startSimulator({ phones: NAMES.length, https: true });
  dataDir = await mkdtemp(join(tmpdir(), 'deskpilot-watch-all-'));
  for (const [index, phone] of simulator.phones.entries()) {
    const added = await runInProcess(
      [
        'phones',
        'add',
        NAMES[index] ?? '',
        phone.url,
        '--accept-certificate',
        phone.fingerprint ?? '',
      ],
      { DESKPILOT_DATA_DIR: dataDir, DESKPILOT_PASSWORD: phone.adminPassword },
    );
    expect(added.code, added.stderr).toBe(0);
  }
});
afterAll(async () => {
  await simulator.close();
  await rm(dataDir, { recursive: true, force: true });
});

interface WatchLine {
  type: string;
  phoneId?: string;
  phone?: string;
  call?: { remoteNumber: string };
  count?: number;
}

/** Runs `deskpilot watch --all` in this process, collecting its lines until `stop()`. */
function watchAll(args: string[] = []) {
  const lines: WatchLine[] = [];
  let stderr = '';
  let buffer = '';
  const abort = new AbortController();
  const exit = runCli(
    ['watch', '--all', ...args],
    { DESKPILOT_DATA_DIR: dataDir },
    {
      stdout: {
        write: (text: string) => {
          buffer += text;
          const parts = buffer.split('\n');
          buffer = parts.pop() ?? '';
          for (const part of parts) lines.push(JSON.parse(part) as WatchLine);
        },
      },
      stderr: { write: (text: string) => (stderr += text) },
    },
    abort.signal,
  );
  const waitFor = async (match: (line: WatchLine) => boolean): Promise<WatchLine> => {
    for (let tries = 0; tries < 400; tries += 1) {
      const found = lines.find(match);
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`no matching line; got ${JSON.stringify(lines)} ${stderr}`);
  };
  return { lines, waitFor, exit, stop: () => abort.abort(), stderr: () => stderr };
}

describe('deskpilot watch --all', { timeout: 60_000 }, () => {
  it('prints a snapshot per phone, then events naming the phone, until stopped', async () => {
    const watch = watchAll();
    for (const name of NAMES) {
      await watch.waitFor((line) => line.type === 'snapshot' && line.phone === name);
    }
    const snapshots = watch.lines.filter((line) => line.type === 'snapshot');
    expect(snapshots).toHaveLength(NAMES.length);
    expect(new Set(snapshots.map((line) => line.phoneId)).size).toBe(NAMES.length);

    const lobby = simulator.phones[2];
    if (lobby === undefined) throw new Error('no third phone');
    await phoneControl(lobby, simulator.controlToken).ring('5550142', 'Ada');
    const ringing = await watch.waitFor(
      (line) => line.type === 'incoming-call' && line.call?.remoteNumber === '5550142',
    );
    expect(ringing.phone).toBe('Lobby');
    expect(ringing.phoneId).toBe(snapshots[2]?.phoneId);

    watch.stop();
    expect(await watch.exit).toBe(0);
  });

  it('refuses --all with one phone named, or with another command', async () => {
    const named = await runInProcess(['watch', '--all', '--phone', 'Lobby'], {
      DESKPILOT_DATA_DIR: dataDir,
    });
    expect(named.code).toBe(2);
    expect(named.stderr).toMatch(/every configured phone: leave out --phone/);
    const other = await runInProcess(['calls', '--all'], { DESKPILOT_DATA_DIR: dataDir });
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/--all goes only with watch/);
  });
});

describe('watch output to a slow reader', () => {
  /** A stream that takes `room` lines, then says it is full until `drain()` empties it. */
  function slowSink(room: number) {
    const written: string[] = [];
    let left = room;
    let onDrain: (() => void) | null = null;
    return {
      written,
      write(text: string) {
        written.push(text);
        left -= 1;
        return left > 0;
      },
      once(_event: 'drain', listener: () => void) {
        onDrain = listener;
      },
      drain() {
        left = Infinity;
        const wake = onDrain;
        onDrain = null;
        wake?.();
      },
    };
  }

  it('holds lines while the reader is behind and writes them in order once it catches up', () => {
    const sink = slowSink(2);
    const lines = new EventLines(sink, () => expect.unreachable('nothing was dropped'), 10);
    for (let index = 0; index < 6; index += 1) lines.push({ index });
    expect(sink.written).toHaveLength(2);
    sink.drain();
    expect(sink.written.map((text) => (JSON.parse(text) as { index: number }).index)).toEqual([
      0, 1, 2, 3, 4, 5,
    ]);
  });

  it('drops what goes past the bound and says how many once the reader catches up', () => {
    const sink = slowSink(1);
    const caughtUp: number[] = [];
    const lines = new EventLines(sink, (dropped) => caughtUp.push(dropped), 3);
    for (let index = 0; index < 10; index += 1) lines.push({ index });
    // One written, three held, six dropped: memory does not grow with a stuck reader.
    expect(sink.written).toHaveLength(1);
    sink.written.length = 0;
    sink.drain();
    expect(sink.written).toHaveLength(3);
    expect(caughtUp).toEqual([6]);
  });
});
