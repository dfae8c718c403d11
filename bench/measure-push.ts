/**
 * Measurement 7 (bench/README.md): polling alone and with the phone's pushed events, side by side
 * against phones with 150 ms latency: ring to 'incoming-call' event, requests a minute to an idle
 * phone and to one in a call, and a user action while calls come and go, in round trips.
 */
import { Pool } from 'undici';

import { PushReceiver } from '../src/main/push/push-receiver';
import type { PhoneSession } from '../src/main/session/phone-session';
import { pinnedConnector } from '../src/main/vvx/pinned-connector';
import { phoneControl, statsAt, type SimulatedPhoneInfo, type Simulator } from '../src/simulator';
import { nextEvent, startSession, waitOnline } from './bench-session';
import { fixed, mean, percentile, since, sleep, verdict, type PairRow } from './figures';
import { startPushSession } from './push-session';

const WINDOW_MS = 60_000;
const RINGS = 12;
const ACTIONS = 80;
/** Calls come and go: one rings in every CALL_EVERY_MS for CALL_RINGS_MS, then the caller gives up. */
const CALL_EVERY_MS = 15_000;
const CALL_RINGS_MS = 3000;

type Mode = 'poll' | 'push';

function phoneAt(simulator: Simulator, index: number): SimulatedPhoneInfo {
  const phone = simulator.phones[index];
  if (phone === undefined) throw new Error(`no simulator phone ${index}`);
  return phone;
}

/** A started session of either kind, online. */
async function sessionFor(
  mode: Mode,
  phone: SimulatedPhoneInfo,
  receiver: PushReceiver,
): Promise<PhoneSession> {
  if (mode === 'push') return startPushSession(phone, receiver);
  const session = startSession(phone);
  await waitOnline(session);
  return session;
}

/** The mean of bare kept-alive round trips of one request to the phone (after two warm-ups). */
async function bareRoundTrip(
  phone: SimulatedPhoneInfo,
  request: { method: 'GET' | 'POST'; path: string; body?: string },
): Promise<number> {
  const pool = new Pool(new URL(phone.url).origin, {
    connections: 1,
    connect: pinnedConnector(phone.fingerprint, 3000),
  });
  const authorization = `Basic ${Buffer.from(`${phone.username}:${phone.adminPassword}`).toString('base64')}`;
  const times: number[] = [];
  try {
    for (let i = 0; i < 12; i += 1) {
      const start = performance.now();
      const response = await pool.request({
        ...request,
        headers: { authorization, 'content-type': 'application/json' },
      });
      await response.body.text();
      if (i >= 2) times.push(since(start));
    }
  } finally {
    await pool.close();
  }
  return mean(times);
}

/** Requests a minute the phone received during WINDOW_MS (control requests never count). */
async function ratePerMinute(simulator: Simulator, index: number): Promise<number> {
  const before = (await statsAt(simulator, index)).totalRequests;
  await sleep(WINDOW_MS);
  const after = (await statsAt(simulator, index)).totalRequests;
  return ((after - before) * 60_000) / WINDOW_MS;
}

/** A session on a phone in a connected call (for the in-call rate). */
async function inCall(session: PhoneSession): Promise<void> {
  const connected = nextEvent(
    session,
    (event) => event.type === 'call-changed' && event.call.state === 'Connected',
    30_000,
  );
  await session.calls.dial({ destination: '5551234' });
  await connected;
}

/** Rings the phone RINGS times at random moments, timing each ring to 'incoming-call'. */
async function ringLatencies(
  simulator: Simulator,
  phone: SimulatedPhoneInfo,
  session: PhoneSession,
): Promise<number[]> {
  const control = phoneControl(phone, simulator.controlToken);
  const latencies: number[] = [];
  for (let ring = 0; ring < RINGS; ring += 1) {
    // A random moment of the poll cycle, as a real caller picks.
    await sleep(500 + Math.random() * 3000);
    const incoming = nextEvent(session, (event) => event.type === 'incoming-call', 30_000);
    const start = performance.now();
    const handle = await control.ring(`55501${ring}`, 'Bench caller');
    await incoming;
    latencies.push(since(start));
    const removed = nextEvent(session, (event) => event.type === 'call-removed', 30_000);
    await control.remote(handle, 'hangup');
    await removed;
  }
  return latencies;
}

/** A user action's latencies while a call rings in every CALL_EVERY_MS and goes again. */
async function actionLatencies(
  simulator: Simulator,
  phone: SimulatedPhoneInfo,
  session: PhoneSession,
): Promise<number[]> {
  const control = phoneControl(phone, simulator.controlToken);
  let calling = true;
  const calls = (async () => {
    for (let call = 0; calling; call += 1) {
      await control.ring(`55502${call}`, 'Comes and goes', { ringMs: CALL_RINGS_MS });
      await sleep(CALL_EVERY_MS);
    }
  })();
  const latencies: number[] = [];
  try {
    for (let i = 0; i < ACTIONS; i += 1) {
      await sleep(300 + Math.random() * 1000);
      const start = performance.now();
      await session.config.setTransferType({ type: i % 2 === 0 ? 'Blind' : 'Consultative' });
      latencies.push(since(start));
    }
  } finally {
    calling = false;
    await calls;
  }
  return latencies;
}

function bothModes<T>(run: (mode: Mode, offset: number) => Promise<T>): Promise<[T, T]> {
  return Promise.all([run('poll', 0), run('push', 1)]);
}

/**
 * Runs the side-by-side measurements on `simulator` (8 phones, 150 ms latency): phones 0/1 idle,
 * 2/3 in a call, 4/5 rung, 6/7 acted on while calls come and go (even: polling, odd: push).
 */
export async function measurePushSideBySide(
  simulator: Simulator,
): Promise<{ figures: PairRow[]; readTripMs: number }> {
  const receiver = new PushReceiver({ port: 0, fallback: true, log: () => undefined });
  const sessions: PhoneSession[] = [];
  const open = async (mode: Mode, index: number) => {
    const session = await sessionFor(mode, phoneAt(simulator, index), receiver);
    sessions.push(session);
    return session;
  };
  try {
    const readTrip = await bareRoundTrip(phoneAt(simulator, 6), {
      method: 'GET',
      path: '/api/v2/webCallControl/callStatus',
    });
    const actionTrip = await bareRoundTrip(phoneAt(simulator, 6), {
      method: 'POST',
      path: '/api/v1/mgmt/transferType/set',
      body: JSON.stringify({ data: { Type: 'Blind' } }),
    });
    const [idle, call, ring] = await Promise.all([
      bothModes((mode, odd) => open(mode, 0 + odd)),
      bothModes(async (mode, odd) => {
        const session = await open(mode, 2 + odd);
        await inCall(session);
        return session;
      }),
      bothModes((mode, odd) => open(mode, 4 + odd)),
    ]);
    const [idleRates, callRates, rings] = await Promise.all([
      bothModes((_mode, odd) => ratePerMinute(simulator, 0 + odd)),
      bothModes((_mode, odd) => ratePerMinute(simulator, 2 + odd)),
      bothModes((_mode, odd) =>
        ringLatencies(simulator, phoneAt(simulator, 4 + odd), odd === 0 ? ring[0] : ring[1]),
      ),
    ]);
    await Promise.all([...idle, ...call, ...ring].map((session) => session.stop()));
    const actions = await bothModes(async (mode, odd) =>
      actionLatencies(simulator, phoneAt(simulator, 6 + odd), await open(mode, 6 + odd)),
    );
    return {
      figures: pairRows({ readTrip, actionTrip, idleRates, callRates, rings, actions }),
      readTripMs: readTrip,
    };
  } finally {
    await Promise.all(sessions.map((session) => session.stop()));
    await receiver.close();
  }
}

interface Figures {
  readTrip: number;
  actionTrip: number;
  idleRates: [number, number];
  callRates: [number, number];
  rings: [number[], number[]];
  actions: [number[], number[]];
}

function pairRows(figures: Figures): PairRow[] {
  const { readTrip, actionTrip, idleRates, callRates, rings, actions } = figures;
  const ringText = (values: number[]) =>
    `${fixed(percentile(values, 0.5), 0)} / ${fixed(percentile(values, 0.95), 0)} ms`;
  const ringTarget = readTrip + 50;
  const actionRoundTrips = (values: number[]) => percentile(values, 0.95) / actionTrip;
  const [pollActions, pushActions] = actions;
  return [
    {
      measurement: `7a. ring -> 'incoming-call' event, p50 / p95 (${RINGS} rings, 150 ms phone)`,
      poll: ringText(rings[0]),
      push: ringText(rings[1]),
      target: `p95 <= ${fixed(ringTarget, 0)} ms (1 round trip ${fixed(readTrip, 0)} ms + 50)`,
      verdict: verdict(percentile(rings[1], 0.95) <= ringTarget),
    },
    {
      measurement: `7b. requests/min to an idle phone (${WINDOW_MS / 1000} s window)`,
      poll: fixed(idleRates[0], 1),
      push: fixed(idleRates[1], 1),
      target: '<= 2',
      verdict: verdict(idleRates[1] <= 2),
    },
    {
      measurement: '7c. requests/min to a phone in a call',
      poll: fixed(callRates[0], 1),
      push: fixed(callRates[1], 1),
      target: 'report',
      verdict: 'reported',
    },
    {
      measurement: `7d. user action p95 while a call comes and goes every ${CALL_EVERY_MS / 1000} s (${ACTIONS} actions)`,
      poll: `${fixed(actionRoundTrips(pollActions), 2)} round trips (${fixed(percentile(pollActions, 0.95), 0)} ms)`,
      push: `${fixed(actionRoundTrips(pushActions), 2)} round trips (${fixed(percentile(pushActions, 0.95), 0)} ms)`,
      target: `<= 1.2 round trips (bare action ${fixed(actionTrip, 0)} ms)`,
      verdict: verdict(actionRoundTrips(pushActions) <= 1.2),
    },
  ];
}
