/**
 * `npm run soak -- [--minutes N] [--sample-seconds S] [--warm-up-seconds W] [--json]`: the
 * browser host and a CLI `watch` against two simulated HTTPS phones (in a child process) whose
 * faults are re-armed on a cycle, with browser windows (another child process) sending a mixed
 * stream of requests and coming and going. Every S seconds (default 10) it samples this process
 * — the host and the core — and at the end prints the series, the growth between its first and
 * last quarter, and whether every request ended exactly once. The first W seconds of traffic
 * (default a fifth of the run, at most two minutes) are the warm-up: V8 compiles the code paths
 * the traffic takes and the allocator grows to the working set, so they are printed but not
 * counted in the growth. Exit status 0 when growth stays within 10 % and every request ended
 * once, 1 otherwise, 2 for wrong usage.
 */
import { fork } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { startBrowserHost } from '../src/main/browser-host/browser-host';
import { createCore } from '../src/main/core/create-core';
import { createDispatcher } from '../src/main/ipc/dispatcher';
import { startSimulatorProcess } from '../src/simulator';
import { startCliWatch } from './soak/cli-watch';
import { startFaultCycle } from './soak/fault-cycle';
import { canCollect, growthPercent, METRICS, takeSample, type Sample } from './soak/samples';
import type { ChildMessage, ClientsReport } from './soak/soak-protocol';
import { printReport, type SoakResult } from './soak/soak-report';

const USAGE =
  'Usage: npm run soak -- [--minutes N] [--sample-seconds S] [--warm-up-seconds W] [--json]';
/** The most any metric may grow from the first quarter of the run to the last. */
const MAX_GROWTH_PERCENT = 10;

interface SoakOptions {
  minutes: number;
  sampleSeconds: number;
  warmUpSeconds: number;
  json: boolean;
}

function options(): SoakOptions {
  const { values } = parseArgs({
    options: {
      minutes: { type: 'string', default: '10' },
      'sample-seconds': { type: 'string', default: '10' },
      'warm-up-seconds': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const minutes = Number(values.minutes);
  const sampleSeconds = Number(values['sample-seconds']);
  const warmUpSeconds = Number(values['warm-up-seconds'] ?? Math.min(120, minutes * 12));
  if (!(minutes > 0) || !(sampleSeconds > 0) || !(warmUpSeconds >= 0)) throw new Error(USAGE);
  if (warmUpSeconds >= minutes * 60)
    throw new Error(`The warm-up must be shorter than the run.\n${USAGE}`);
  return { minutes, sampleSeconds, warmUpSeconds, json: values.json };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

async function soak(options: SoakOptions): Promise<SoakResult> {
  const { minutes, sampleSeconds, warmUpSeconds } = options;
  const durationMs = minutes * 60_000;
  const startedAt = Date.now();
  const sim = await startSimulatorProcess({
    phones: 2,
    https: true,
    port: 0,
    farEndAnswerMs: 300,
    rebootMs: 3000,
  });
  const dataDir = await mkdtemp(join(tmpdir(), 'deskpilot-soak-'));
  const failures: string[] = [];
  const log = (line: string): void => void (failures.length < 20 && failures.push(line));
  const core = await createCore({ dataDir, demo: false, log });
  const dispatcher = createDispatcher(core, log);
  const phoneIds: string[] = [];
  for (const [index, phone] of sim.phones.entries()) {
    const added = await dispatcher.call('phones.add', {
      name: `Soak ${index + 1}`,
      url: phone.url,
      username: phone.username,
      password: phone.adminPassword,
      acceptFingerprint: phone.fingerprint ?? undefined,
    });
    if (!added.ok) throw new Error(added.error.message);
    phoneIds.push(added.value.id);
    await dispatcher.call('phones.update', {
      phoneId: added.value.id,
      pollIntervalIdleMs: 1000,
      pollIntervalActiveMs: 250,
    });
  }
  const host = await startBrowserHost({ core, rendererDir: join(dataDir, 'no-ui'), log });
  const watch = startCliWatch(sim.phones[0] ?? fail('no phone'), join(dataDir, 'cli'));
  // The watch connects while the phones are well (a command meeting a busy phone gives up);
  // from then on it must ride out everything.
  if (!(await watch.ready(60_000))) throw new Error('the CLI watch did not start');
  await pause(2000);
  const atRestBefore = takeSample(startedAt);
  const clients = fork(fileURLToPath(new URL('./soak/soak-clients.ts', import.meta.url)), {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const reported = new Promise<ClientsReport>((resolve) =>
    clients.on('message', (message: ChildMessage) => {
      if (message.type === 'want-link') clients.send({ type: 'link', link: host.signInUrl() });
      else resolve(message.report);
    }),
  );
  clients.send({
    type: 'start',
    port: host.port,
    phoneIds,
    users: 3,
    lifetimeMs: clamp(durationMs / 10, 3000, 40_000),
  });
  const faults = startFaultCycle(
    sim,
    clamp(durationMs / 16, 2000, 15_000),
    clamp(durationMs / 20, 2000, 12_000),
  );

  const warmUp: Sample[] = [];
  const samples: Sample[] = [];
  const watchRss: number[] = [watch.rssMB()];
  const trafficFrom = Date.now();
  const sampler = setInterval(() => {
    const sample = takeSample(startedAt);
    const warming = Date.now() - trafficFrom < warmUpSeconds * 1000;
    (warming ? warmUp : samples).push(sample);
    watchRss.push(watch.rssMB());
    process.stderr.write(
      `soak: ${sample.atS} s${warming ? ' (warm-up)' : ''}, RSS ${sample.rssMB.toFixed(1)} MB\n`,
    );
  }, sampleSeconds * 1000);
  await pause(durationMs + 100);
  clearInterval(sampler);

  clients.send({ type: 'stop' });
  const requests = await reported;
  clients.disconnect();
  await faults.stop();
  // Back at rest: the phones well again (a reboot takes 3 s) and polled, no window open.
  await pause(8000);
  const atRestAfter = takeSample(startedAt);
  const cli = await watch.stop();
  await host.close();
  await core.close();
  await sim.close();
  await rm(dataDir, { recursive: true, force: true });
  return {
    minutes,
    sampleSeconds,
    warmUpSeconds,
    warmUp,
    samples,
    atRest: { before: atRestBefore, after: atRestAfter },
    growth: Object.fromEntries(METRICS.map((metric) => [metric, growthPercent(samples, metric)])),
    requests,
    faults: {
      armed: Object.fromEntries(faults.armed),
      rings: faults.rings,
      ringsRefused: faults.ringsRefused,
      errors: faults.errors,
    },
    cli: { lines: Object.fromEntries(watch.lines), ...cli, rssMB: watchRss },
    failures,
  };
}

function fail(message: string): never {
  throw new Error(message);
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = options();
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
    return;
  }
  if (!canCollect()) {
    process.stderr.write(`Run with node --expose-gc (npm run soak does).\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  const result = await soak(parsed);
  const passed = printReport(result, MAX_GROWTH_PERCENT);
  if (parsed.json) process.stdout.write(`${JSON.stringify({ ...result, passed })}\n`);
  process.exitCode = passed ? 0 : 1;
}

await main();
