/**
 * Measurement 10 (bench/README.md): the operator view with 1,000 HTTPS simulator phones whose
 * instant call events are on — the browser host in a process of its own (bench/operator-host.ts),
 * the real UI in Debian's Chromium (playwright-core) — each figure beside a baseline of the same
 * run: the host and the view with one phone, the fleet idle, and the same rings' banner.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import {
  chromium,
  type Browser,
  type BrowserContext,
  type CDPSession,
  type Page,
} from 'playwright-core';

import { ensureUiBuilt } from '../scripts/dev-build';
import { phoneControl, startSimulatorProcess, type Simulator } from '../src/simulator';
import type { HostFigures, HostReport, HostRequest } from './operator-host';
import { startChurn, type ChurnCount } from './operator-churn';
import { fleetPosition, freePort, seedFleet } from './operator-fleet';
import {
  frameTimes,
  jsHeapMiB,
  preparePage,
  showView,
  ringDelay,
  type RingSign,
  visibleTiles,
  waitAllShown,
  watchRing,
} from './operator-page';
import { fixed, percentile, ratio, since, sleep, type RatioRow } from './figures';

const PHONES = 1000;
const CHURN_PER_SECOND = 50;
/**
 * Phones the churn takes turns with: each changes state every three seconds, so its connection
 * stays open (the simulator closes one idle for 5 s; 300 phones every 6 s reconnect for each
 * step, and the handshakes time out on a loaded machine).
 */
const CHURN_POOL = 150;
/** Of the churn's phones, at most this many are in sight in the grid. */
const CHURN_IN_SIGHT = 30;
const RINGS = 20;
const WINDOW_MS = 15_000;
/** Time left for the view and the host to settle before a window is measured. */
const WARM_UP_MS = 3000;
/** A frame this long is one a person notices (the RAIL model's 50 ms of main-thread work). */
const LONG_FRAME_MS = 50;
/** How long the view may take to show every phone once the core has them all. */
const SHOWN_TIMEOUT_MS = 60_000;
const CHROMIUM = process.env.DESKPILOT_CHROMIUM ?? '/usr/bin/chromium';

/** One message from the host process and when it arrived (this process's clock). */
interface Arrival {
  report: HostReport;
  at: number;
}

/** The browser host in its own process, as measurement 10 drives it. */
class HostProcess {
  private readonly arrived: Arrival[] = [];
  private readonly waiters: {
    type: HostReport['type'];
    resolve: (arrival: Arrival) => void;
    reject: (error: Error) => void;
  }[] = [];
  private exited: Error | null = null;
  readonly startedAt = performance.now();

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (report: HostReport) => {
      const arrival = { report, at: performance.now() };
      const index = this.waiters.findIndex((waiter) => waiter.type === report.type);
      if (index === -1) this.arrived.push(arrival);
      else this.waiters.splice(index, 1)[0]?.resolve(arrival);
    });
    child.once('exit', (code) => {
      this.exited = new Error(`the host process exited (${code})`);
      for (const waiter of this.waiters.splice(0)) waiter.reject(this.exited);
    });
  }

  /** Forks the host and has it serve `dataDir` (the phones already written there). */
  static start(dataDir: string, pushPort: number): HostProcess {
    const child = fork(fileURLToPath(new URL('./operator-host.ts', import.meta.url)), {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const host = new HostProcess(child);
    host.send({ type: 'start', dataDir, pushPort });
    return host;
  }

  /** The next report of `type`, with when it arrived. */
  next(type: HostReport['type']): Promise<Arrival> {
    const index = this.arrived.findIndex((arrival) => arrival.report.type === type);
    if (index !== -1) return Promise.resolve(this.arrived.splice(index, 1)[0] as Arrival);
    if (this.exited !== null) return Promise.reject(this.exited);
    return new Promise((resolve, reject) => this.waiters.push({ type, resolve, reject }));
  }

  send(request: HostRequest): void {
    this.child.send(request);
  }

  /** The host's CPU share and resident memory over the next `ms`. */
  async window(ms: number): Promise<HostFigures> {
    this.send({ type: 'window', ms });
    const { report } = await this.next('window');
    if (report.type !== 'window') throw new Error('the host answered out of turn');
    return report;
  }

  /** Closes the host; kills it if it has not exited 10 s later. */
  async stop(): Promise<void> {
    if (this.exited !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.send({ type: 'stop' });
    const timer = setTimeout(() => this.child.kill(), 10_000);
    await exited;
    clearTimeout(timer);
  }
}

/** What one window of watching cost: the host, the renderer's frames and its heap. */
interface Watched {
  host: HostFigures;
  frames: number[];
  heapPeakMiB: number;
  heapAfterGcMiB: number;
}

/** Watches the host and the page together for `ms`; the heap is sampled each second. */
async function watchWindow(host: HostProcess, page: Page, cdp: CDPSession): Promise<Watched> {
  let heapPeakMiB = 0;
  let sampling = true;
  const samples = (async () => {
    while (sampling) {
      heapPeakMiB = Math.max(heapPeakMiB, await jsHeapMiB(cdp, false));
      await sleep(1000);
    }
  })();
  const [figures, frames] = await Promise.all([
    host.window(WINDOW_MS),
    frameTimes(page, WINDOW_MS),
  ]);
  sampling = false;
  await samples;
  return { host: figures, frames, heapPeakMiB, heapAfterGcMiB: await jsHeapMiB(cdp, true) };
}

/** A page of its own, 1280×800, signed in to `host` with the one-time link it gave at start. */
async function signIn(
  browser: Browser,
  host: HostProcess,
): Promise<{ context: BrowserContext; page: Page; cdp: CDPSession }> {
  const { report } = await host.next('sign-in');
  if (report.type !== 'sign-in') throw new Error('the host answered out of turn');
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  await preparePage(page);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(report.url);
  return { context, page, cdp };
}

/** The phones the churn takes turns with: those in sight first, then others spread over the fleet. */
function churnPool(inSight: number[]): number[] {
  const pool = inSight.slice(0, CHURN_IN_SIGHT);
  const step = Math.floor(PHONES / (CHURN_POOL - pool.length));
  for (let position = PHONES - 1; pool.length < CHURN_POOL && position >= 0; position -= step) {
    if (!pool.includes(position)) pool.push(position);
  }
  return pool;
}

/** Ring delays in ms, each sign's own; `missed`: rings not seen within the watch's timeout. */
interface RingFigures {
  tile: number[];
  banner: number[];
  missed: Record<RingSign, number>;
}

/**
 * Rings phones in sight one at a time: half the rings to the phone's tile turning `ringing`
 * in the operator view, the other half, on the same phones, to the caller in the banner the
 * other views show (the operator view leaves it out: its tiles ring themselves).
 */
async function measureRings(page: Page, simulator: Simulator): Promise<RingFigures> {
  const inSight = await visibleTiles(page);
  const figures: RingFigures = { tile: [], banner: [], missed: { tile: 0, banner: 0 } };
  for (let ring = 0; ring < RINGS; ring += 1) {
    const sign: RingSign = ring < RINGS / 2 ? 'tile' : 'banner';
    if (ring === RINGS / 2) await showView(page, 'Calls');
    const phoneId = inSight[(ring % (RINGS / 2)) % inSight.length];
    const phone = phoneId === undefined ? undefined : simulator.phones[fleetPosition(phoneId)];
    if (phoneId === undefined || phone === undefined) throw new Error('no tile is in sight');
    const control = phoneControl(phone, simulator.controlToken);
    const caller = `Bench caller ${ring + 1}`;
    await sleep(300 + Math.random() * 500);
    const watch = await watchRing(page, sign, phoneId, caller);
    const start = performance.now();
    let delay = Number.NaN;
    try {
      const handle = await control.ring(`55577${String(ring).padStart(2, '0')}`, caller);
      delay = await ringDelay(watch, start);
      await control.remote(handle, 'hangup');
    } catch {
      // A ring the loaded simulator did not carry out counts as not seen; the next one goes on.
      await watch.dispose();
    }
    if (Number.isNaN(delay)) figures.missed[sign] += 1;
    else figures[sign].push(delay);
  }
  await showView(page, 'Operator');
  return figures;
}

/** How long the phones took to show: in the view (every tile swept past) and in the core. */
interface Loaded {
  allShownMs: number;
  shown: number;
  coreOnlineMs: number;
  online: number;
  working: number;
}

/** A host serving every phone of a simulator, its operator view open in a signed-in page. */
interface Running {
  simulator: Simulator;
  host: HostProcess;
  page: Page;
  cdp: CDPSession;
  loaded: Loaded;
}

/**
 * Starts `phones` simulator phones, writes them into a fresh data folder, starts the host on
 * it, opens the operator view and waits until it shows every phone; then runs `work`.
 */
async function withFleet<T>(
  browser: Browser,
  phones: number,
  progress: (text: string) => void,
  work: (running: Running) => Promise<T>,
): Promise<T> {
  const simulator = await startSimulatorProcess({ phones, https: true, port: 0 });
  const dataDir = await mkdtemp(join(tmpdir(), 'deskpilot-bench-operator-'));
  let host: HostProcess | null = null;
  let context: BrowserContext | null = null;
  try {
    const pushPort = await freePort();
    await seedFleet(dataDir, simulator, pushPort);
    const started = HostProcess.start(dataDir, pushPort);
    host = started;
    const online = started.next('online');
    // Awaited below; a failure before then must not end the run as an unhandled rejection.
    online.catch(() => undefined);
    const signedIn = await signIn(browser, started);
    ({ context } = signedIn);
    const { page, cdp } = signedIn;
    await showView(page, 'Operator');
    // The grid is swept only once the core has every phone: sweeping all along would load the
    // machine the phones are connecting on.
    const { report, at } = await online;
    if (report.type !== 'online') throw new Error('the host answered out of turn');
    const shown = await waitAllShown(page, SHOWN_TIMEOUT_MS);
    const allShownMs = since(started.startedAt);
    const loaded: Loaded = {
      allShownMs,
      shown,
      coreOnlineMs: at - started.startedAt,
      online: report.online,
      working: report.working,
    };
    progress(`  the view: ${loadText(loaded, 'view')}; the core: ${loadText(loaded, 'core')}`);
    await sleep(WARM_UP_MS);
    return await work({ simulator, host: started, page, cdp, loaded });
  } finally {
    await context?.close();
    await host?.stop();
    await simulator.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** The view with one phone, idle: the baseline of what a thousand cost. */
interface OnePhone {
  loaded: Loaded;
  idle: Watched;
}

/** What the fleet run measured. */
interface FleetRun {
  loaded: Loaded;
  idle: Watched;
  rings: RingFigures;
  churning: Watched;
  churn: ChurnCount;
}

/** The fleet idle, rung in sight, then changing state `CHURN_PER_SECOND` phones a second. */
async function measureFleetRun(
  { simulator, host, page, cdp, loaded }: Running,
  progress: (text: string) => void,
): Promise<FleetRun> {
  progress('10c/10 idle, then rings to tiles in sight');
  const idle = await watchWindow(host, page, cdp);
  const rings = await measureRings(page, simulator);
  progress(`10d/10 ${CHURN_PER_SECOND} phones changing state each second`);
  const inSight = (await visibleTiles(page)).map(fleetPosition);
  const churn = startChurn(simulator, churnPool(inSight), CHURN_PER_SECOND);
  let churning: Watched;
  let count: ChurnCount;
  try {
    await sleep(WARM_UP_MS);
    churning = await watchWindow(host, page, cdp);
  } finally {
    count = await churn.stop();
  }
  // Said apart from the table: a phone's words would stretch its first column past any screen.
  if (count.firstFailure !== undefined) progress(`  first failed change: ${count.firstFailure}`);
  return { loaded, idle, rings, churning, churn: count };
}

function frameText(frames: number[]): string {
  const long = frames.filter((gap) => gap > LONG_FRAME_MS).length;
  return (
    `${fixed(percentile(frames, 0.5), 1)} / ${fixed(percentile(frames, 0.95), 1)} / ` +
    `${fixed(Math.max(...frames), 0)} ms, ${long} long`
  );
}

function ringText(rings: RingFigures, sign: RingSign): string {
  const values = rings[sign];
  const missed = rings.missed[sign];
  return (
    `${fixed(percentile(values, 0.5), 0)} / ${fixed(percentile(values, 0.95), 0)} ms` +
    (missed > 0 ? ` (${missed} not seen)` : '')
  );
}

function loadText(loaded: Loaded, what: 'view' | 'core'): string {
  return what === 'view'
    ? `${fixed(loaded.allShownMs / 1000, 1)} s (${loaded.shown} shown)`
    : `${fixed(loaded.coreOnlineMs / 1000, 1)} s (${loaded.online} online, ${loaded.working} events working)`;
}

/** The table rows: each figure of the fleet beside its baseline. */
function rows(one: OnePhone, run: FleetRun): RatioRow[] {
  const { idle, churning, rings, churn, loaded } = run;
  const rate = churn.steps / Math.max(1, churn.seconds);
  const changing = `${CHURN_PER_SECOND} phones changing state a second`;
  return [
    {
      measurement: `10a. host start -> the view shows all ${PHONES} phones' states (grid swept) vs 1 phone`,
      figure: loadText(loaded, 'view'),
      baseline: loadText(one.loaded, 'view'),
      ratio: ratio(loaded.allShownMs, one.loaded.allShownMs),
    },
    {
      measurement: `10b. host start -> the view shows all ${PHONES} vs the host's core has them online`,
      figure: loadText(loaded, 'view'),
      baseline: loadText(loaded, 'core'),
      ratio: ratio(loaded.allShownMs, loaded.coreOnlineMs),
    },
    {
      measurement: `10c. ring -> its tile ringing, p50 / p95 (${RINGS / 2} rings in sight) vs -> caller in the banner of the Calls view (${RINGS / 2})`,
      figure: ringText(rings, 'tile'),
      baseline: ringText(rings, 'banner'),
      ratio: ratio(percentile(rings.tile, 0.95), percentile(rings.banner, 0.95)),
    },
    {
      measurement: `10d. host resident memory: ${PHONES} phones idle vs 1 phone`,
      figure: `${fixed(idle.host.rssMiB, 0)} MiB`,
      baseline: `${fixed(one.idle.host.rssMiB, 0)} MiB`,
      ratio: ratio(idle.host.rssMiB, one.idle.host.rssMiB),
    },
    {
      measurement: `10e. host resident memory: ${changing} vs idle`,
      figure: `${fixed(churning.host.rssMiB, 0)} MiB`,
      baseline: `${fixed(idle.host.rssMiB, 0)} MiB`,
      ratio: ratio(churning.host.rssMiB, idle.host.rssMiB),
    },
    {
      measurement: `10f. host CPU share of one core over ${WINDOW_MS / 1000} s: ${PHONES} phones idle vs 1 phone`,
      figure: `${fixed(idle.host.cpuPercent, 1)} %`,
      baseline: `${fixed(one.idle.host.cpuPercent, 1)} %`,
      ratio: ratio(idle.host.cpuPercent, one.idle.host.cpuPercent),
    },
    {
      measurement: `10g. host CPU share: ${changing} vs idle`,
      figure: `${fixed(churning.host.cpuPercent, 1)} %`,
      baseline: `${fixed(idle.host.cpuPercent, 1)} %`,
      ratio: ratio(churning.host.cpuPercent, idle.host.cpuPercent),
    },
    {
      measurement: `10h. renderer JS heap after a full collection: ${PHONES} phones idle vs 1 phone`,
      figure: `${fixed(idle.heapAfterGcMiB, 1)} MiB`,
      baseline: `${fixed(one.idle.heapAfterGcMiB, 1)} MiB`,
      ratio: ratio(idle.heapAfterGcMiB, one.idle.heapAfterGcMiB),
    },
    {
      measurement: `10i. renderer JS heap, peak (after a collection): ${changing} vs idle`,
      figure: `${fixed(churning.heapPeakMiB, 1)} (${fixed(churning.heapAfterGcMiB, 1)}) MiB`,
      baseline: `${fixed(idle.heapPeakMiB, 1)} (${fixed(idle.heapAfterGcMiB, 1)}) MiB`,
      ratio: ratio(churning.heapPeakMiB, idle.heapPeakMiB),
    },
    {
      measurement: `10j. frame time p50 / p95 / max, frames over ${LONG_FRAME_MS} ms: ${PHONES} phones idle vs 1 phone (p95)`,
      figure: frameText(idle.frames),
      baseline: frameText(one.idle.frames),
      ratio: ratio(percentile(idle.frames, 0.95), percentile(one.idle.frames, 0.95)),
    },
    {
      measurement: `10k. frame time: ${changing} vs idle (p95)`,
      figure: frameText(churning.frames),
      baseline: frameText(idle.frames),
      ratio: ratio(percentile(churning.frames, 0.95), percentile(idle.frames, 0.95)),
    },
    {
      measurement:
        `10l. state changes driven a second (ring, answer, hang-up; ${churn.late} late, ` +
        `${churn.failed} failed)`,
      figure: `${fixed(rate, 1)} / s`,
      baseline: `${CHURN_PER_SECOND} / s asked`,
      ratio: ratio(rate, CHURN_PER_SECOND),
    },
  ];
}

/** Measurement 10: the one-phone baseline, then the fleet. */
export async function measureOperator(progress: (text: string) => void): Promise<RatioRow[]> {
  await ensureUiBuilt();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  try {
    progress('10a/10 the host and the operator view with one phone');
    const one = await withFleet(browser, 1, progress, async ({ host, page, cdp, loaded }) => ({
      loaded,
      idle: await watchWindow(host, page, cdp),
    }));
    progress(`10b/10 host start until the view shows all ${PHONES} phones`);
    const run = await withFleet(browser, PHONES, progress, (running) =>
      measureFleetRun(running, progress),
    );
    return rows(one, run);
  } finally {
    await browser.close();
  }
}
