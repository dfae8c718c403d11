/**
 * The browser host for measurement 10 in a process of its own (so its memory and CPU are its
 * own): `node --import tsx bench/operator-host.ts`, told over IPC which data folder to serve
 * (the phones already written there), answers with a sign-in link, says when the core has every
 * phone online, and measures itself over a window when asked.
 */
import { startBrowserHost } from '../src/main/browser-host/browser-host';
import { createCore, type Core } from '../src/main/core/create-core';
import { UI_DIR } from '../scripts/dev-build';
import { since, sleep } from './figures';

/** Phones still not online after this long are reported as they are. */
const ONLINE_TIMEOUT_MS = 180_000;

export interface HostStart {
  type: 'start';
  dataDir: string;
  pushPort: number;
}

export interface HostWindow {
  type: 'window';
  ms: number;
}

export type HostRequest = HostStart | HostWindow | { type: 'sign-in' } | { type: 'stop' };

/** What the host measured about itself over a window. */
export interface HostFigures {
  cpuPercent: number;
  rssMiB: number;
}

export type HostReport =
  | { type: 'sign-in'; url: string }
  /** Every configured phone online (or the timeout), `online` of `phones`, events working. */
  | { type: 'online'; online: number; working: number; phones: number }
  | ({ type: 'window' } & HostFigures);

function report(message: HostReport): void {
  process.send?.(message);
}

/** How many phones the core has online, and with their events trusted and working. */
function count(core: Core): { online: number; working: number; phones: number } {
  const phones = core.phones.list();
  let online = 0;
  let working = 0;
  for (const { id } of phones) {
    const snapshot = core.phones.snapshot(id);
    if (snapshot.status.health === 'online') online += 1;
    if (snapshot.push.phase === 'working') working += 1;
  }
  return { online, working, phones: phones.length };
}

async function announceOnline(core: Core): Promise<void> {
  const start = performance.now();
  let figures = count(core);
  while (figures.online < figures.phones && since(start) < ONLINE_TIMEOUT_MS) {
    await sleep(100);
    figures = count(core);
  }
  report({ type: 'online', ...figures });
}

async function measureWindow(ms: number): Promise<HostFigures> {
  const cpuStart = process.cpuUsage();
  const wallStart = performance.now();
  await sleep(ms);
  const cpu = process.cpuUsage(cpuStart);
  return {
    cpuPercent: ((cpu.user + cpu.system) / 1000 / since(wallStart)) * 100,
    rssMiB: process.memoryUsage().rss / 2 ** 20,
  };
}

async function serve({ dataDir, pushPort }: HostStart): Promise<void> {
  const core = await createCore({
    dataDir,
    demo: false,
    log: () => undefined,
    push: { port: pushPort, fallback: false },
  });
  const host = await startBrowserHost({
    core,
    rendererDir: UI_DIR,
    log: () => undefined,
  });
  process.on('message', (message: HostRequest) => {
    if (message.type === 'sign-in') report({ type: 'sign-in', url: host.signInUrl() });
    if (message.type === 'window') {
      void measureWindow(message.ms).then((figures) => report({ type: 'window', ...figures }));
    }
    if (message.type === 'stop') {
      void host
        .close()
        .then(() => core.close())
        .finally(() => process.disconnect());
    }
  });
  report({ type: 'sign-in', url: host.signInUrl() });
  await announceOnline(core);
}

process.once('message', (message: HostRequest) => {
  if (message.type !== 'start') return;
  serve(message).catch((error: unknown) => {
    process.stderr.write(`host: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
});
