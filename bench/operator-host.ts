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

export type HostRequest = HostStart | HostWindow | { type: 'stop' };

/** What the host measured about itself over a window. */
export interface HostFigures {
  cpuPercent: number;
  rssMiB: number;
}

export type HostReport =
  | { type: 'sign-in'; url: string }
  /** Every configured phone online with its events working (or the timeout): how many were. */
  | { type: 'online'; online: number; working: number; phones: number }
  | ({ type: 'window' } & HostFigures);

function report(message: HostReport): void {
  process.send?.(message);
}

/**
 * Reports once every phone is online with its events working (or the timeout passed), followed
 * through the core's events: reading 1,000 snapshots over and over would cost the very CPU the
 * phones need to connect.
 */
function announceOnline(core: Core): void {
  const phones = core.phones.list().map(({ id }) => id);
  const online = new Set<string>();
  const working = new Set<string>();
  for (const id of phones) {
    const snapshot = core.phones.snapshot(id);
    if (snapshot.status.health === 'online') online.add(id);
    if (snapshot.push.phase === 'working') working.add(id);
  }
  const done = () => {
    unsubscribe();
    clearTimeout(timer);
    report({ type: 'online', online: online.size, working: working.size, phones: phones.length });
  };
  const unsubscribe = core.subscribe('phone', (event) => {
    if (event.type === 'phone-status') {
      if (event.status.health === 'online') online.add(event.phoneId);
      else online.delete(event.phoneId);
    } else if (event.type === 'push-status') {
      if (event.push.phase === 'working') working.add(event.phoneId);
      else working.delete(event.phoneId);
    } else {
      return;
    }
    if (online.size === phones.length && working.size === phones.length) done();
  });
  const timer = setTimeout(done, ONLINE_TIMEOUT_MS);
  if (online.size === phones.length && working.size === phones.length) done();
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
  announceOnline(core);
}

process.once('message', (message: HostRequest) => {
  if (message.type !== 'start') return;
  serve(message).catch((error: unknown) => {
    process.stderr.write(`host: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
});
