/**
 * Runs simulator phones in a child process of the benchmark, so the phones' work never shares an
 * event loop or a CPU budget with the client being measured (a real phone is another machine).
 * Receives the SimulatorOptions as its first IPC message, answers with the phones' details, and
 * closes everything when the parent disconnects.
 */
import { startSimulator, type Simulator, type SimulatorOptions } from '../src/simulator';

let simulator: Simulator | null = null;

process.once('message', (options: SimulatorOptions) => {
  void startSimulator(options).then((started) => {
    simulator = started;
    process.send?.({ phones: started.phones, controlToken: started.controlToken });
  });
});

process.once('disconnect', () => {
  void (simulator?.close() ?? Promise.resolve()).then(() => process.exit(0));
});
