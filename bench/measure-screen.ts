/**
 * Measurements 4b–4d (bench/README.md): the remote screen's real picture against a slow phone (150 ms
 * per request): one capture's round trip bare and through the session (capture, BMP read, PNG),
 * the bytes a frame costs on the wire and to the window, and how long a user's action waits
 * while the screen is read back to back — far more often than the view's one read a second. The
 * capture goes at the queue's lowest priority, so an action waits at most for the one read in
 * flight: at most two round trips (bare capture + bare action).
 */
import { Pool } from 'undici';

import { pinnedConnector } from '../src/main/vvx/pinned-connector';
import { phoneControl, type SimulatedPhoneInfo } from '../src/simulator';
import { startSession, timeActions, waitOnline } from './bench-session';
import { fixed, mean, percentile, since, verdict, type Row } from './figures';

const ACTIONS = 30;
const CAPTURES = 10;
const VIEWER = 'bench-viewer';

/** Mean time and size of bare requests on a kept-alive connection (after two warm-ups). */
async function bare(
  phone: SimulatedPhoneInfo,
  request: { method: 'GET' | 'POST'; path: string; body?: string },
): Promise<{ ms: number; bytes: number }> {
  const pool = new Pool(new URL(phone.url).origin, {
    connections: 1,
    connect: pinnedConnector(phone.fingerprint, 3000),
  });
  const authorization = `Basic ${Buffer.from(`${phone.username}:${phone.adminPassword}`).toString('base64')}`;
  const times: number[] = [];
  let bytes = 0;
  try {
    for (let i = 0; i < CAPTURES + 2; i += 1) {
      const start = performance.now();
      const response = await pool.request({
        ...request,
        headers: { authorization, 'content-type': 'application/json' },
      });
      bytes = (await response.body.arrayBuffer()).byteLength;
      if (i >= 2) times.push(since(start));
    }
  } finally {
    await pool.close();
  }
  return { ms: mean(times), bytes };
}

/** The bare round trips, timed alone on the phone with its capture switched on meanwhile. */
async function bareRoundTrips(phone: SimulatedPhoneInfo, controlToken: string) {
  const control = phoneControl(phone, controlToken);
  const switches = (value: string) => ({
    params: { 'up.screenCapture.enabled': value, 'up.screenCapture.value': value },
  });
  await control.config(switches('1'));
  try {
    const capture = await bare(phone, { method: 'GET', path: '/captureScreen/mainScreen' });
    const action = await bare(phone, {
      method: 'POST',
      path: '/api/v1/mgmt/transferType/set',
      body: JSON.stringify({ data: { Type: 'Blind' } }),
    });
    return { capture, action };
  } finally {
    await control.config(switches('0'));
  }
}

/**
 * Runs the remote screen's measurements on `phone`: the bare round trips first, alone, then the
 * session's, the capture turned on through the session as a user would (and put back).
 */
export async function measureScreen(
  phone: SimulatedPhoneInfo,
  controlToken: string,
): Promise<Row[]> {
  const { capture, action } = await bareRoundTrips(phone, controlToken);
  const session = startSession(phone);
  await waitOnline(session);
  try {
    const enabled = await session.screen.enableCapture({ viewer: VIEWER });
    if (enabled.state !== 'on') throw new Error('the phone did not start capturing');

    const reads: number[] = [];
    let pngBytes = 0;
    for (let i = 0; i < CAPTURES; i += 1) {
      const start = performance.now();
      // Nothing known: the picture is decoded and sent as the first read of a view is.
      const reading = await session.screen.get({ viewer: VIEWER });
      reads.push(since(start));
      if (reading.capture.state === 'on')
        pngBytes = (reading.capture.pictures[0]?.png ?? '').length;
    }

    let reading = true;
    const reader = (async () => {
      while (reading) await session.screen.get({ viewer: VIEWER, known: [] });
    })();
    let latencies: number[];
    try {
      latencies = await timeActions(session, ACTIONS);
    } finally {
      reading = false;
      await reader;
    }
    await session.screen.release({ viewer: VIEWER });

    const p95 = percentile(latencies, 0.95);
    const bound = capture.ms + action.ms;
    const inRoundTrips = (2 * p95) / bound;
    return [
      {
        measurement:
          '4b. remote screen capture round trip, 150 ms phone: bare GET / session read p50',
        figure: `${fixed(capture.ms, 0)} ms / ${fixed(percentile(reads, 0.5), 0)} ms (capture + uixml when the picture changed, BMP read, PNG)`,
        target: 'report',
        verdict: 'n/a',
      },
      {
        measurement:
          '4c. remote screen bytes per frame: BMP from the phone / PNG (base64) to the window',
        figure: `${capture.bytes} / ${pngBytes} bytes = ${fixed(capture.bytes / Math.max(pngBytes, 1), 1)}× smaller; an unchanged frame sends no picture`,
        target: 'report',
        verdict: 'n/a',
      },
      {
        measurement: `4d. user action while the remote screen is read back to back: p50 / p95 (${ACTIONS} actions)`,
        figure: `${fixed(percentile(latencies, 0.5), 0)} / ${fixed(p95, 0)} ms = ${fixed(inRoundTrips)} round trips (bare capture ${fixed(capture.ms, 0)} ms + bare action ${fixed(action.ms, 0)} ms)`,
        target: '<= 2 round trips',
        verdict: verdict(inRoundTrips <= 2),
      },
    ];
  } finally {
    await session.stop();
  }
}
