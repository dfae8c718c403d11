/**
 * Simulated phones in a child process (`simulator-child.ts`), so their work never shares an event
 * loop or a CPU budget with the client being measured or tested: a real phone is another machine.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import type { SimulatorOptions } from './options';
import type { Simulator, SimulatedPhoneInfo } from './start-simulator';

/** What the child reports once its phones listen (passwords and fingerprints as at start). */
export interface StartedMessage {
  phones: SimulatedPhoneInfo[];
  controlToken: string;
}

/**
 * Starts simulator phones in a child process (run from TypeScript source with tsx) and waits
 * until they listen. `close()` ends the child and waits for it.
 */
export function startSimulatorProcess(options: SimulatorOptions): Promise<Simulator> {
  const child = fork(fileURLToPath(new URL('./simulator-child.ts', import.meta.url)), {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the simulator process exited (${code})`)));
    child.once('message', (message) => {
      const started = message as StartedMessage;
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
