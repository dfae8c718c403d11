/**
 * Measurement 3 (bench/README.md): how many requests the live poller sends an idle phone and a
 * phone in a call (per minute, default intervals), and how long an incoming ring takes to become an
 * 'incoming-call' event. Three phones are measured side by side to keep the run short.
 */
import {
  DEFAULT_POLL_INTERVAL_ACTIVE_MS,
  DEFAULT_POLL_INTERVAL_IDLE_MS,
} from '../src/main/settings/settings-schema';
import { nextEvent, startSession, waitOnline } from './bench-session';
import { fixed, percentile, since, sleep, verdict, type Row } from './figures';
import { phoneControl, statsAt, type Simulator } from '../src/simulator';

const WINDOW_MS = 30_000;
const RINGS = 10;

/** Requests per minute the phone received during `WINDOW_MS` (control requests never count). */
async function ratePerMinute(simulator: Simulator, index: number): Promise<number> {
  const before = (await statsAt(simulator, index)).totalRequests;
  await sleep(WINDOW_MS);
  const after = (await statsAt(simulator, index)).totalRequests;
  return ((after - before) * 60_000) / WINDOW_MS;
}

/** Rings the phone RINGS times and times each ring to the 'incoming-call' event. */
async function ringLatencies(simulator: Simulator, index: number): Promise<number[]> {
  const phone = simulator.phones[index];
  if (phone === undefined) throw new Error(`no simulator phone ${index}`);
  const session = startSession(phone);
  await waitOnline(session);
  const latencies: number[] = [];
  try {
    for (let ring = 0; ring < RINGS; ring += 1) {
      // A random moment in the poll cycle, as a real caller would pick.
      await sleep(Math.random() * DEFAULT_POLL_INTERVAL_IDLE_MS);
      const incoming = nextEvent(session, (event) => event.type === 'incoming-call', 15_000);
      const start = performance.now();
      await phoneControl(phone, simulator.controlToken).ring(`55500${ring}`, 'Bench caller');
      const event = await incoming;
      latencies.push(since(start));
      if (event.type === 'incoming-call') {
        const removed = nextEvent(session, (next) => next.type === 'call-removed', 15_000);
        await session.calls.reject({ handle: event.call.handle });
        await removed;
      }
    }
  } finally {
    await session.stop();
  }
  return latencies;
}

/** Runs the three side-by-side measurements on phones 0 (idle), 1 (in a call) and 2 (rings). */
export async function measurePolling(simulator: Simulator, roundTripMs: number): Promise<Row[]> {
  const [idlePhone, callPhone] = simulator.phones;
  if (idlePhone === undefined || callPhone === undefined) throw new Error('need three phones');
  const idle = startSession(idlePhone);
  const inCall = startSession(callPhone);
  await Promise.all([waitOnline(idle), waitOnline(inCall)]);
  const connected = nextEvent(
    inCall,
    (event) => event.type === 'call-changed' && event.call.state === 'Connected',
    15_000,
  );
  await inCall.calls.dial({ destination: '5551234' });
  await connected;
  const [idleRate, callRate, latencies] = await Promise.all([
    ratePerMinute(simulator, 0),
    ratePerMinute(simulator, 1),
    ringLatencies(simulator, 2),
  ]);
  await Promise.all([idle.stop(), inCall.stop()]);
  const p50 = percentile(latencies, 0.5);
  const p95 = percentile(latencies, 0.95);
  const ringTarget = DEFAULT_POLL_INTERVAL_IDLE_MS + roundTripMs;
  return [
    {
      measurement: `3a. requests/min to an idle phone (idle poll ${DEFAULT_POLL_INTERVAL_IDLE_MS} ms, ${WINDOW_MS / 1000} s window)`,
      figure: fixed(idleRate, 1),
      target: '<= 30',
      verdict: verdict(idleRate <= 30),
    },
    {
      measurement: `3b. requests/min during a call (active poll ${DEFAULT_POLL_INTERVAL_ACTIVE_MS} ms)`,
      figure: fixed(callRate, 1),
      target: '<= 90',
      verdict: verdict(callRate <= 90),
    },
    {
      measurement: `3c. ring on the phone -> 'incoming-call' event, p50 / p95 (${RINGS} rings)`,
      figure: `${fixed(p50, 0)} ms / ${fixed(p95, 0)} ms`,
      target: `p95 <= ${fixed(ringTarget, 0)} ms (idle poll + 1 round trip)`,
      verdict: verdict(p95 <= ringTarget),
    },
  ];
}
