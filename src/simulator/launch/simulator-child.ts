/**
 * The child process of `startSimulatorProcess`: receives the SimulatorOptions as its first IPC
 * message, starts the phones, answers with their details, and closes everything when the parent
 * disconnects.
 */
import type { StartedMessage } from './simulator-process';
import { startSimulator, type Simulator } from './start-simulator';
import type { SimulatorOptions } from './options';

let simulator: Simulator | null = null;

process.once('message', (options: SimulatorOptions) => {
  void startSimulator(options).then((started) => {
    simulator = started;
    const message: StartedMessage = { phones: started.phones, controlToken: started.controlToken };
    process.send?.(message);
  });
});

process.once('disconnect', () => {
  void (simulator?.close() ?? Promise.resolve()).then(() => process.exit(0));
});
