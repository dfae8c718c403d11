/** A contract socket's client cannot make the host hold an unbounded amount of work or answers. */
import { mkdtemp, rm } from 'node:fs/promises';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';

import { startBrowserHost, type BrowserHost } from '../../src/main/browser-host/browser-host';
import { createCore, type Core } from '../../src/main/core/create-core';
import { clientTextFrame, keyProtocols, openDeafSocket, openSocket, signIn } from './http-helpers';

let dataDir: string;
let core: Core;
let host: BrowserHost;
let headers: Record<string, string>;
let key: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'deskpilot-flow-'));
  core = await createCore({ dataDir, demo: false, log: () => undefined });
  // An address book whose list is a sizeable answer (about 100 KB).
  const numbers = Array.from({ length: 20 }, (_, index) => ({
    label: `phone ${index}`,
    number: `+1 555 010 ${String(index).padStart(4, '0')}`,
  }));
  for (let index = 0; index < 100; index++) {
    await core.handlers['contacts.add']({
      name: `Contact ${index}`,
      company: '',
      numbers,
      favourite: false,
    });
  }
  host = await startBrowserHost({
    core,
    rendererDir: join(dataDir, 'no-ui'),
    socketLimits: { bufferBytes: 256 * 1024, stallMs: 1500 },
  });
  const signedIn = await signIn(host.signInUrl());
  key = signedIn.key;
  headers = { cookie: signedIn.cookie, origin: `http://127.0.0.1:${host.port}` };
});

afterAll(async () => {
  await host.close();
  await core.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function connected(): Promise<WebSocket> {
  const opened = await openSocket(host.port, headers, key);
  if (!('socket' in opened)) throw new Error(`socket refused: ${opened.refused}`);
  return opened.socket;
}

/** Resolves when the host has dropped `socket`, found by writing to it (it is not reading). */
function dropped(socket: Socket, withinMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const ping = setInterval(() => socket.write(clientTextFrame('{}')), 100);
    const finish = (value: boolean): void => {
      clearInterval(ping);
      clearTimeout(limit);
      resolve(value);
    };
    const limit = setTimeout(() => finish(false), withinMs);
    socket.once('error', () => finish(true));
    socket.once('close', () => finish(true));
  });
}

describe('flow control on the contract socket', () => {
  it('drops a client that keeps asking without reading its answers, and serves the others', async () => {
    const deaf = await openDeafSocket(host.port, {
      ...headers,
      'sec-websocket-protocol': keyProtocols(key).join(', '),
    });
    const request = clientTextFrame(JSON.stringify({ id: 1, channel: 'contacts.list', args: {} }));
    for (let index = 0; index < 2000; index++) deaf.write(request);
    const user = await connected();
    const answered = new Promise<unknown>((resolve) =>
      user.on('message', (data: Buffer) => resolve(JSON.parse(data.toString()))),
    );
    user.send(JSON.stringify({ id: 5, channel: 'settings.get', args: {} }));
    expect(await answered).toMatchObject({ kind: 'result', id: 5, outcome: { ok: true } });
    expect(await dropped(deaf, 15_000)).toBe(true);
    deaf.destroy();
    user.close();
  });

  it('answers every request of a burst in turn, refusing none', async () => {
    const socket = await connected();
    const results = new Map<number, boolean>();
    socket.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString()) as {
        kind: string;
        id: number;
        outcome: { ok: boolean };
      };
      if (message.kind === 'result') results.set(message.id, message.outcome.ok);
    });
    for (let id = 1; id <= 300; id++) {
      socket.send(JSON.stringify({ id, channel: 'settings.get', args: {} }));
    }
    for (let attempt = 0; attempt < 500 && results.size < 300; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(results.size).toBe(300);
    expect([...results.values()].every(Boolean)).toBe(true);
    socket.close();
  });
});
