/**
 * Measurements 1 and 2 (bench/README.md): what the client and its queue add to a request over a
 * bare kept-alive undici request, and what a kept-alive connection saves over the public scripts'
 * habit of opening a new HTTPS connection (so a new TLS handshake) for every request.
 */
import { request as httpsRequest } from 'node:https';
import type { TLSSocket } from 'node:tls';

import { Pool } from 'undici';

import { normaliseFingerprint, pinnedConnector } from '../src/main/vvx/pinned-connector';
import { RequestQueue } from '../src/main/vvx/request-queue';
import { VvxClient } from '../src/main/vvx/vvx-client';
import type { SimulatedPhoneInfo } from '../src/simulator';
import { fixed, mean, since, verdict, type Row } from './figures';

const POLL_PATH = '/api/v1/mgmt/pollForStatus';

function basicAuth(phone: SimulatedPhoneInfo): string {
  return `Basic ${Buffer.from(`${phone.username}:${phone.adminPassword}`).toString('base64')}`;
}

function newClient(phone: SimulatedPhoneInfo): VvxClient {
  return new VvxClient({
    url: phone.url,
    username: phone.username,
    password: phone.adminPassword,
    pinnedFingerprint: phone.fingerprint,
  });
}

/** Times `count` sequential runs of `once`, returning each duration in ms. */
async function timeEach(count: number, once: () => Promise<unknown>): Promise<number[]> {
  const durations: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const start = performance.now();
    await once();
    durations.push(since(start));
  }
  return durations;
}

/** A bare undici request on one kept-alive, pinned connection: the floor for any client. */
function bareRequester(phone: SimulatedPhoneInfo): {
  once: () => Promise<unknown>;
  close: () => Promise<void>;
} {
  const pool = new Pool(new URL(phone.url).origin, {
    connections: 1,
    pipelining: 1,
    connect: pinnedConnector(phone.fingerprint, 3000),
  });
  const authorization = basicAuth(phone);
  return {
    once: async () => {
      const response = await pool.request({
        method: 'GET',
        path: POLL_PATH,
        headers: { authorization },
      });
      // Text then JSON.parse, exactly the work any client must do with the answer.
      return JSON.parse(await response.body.text());
    },
    close: () => pool.close(),
  };
}

/** Measurement 1: mean time per request, client + queue vs bare undici, interleaved rounds. */
export async function measureOverhead(
  phone: SimulatedPhoneInfo,
): Promise<{ rows: Row[]; roundTripMs: number }> {
  const bare = bareRequester(phone);
  const client = newClient(phone);
  const queue = new RequestQueue();
  const viaClient = () =>
    queue.enqueue({ priority: 'action', effect: 'read', run: () => client.pollForStatus() });
  await timeEach(100, bare.once);
  await timeEach(100, viaClient);
  const bareTimes: number[] = [];
  const clientTimes: number[] = [];
  // Interleaved rounds, alternating which side goes first, so drift (JIT, GC, the other
  // process) hits both sides alike.
  for (let round = 0; round < 6; round += 1) {
    if (round % 2 === 0) bareTimes.push(...(await timeEach(250, bare.once)));
    clientTimes.push(...(await timeEach(250, viaClient)));
    if (round % 2 === 1) bareTimes.push(...(await timeEach(250, bare.once)));
  }
  await bare.close();
  await client.close();
  const bareMean = mean(bareTimes);
  const clientMean = mean(clientTimes);
  const ratio = clientMean / bareMean;
  return {
    roundTripMs: bareMean,
    rows: [
      {
        measurement: '1. per-request time, client+queue vs bare undici (keep-alive, HTTPS)',
        figure: `${fixed(clientMean, 3)} ms vs ${fixed(bareMean, 3)} ms = ${fixed(ratio)}x (${bareTimes.length} requests each)`,
        target: '<= 1.15x',
        verdict: verdict(ratio <= 1.15),
      },
    ],
  };
}

/** One HTTPS request on a brand-new connection, as public scripts do (agent: false). */
function freshConnectionRequest(phone: SimulatedPhoneInfo, onHandshake: () => void): Promise<void> {
  const url = new URL(POLL_PATH, phone.url);
  const expected = phone.fingerprint === null ? null : normaliseFingerprint(phone.fingerprint);
  return new Promise((resolve, reject) => {
    const request = httpsRequest(
      url,
      {
        agent: false,
        headers: { authorization: basicAuth(phone) },
        // The scripts switch verification off; here the certificate is still checked by pin below.
        rejectUnauthorized: false,
      },
      (response) => {
        response.resume();
        response.once('end', () => resolve());
      },
    );
    request.once('socket', (socket) => {
      socket.once('secureConnect', () => {
        onHandshake();
        const presented = (socket as TLSSocket).getPeerCertificate().fingerprint256;
        if (presented !== expected)
          request.destroy(new Error('certificate does not match the pin'));
      });
    });
    request.once('error', reject);
    request.end();
  });
}

/** Measurement 2: 200 sequential requests, one kept-alive connection vs a connection each. */
export async function measureHandshakes(phone: SimulatedPhoneInfo): Promise<Row[]> {
  const count = 200;
  const client = newClient(phone);
  const queue = new RequestQueue();
  const keptStart = performance.now();
  for (let i = 0; i < count; i += 1) {
    await queue.enqueue({ priority: 'poll', effect: 'read', run: () => client.pollForStatus() });
  }
  const keptMs = since(keptStart);
  const keptHandshakes = client.connectionsOpened;
  await client.close();

  let freshHandshakes = 0;
  const freshStart = performance.now();
  for (let i = 0; i < count; i += 1) {
    await freshConnectionRequest(phone, () => {
      freshHandshakes += 1;
    });
  }
  const freshMs = since(freshStart);
  const speedup = freshMs / keptMs;
  return [
    {
      measurement: '2a. TLS handshakes for 200 sequential requests (client vs new connection each)',
      figure: `${keptHandshakes} vs ${freshHandshakes}`,
      target: '1 handshake',
      verdict: verdict(keptHandshakes === 1),
    },
    {
      measurement: '2b. total time for 200 requests, new connection each vs client',
      figure: `${fixed(freshMs, 0)} ms vs ${fixed(keptMs, 0)} ms = ${fixed(speedup, 1)}x faster`,
      target: '>= 3x faster',
      verdict: verdict(speedup >= 3),
    },
  ];
}
