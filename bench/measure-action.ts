/**
 * Measurement 4 (bench/README.md): how long a user's action waits while background polling runs
 * against a slow phone (150 ms per request). The queue sends actions first, so an action waits
 * at most for the one poll already in flight: at most two round trips.
 */
import { Pool } from 'undici';

import { pinnedConnector } from '../src/main/vvx/pinned-connector';
import type { SimulatedPhoneInfo } from '../src/simulator';
import { startSession, timeActions, waitOnline } from './bench-session';
import { fixed, mean, percentile, since, verdict, type Row } from './figures';

const ACTIONS = 30;
/** Polls back to back (far more often than the app ever does), so one is nearly always in flight. */
const BUSY_POLL_MS = 100;

/** Mean time of `count` bare requests on a kept-alive connection (after two warm-ups). */
async function bareRoundTrip(
  pool: Pool,
  authorization: string,
  request: { method: 'GET' | 'POST'; path: string; body?: string },
): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 12; i += 1) {
    const start = performance.now();
    const response = await pool.request({
      ...request,
      headers: { authorization, 'content-type': 'application/json' },
    });
    JSON.parse(await response.body.text());
    if (i >= 2) times.push(since(start));
  }
  return mean(times);
}

/**
 * The two round trips an action may take: the poll already in flight (a GET pollForStatus) and
 * the action itself (a POST setTransferType), each timed bare on a kept-alive connection.
 */
async function twoRoundTrips(phone: SimulatedPhoneInfo): Promise<{ poll: number; action: number }> {
  const pool = new Pool(new URL(phone.url).origin, {
    connections: 1,
    connect: pinnedConnector(phone.fingerprint, 3000),
  });
  const authorization = `Basic ${Buffer.from(`${phone.username}:${phone.adminPassword}`).toString('base64')}`;
  try {
    const poll = await bareRoundTrip(pool, authorization, {
      method: 'GET',
      path: '/api/v1/mgmt/pollForStatus',
    });
    const action = await bareRoundTrip(pool, authorization, {
      method: 'POST',
      path: '/api/v1/mgmt/transferType/set',
      body: JSON.stringify({ data: { Type: 'Blind' } }),
    });
    return { poll, action };
  } finally {
    await pool.close();
  }
}

/** Times ACTIONS transfer-type changes on a 150 ms phone under constant polling. */
export async function measureActionLatency(phone: SimulatedPhoneInfo): Promise<Row[]> {
  const rtt = await twoRoundTrips(phone);
  const session = startSession(phone, { idleMs: BUSY_POLL_MS, activeMs: BUSY_POLL_MS });
  await waitOnline(session);
  let latencies: number[];
  try {
    latencies = await timeActions(session, ACTIONS);
  } finally {
    await session.stop();
  }
  const p95 = percentile(latencies, 0.95);
  const bound = rtt.poll + rtt.action;
  const inRoundTrips = (2 * p95) / bound;
  return [
    {
      measurement: `4. user action under constant polling, 150 ms phone: p50 / p95 (${ACTIONS} actions)`,
      figure: `${fixed(percentile(latencies, 0.5), 0)} / ${fixed(p95, 0)} ms = ${fixed(inRoundTrips)} round trips (bare poll ${fixed(rtt.poll, 0)} ms + bare action ${fixed(rtt.action, 0)} ms)`,
      target: '<= 2 round trips',
      verdict: verdict(inRoundTrips <= 2),
    },
  ];
}
