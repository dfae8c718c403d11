/**
 * `npm run bench`: the six measurements of bench/README.md against simulator phones started
 * here (in a child process), printed as one table of figures and ratios measured in this run.
 * About two minutes on two cores.
 */
import { startSimulatorProcess } from '../src/simulator';
import { measureActionLatency } from './measure-action';
import { measureFleet } from './measure-fleet';
import { measurePolling } from './measure-polling';
import { measureSimulatorStart } from './measure-simulator';
import { measureHandshakes, measureOverhead } from './measure-transport';
import { renderTable, type Row } from './figures';

function progress(text: string): void {
  process.stderr.write(`bench: ${text}\n`);
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  const fast = await startSimulatorProcess({
    phones: 4,
    https: true,
    port: 0,
    farEndAnswerMs: 300,
  });
  const slow = await startSimulatorProcess({ phones: 1, https: true, port: 0, latencyMs: 150 });
  try {
    const [first, second] = fast.phones;
    const [slowPhone] = slow.phones;
    if (first === undefined || second === undefined || slowPhone === undefined) {
      throw new Error('the simulator did not start the phones');
    }
    progress('1/6 client + queue overhead');
    const overhead = await measureOverhead(first);
    rows.push(...overhead.rows);
    progress('2/6 handshakes');
    rows.push(...(await measureHandshakes(second)));
    progress('3/6 polling rates and ring latency (about 40 s)');
    rows.push(
      ...(await measurePolling({ ...fast, phones: fast.phones.slice(1) }, overhead.roundTripMs)),
    );
    progress('4/6 action latency under polling, 150 ms phone');
    rows.push(...(await measureActionLatency(slowPhone)));
  } finally {
    await Promise.all([fast.close(), slow.close()]);
  }
  progress('5/6 200 phones in one process (about 40 s)');
  rows.push(...(await measureFleet()));
  progress('6/6 starting 200 simulated phones');
  rows.push(...(await measureSimulatorStart()));
  process.stdout.write(
    `\nDeskpilot benchmark (Node ${process.version}, ${new Date().toISOString()})\n\n${renderTable(rows)}\n`,
  );
}

await main();
