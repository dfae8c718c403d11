/**
 * One browser window that keeps the phone busy cannot hide incoming calls or starve another
 * window: with a phone taking 100 ms a request and 60 requests looping on one socket, every ring
 * still shows, and a second socket's read still gets its turn.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';

import { startBrowserHost, type BrowserHost } from '../../src/main/browser-host/browser-host';
import { createCore, type Core } from '../../src/main/core/create-core';
import type { PhoneEvent } from '../../src/shared/domain';
import { startSimulator, type Simulator } from '../../src/simulator';
import { keyProtocols, signIn, simulatorControl } from './http-helpers';

let dataDir: string;
let simulator: Simulator;
let core: Core;
let host: BrowserHost;
let phoneId: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'deskpilot-fair-'));
  simulator = await startSimulator({ latencyMs: 100 });
  core = await createCore({ dataDir, demo: false, log: () => undefined });
  const phone = simulator.phones[0];
  if (phone === undefined) throw new Error('no simulated phone');
  ({ id: phoneId } = await core.handlers['phones.add']({
    name: 'Desk',
    url: phone.url,
    username: phone.username,
    password: phone.adminPassword,
  }));
  host = await startBrowserHost({ core, rendererDir: join(dataDir, 'no-ui') });
});

afterAll(async () => {
  await host.close();
  await core.close();
  await simulator.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** A signed-in contract socket that sends requests and counts their answers by id. */
async function client(): Promise<{
  socket: WebSocket;
  answered: Map<number, number>;
  ask: (id: number, channel: string, args: unknown) => Promise<unknown>;
}> {
  const { cookie, key } = await signIn(host.signInUrl());
  const socket = new WebSocket(`ws://127.0.0.1:${host.port}/contract`, keyProtocols(key), {
    headers: { cookie, origin: `http://127.0.0.1:${host.port}` },
  });
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  const answered = new Map<number, number>();
  const waiting = new Map<number, (outcome: unknown) => void>();
  socket.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString()) as { kind: string; id: number; outcome: unknown };
    if (message.kind !== 'result') return;
    answered.set(message.id, (answered.get(message.id) ?? 0) + 1);
    waiting.get(message.id)?.(message.outcome);
  });
  const ask = (id: number, channel: string, args: unknown) =>
    new Promise<unknown>((resolve) => {
      waiting.set(id, resolve);
      socket.send(JSON.stringify({ id, channel, args }));
    });
  return { socket, answered, ask };
}

describe('sharing one phone between windows', () => {
  it('shows every ring while one socket loops 60 configuration reads', async () => {
    const flooder = await client();
    let running = true;
    let rounds = 0;
    const loops = Array.from({ length: 60 }, async (_, loop) => {
      for (let round = 0; running; round++) {
        await flooder.ask(loop * 1_000_000 + round, 'config.get', {
          phoneId,
          names: ['voice.volume.persist.handset'],
        });
        rounds += 1;
      }
    });
    const seen = new Set<string>();
    const off = core.subscribe('phone', (event: PhoneEvent) => {
      if (event.type === 'incoming-call') seen.add(event.call.remoteNumber);
    });
    try {
      for (const from of ['5550101', '5550102', '5550103']) {
        await simulatorControl(simulator, 'ring', { from, ringMs: 4500 });
        await new Promise((resolve) => setTimeout(resolve, 5000));
      }
    } finally {
      running = false;
      off();
    }
    await Promise.all(loops);
    expect([...seen].sort()).toEqual(['5550101', '5550102', '5550103']);
    // The flood itself was served all along.
    expect(rounds).toBeGreaterThan(20);
    flooder.socket.close();
  }, 60_000);

  it("serves a second socket's read in turn, not after the first socket's queue", async () => {
    const flooder = await client();
    const other = await client();
    let running = true;
    let answersBefore = 0;
    const loops = Array.from({ length: 16 }, async (_, loop) => {
      for (let round = 0; running; round++) {
        // Distinct names each time: nothing merges, so the socket's requests queue up.
        await flooder.ask(loop * 1_000_000 + round, 'config.get', {
          phoneId,
          names: [`voice.volume.persist.handset${loop}x${round}`],
        });
        answersBefore += 1;
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const mark = answersBefore;
    await other.ask(1, 'config.getTransferType', { phoneId });
    const answersBetween = answersBefore - mark;
    running = false;
    await Promise.all(loops);
    // Before, the read waited for all 16 of the first socket's; now for one or two.
    expect(answersBetween).toBeLessThanOrEqual(3);
    flooder.socket.close();
    other.socket.close();
  }, 60_000);
});
