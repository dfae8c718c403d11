/**
 * Measurement 9 (bench/README.md): 1,000 HTTPS phones watched by one process, polling only and
 * with their events on, each run in a fresh process (bench/fleet-child.ts): resident memory and
 * CPU share of one core over 30 s once every phone is online (and its events trusted).
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import type { FleetFigures, FleetRequest } from './fleet-child';
import { fixed, verdict, type PairRow } from './figures';

const PHONES = 1000;

function runFleet(request: FleetRequest): Promise<FleetFigures> {
  const child = fork(fileURLToPath(new URL('./fleet-child.ts', import.meta.url)), {
    execArgv: ['--import', 'tsx', '--expose-gc'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the fleet process exited (${code})`)));
    child.once('message', (figures) => {
      child.removeAllListeners('exit');
      resolve(figures as FleetFigures);
    });
    child.send(request);
  });
}

/** Both fleets, one after the other. */
export async function measurePushFleet(progress: (text: string) => void): Promise<PairRow[]> {
  progress(`9a/10 ${PHONES} phones polled (about 1 min)`);
  const poll = await runFleet({ phones: PHONES, push: false });
  progress(`9b/10 ${PHONES} phones with events on (about 1 min)`);
  const push = await runFleet({ phones: PHONES, push: true });
  const memory = (figures: FleetFigures) =>
    `${fixed(figures.rssMiB, 0)} MiB (after GC ${fixed(figures.rssAfterGcMiB, 0)}, live heap ${fixed(figures.heapAfterGcMiB, 0)})`;
  return [
    {
      measurement: `9a. ${PHONES} phones watched by one process: online (events trusted)`,
      poll: `${poll.online} / ${PHONES}`,
      push: `${push.online} / ${PHONES}`,
      target: `${PHONES}`,
      verdict: verdict(push.online === PHONES),
    },
    {
      measurement:
        '9b. resident memory of that process (sessions add the rest to ~120 MiB of Node+tsx)',
      poll: memory(poll),
      push: memory(push),
      target: '<= 300 MiB',
      verdict: verdict(push.rssMiB <= 300),
    },
    {
      measurement: '9c. CPU share of one core over 30 s (user+system)',
      poll: `${fixed(poll.cpuPercent, 1)} %`,
      push: `${fixed(push.cpuPercent, 1)} %`,
      target: '<= 5 %',
      verdict: verdict(push.cpuPercent <= 5),
    },
  ];
}
