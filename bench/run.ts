/**
 * `npm run bench [-- client|push|operator …]`: the measurements of bench/README.md against
 * simulator phones started here (in child processes), printed as tables measured in this run:
 * the client's figures and ratios (the remote screen's among them); polling alone and with the
 * phone's pushed events side by side with their targets; the operator view with 1,000 phones
 * against its baselines. Naming parts runs only those. About thirteen minutes on two cores.
 */
import { startSimulatorProcess } from '../src/simulator';
import { measureActionLatency } from './measure-action';
import { measureFleet } from './measure-fleet';
import { measureOperator } from './measure-operator';
import { measurePolling } from './measure-polling';
import { measurePushSideBySide } from './measure-push';
import { measurePushFleet } from './measure-push-fleet';
import { measureBannerLatency } from './measure-push-ui';
import { measureScreen } from './measure-screen';
import { measureSimulatorStart } from './measure-simulator';
import { measureHandshakes, measureOverhead } from './measure-transport';
import { renderPairTable, renderRatioTable, renderTable, type PairRow, type Row } from './figures';

const PARTS = ['client', 'push', 'operator'] as const;
type Part = (typeof PARTS)[number];

function progress(text: string): void {
  process.stderr.write(`bench: ${text}\n`);
}

/** The parts named on the command line, or all of them. */
function chosenParts(argv: string[]): Part[] {
  const unknown = argv.filter((name) => !PARTS.some((part) => part === name));
  if (unknown.length > 0) {
    throw new Error(`unknown part ${unknown.join(', ')} (the parts: ${PARTS.join(', ')})`);
  }
  return argv.length === 0 ? [...PARTS] : PARTS.filter((part) => argv.includes(part));
}

async function main(): Promise<void> {
  const parts = chosenParts(process.argv.slice(2));
  const tables: string[] = [];
  if (parts.includes('client')) {
    tables.push(`${renderTable(await measureClient())}\n`);
  }
  if (parts.includes('push')) {
    tables.push(
      `Instant call events: polling alone and with the phone's pushed events, side by side\n\n` +
        `${renderPairTable(await measurePush())}\n`,
    );
  }
  if (parts.includes('operator')) {
    tables.push(
      'The operator view, 1,000 phones with instant call events, against baselines of the same run\n\n' +
        `${renderRatioTable(await measureOperator(progress))}\n`,
    );
  }
  process.stdout.write(
    `\nDeskpilot benchmark (Node ${process.version}, ${new Date().toISOString()})\n\n${tables.join('\n')}`,
  );
}

/** Measurements 1–6: the client, its queue and transport, the remote screen, the simulator. */
async function measureClient(): Promise<Row[]> {
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
    progress('1/10 client + queue overhead');
    const overhead = await measureOverhead(first);
    rows.push(...overhead.rows);
    progress('2/10 handshakes');
    rows.push(...(await measureHandshakes(second)));
    progress('3/10 polling rates and ring latency (about 40 s)');
    rows.push(
      ...(await measurePolling({ ...fast, phones: fast.phones.slice(1) }, overhead.roundTripMs)),
    );
    progress('4/10 action latency under polling, 150 ms phone');
    rows.push(...(await measureActionLatency(slowPhone)));
    progress('4b/10 remote screen: capture round trip, bytes per frame, action latency');
    rows.push(...(await measureScreen(slowPhone, slow.controlToken)));
  } finally {
    await Promise.all([fast.close(), slow.close()]);
  }
  progress('5/10 200 phones in one process (about 40 s)');
  rows.push(...(await measureFleet()));
  progress('6/10 starting 200 simulated phones');
  rows.push(...(await measureSimulatorStart()));
  return rows;
}

/** Measurements 7–9: the two ways of watching a phone, on 150 ms phones, then 1,000 phones. */
async function measurePush(): Promise<PairRow[]> {
  const pairs: PairRow[] = [];
  const slow = await startSimulatorProcess({ phones: 8, https: true, port: 0, latencyMs: 150 });
  try {
    progress('7/10 ring, requests a minute and user actions, polling vs events (about 3 min)');
    const rows = await measurePushSideBySide(slow);
    pairs.push(...rows.figures);
    progress('8/10 ring to the banner in Chromium through the browser host (about 1 min)');
    pairs.push(await measureBannerLatency(slow, rows.readTripMs));
  } finally {
    await slow.close();
  }
  pairs.push(...(await measurePushFleet(progress)));
  return pairs;
}

await main();
