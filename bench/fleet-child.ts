/**
 * One fleet measurement in a process of its own (so memory from another run never counts):
 * `node --import tsx bench/fleet-child.ts` receives `{phones, push}` over IPC, watches that
 * many HTTPS simulator phones (in a further child process), polling only or with their events
 * on and trusted, and sends back what it cost once all were online.
 */
import { randomBytes } from 'node:crypto';

import { PushReceiver } from '../src/main/push/push-receiver';
import type { PhoneSession } from '../src/main/session/phone-session';
import { startSimulatorProcess } from '../src/simulator';
import { startSession, waitOnline } from './bench-session';
import { inBatches, since, sleep } from './figures';

const WINDOW_MS = 30_000;

export interface FleetRequest {
  phones: number;
  push: boolean;
}

export interface FleetFigures {
  online: number;
  rssMiB: number;
  /** After a full garbage collection: what the process holds on to. */
  rssAfterGcMiB: number;
  heapAfterGcMiB: number;
  cpuPercent: number;
}

/** Node's collector, exposed by the parent's `--expose-gc`. */
function collectGarbage(): void {
  const gc: unknown = Reflect.get(globalThis, 'gc');
  if (typeof gc === 'function') gc();
}

/** Turns a session's events on (trusted), trying again when the busy phone did not answer. */
async function turnOn(session: PhoneSession, receiver: PushReceiver): Promise<void> {
  const subscription = {
    inbox: receiver,
    token: randomBytes(24).toString('base64url'),
    proven: true,
  };
  for (let attempt = 1; ; attempt += 1) {
    try {
      await session.push.turnOn(await session.push.prepare(subscription), subscription);
      await session.push.checked();
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
      await sleep(1000);
    }
  }
}

async function measure({ phones, push }: FleetRequest): Promise<FleetFigures> {
  const simulator = await startSimulatorProcess({ phones, https: true, port: 0 });
  const receiver = new PushReceiver({ port: 0, fallback: true, log: () => undefined });
  const sessions: PhoneSession[] = simulator.phones.map((phone) => startSession(phone));
  try {
    const statuses = await Promise.allSettled(sessions.map((s) => waitOnline(s, 120_000)));
    const online = statuses.filter((status) => status.status === 'fulfilled').length;
    if (push) await inBatches(sessions, 20, (session) => turnOn(session, receiver));
    await sleep(5000);
    const cpuStart = process.cpuUsage();
    const wallStart = performance.now();
    await sleep(WINDOW_MS);
    const cpu = process.cpuUsage(cpuStart);
    const cpuPercent = ((cpu.user + cpu.system) / 1000 / since(wallStart)) * 100;
    const memory = process.memoryUsage();
    collectGarbage();
    const collected = process.memoryUsage();
    const working = push
      ? sessions.filter((session) => session.push.status().phase === 'working').length
      : online;
    return {
      online: Math.min(online, working),
      rssMiB: memory.rss / 2 ** 20,
      rssAfterGcMiB: collected.rss / 2 ** 20,
      heapAfterGcMiB: collected.heapUsed / 2 ** 20,
      cpuPercent,
    };
  } finally {
    await Promise.all(sessions.map((session) => session.stop()));
    await receiver.close();
    await simulator.close();
  }
}

process.once('message', (message) => {
  measure(message as FleetRequest).then(
    (figures) => process.send?.(figures, () => process.disconnect()),
    (error: unknown) => {
      process.stderr.write(`fleet: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
});
