/**
 * `npm run bench`: the measurements of bench/README.md against simulator phones started
 * here (in a child process), printed as one table of figures and ratios measured in this run.
 * About two minutes on two cores.
 */
import { startSimulatorProcess } from '../src/simulator';
import { measureActionLatency } from './measure-action';
import { measureFleet } from './measure-fleet';
import { measurePolling } from './measure-polling';
import { measureScreen } from './measure-screen';
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
    progress('1/7 client + queue overhead');
    const overhead = await measureOverhead(first);
    rows.push(...overhead.rows);
    progress('2/7 handshakes');
    rows.push(...(await measureHandshakes(second)));
    progress('3/7 polling rates and ring latency (about 40 s)');
    rows.push(
      ...(await measurePolling({ ...fast, phones: fast.phones.slice(1) }, overhead.roundTripMs)),
    );
    progress('4/7 action latency under polling, 150 ms phone');
    rows.push(...(await measureActionLatency(slowPhone)));
    progress('5/7 remote screen: capture round trip, bytes per frame, action latency');
    rows.push(...(await measureScreen(slowPhone, slow.controlToken)));
  } finally {
    await Promise.all([fast.close(), slow.close()]);
  }
  progress('6/7 200 phones in one process (about 40 s)');
  rows.push(...(await measureFleet()));
  progress('7/7 starting 200 simulated phones');
  rows.push(...(await measureSimulatorStart()));
  process.stdout.write(
    `\nDeskpilot benchmark (Node ${process.version}, ${new Date().toISOString()})\n\n${renderTable(rows)}\n`,
  );
}

await main();
