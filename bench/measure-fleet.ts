/**
 * Measurement 5 (bench/README.md): one process watching 200 simulated phones (HTTPS, default poll
 * intervals, phones in a separate process): resident memory and CPU share once all are online.
 */
import type { PhoneSession } from '../src/main/session/phone-session';
import { startSimulatorProcess } from '../src/simulator';
import { startSession, waitOnline } from './bench-session';
import { fixed, since, sleep, type Row } from './figures';

const PHONES = 200;
const WINDOW_MS = 20_000;

/** Starts 200 sessions, waits for them, then samples CPU and memory over WINDOW_MS. */
export async function measureFleet(): Promise<Row[]> {
  const simulator = await startSimulatorProcess({ phones: PHONES, https: true, port: 0 });
  const rssBefore = process.memoryUsage().rss;
  const sessions: PhoneSession[] = simulator.phones.map((phone) => startSession(phone));
  try {
    const statuses = await Promise.allSettled(
      sessions.map((session) => waitOnline(session, 60_000)),
    );
    const online = statuses.filter((status) => status.status === 'fulfilled').length;
    await sleep(3000);
    const cpuStart = process.cpuUsage();
    const wallStart = performance.now();
    await sleep(WINDOW_MS);
    const cpu = process.cpuUsage(cpuStart);
    const share = ((cpu.user + cpu.system) / 1000 / since(wallStart)) * 100;
    const memory = process.memoryUsage();
    return [
      {
        measurement: `5a. ${PHONES} phones watched by one process: phones online`,
        figure: `${online} / ${PHONES}`,
        target: 'report',
        verdict: online === PHONES ? 'all online' : 'SOME OFFLINE',
      },
      {
        measurement: '5b. resident memory (whole process / added by the sessions)',
        figure: `${fixed(memory.rss / 2 ** 20, 0)} MiB / ${fixed((memory.rss - rssBefore) / 2 ** 20, 0)} MiB (heap ${fixed(memory.heapUsed / 2 ** 20, 0)} MiB)`,
        target: 'report',
        verdict: 'reported',
      },
      {
        measurement: `5c. CPU share of one core over ${WINDOW_MS / 1000} s (user+system)`,
        figure: `${fixed(share, 1)} %`,
        target: 'report',
        verdict: 'reported',
      },
    ];
  } finally {
    await Promise.all(sessions.map((session) => session.stop()));
    await simulator.close();
  }
}
