import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import type { SimulatedPhoneInfo, SimulatorOptions } from '../src/simulator';

/** Simulator phones running in a child process (see sim-child.ts). */
export interface RemoteSimulator {
  phones: SimulatedPhoneInfo[];
  controlToken: string;
  close(): Promise<void>;
}

/** Starts simulator phones in a child process and waits until they listen. */
export function startRemoteSimulator(options: SimulatorOptions): Promise<RemoteSimulator> {
  const child = fork(fileURLToPath(new URL('./sim-child.ts', import.meta.url)), {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the simulator process exited (${code})`)));
    child.once('message', (message) => {
      const started = message as { phones: SimulatedPhoneInfo[]; controlToken: string };
      resolve({
        ...started,
        close: () =>
          new Promise((done) => {
            child.removeAllListeners('exit');
            child.once('exit', () => done());
            child.disconnect();
          }),
      });
    });
    child.send(options);
  });
}
