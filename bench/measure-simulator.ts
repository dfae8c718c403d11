/**
 * Measurement 6 (bench/README.md): how long the simulator takes to start 200 phones over HTTP in
 * this process — the first start (which reads the parameter catalogue) and the median of five
 * more — against 200 bare node:http servers listening on 127.0.0.1 in the same run.
 */
import { createServer, type Server } from 'node:http';

import { startSimulator } from '../src/simulator';
import { fixed, percentile, since, type Row } from './figures';

const PHONES = 200;
const ROUNDS = 5;

async function timeSimulator(): Promise<number> {
  const start = performance.now();
  const simulator = await startSimulator({ phones: PHONES, port: 0 });
  const elapsed = since(start);
  await simulator.close();
  return elapsed;
}

async function timeBareServers(): Promise<number> {
  const start = performance.now();
  const servers = await Promise.all(
    Array.from(
      { length: PHONES },
      () =>
        new Promise<Server>((resolve) => {
          const server = createServer((_, res) => res.end());
          server.listen(0, '127.0.0.1', () => resolve(server));
        }),
    ),
  );
  const elapsed = since(start);
  await Promise.all(servers.map((server) => new Promise((done) => server.close(done))));
  return elapsed;
}

/** Starts 200 phones once cold and five times warm, interleaved with the bare baseline. */
export async function measureSimulatorStart(): Promise<Row[]> {
  const first = await timeSimulator();
  const warm: number[] = [];
  const bare: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    bare.push(await timeBareServers());
    warm.push(await timeSimulator());
  }
  const baseline = percentile(bare, 0.5);
  const median = percentile(warm, 0.5);
  return [
    {
      measurement: `6a. start ${PHONES} simulated phones over HTTP, first start (catalogue read)`,
      figure: `${fixed(first, 0)} ms (${fixed(first / baseline, 1)}x bare)`,
      target: 'report',
      verdict: 'reported',
    },
    {
      measurement: `6b. start ${PHONES} simulated phones, median of ${ROUNDS} / ${PHONES} bare servers`,
      figure: `${fixed(median, 0)} ms / ${fixed(baseline, 0)} ms (${fixed(median / baseline, 1)}x)`,
      target: 'report',
      verdict: 'reported',
    },
  ];
}
