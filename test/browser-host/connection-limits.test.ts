/** A local process without the token cannot exhaust the browser host's connections. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';

import { startBrowserHost, type BrowserHost } from '../../src/main/browser-host/browser-host';
import { createCore, type Core } from '../../src/main/core/create-core';
import { openSocket, rawGet, signIn } from './http-helpers';

let dataDir: string;
let core: Core;
let host: BrowserHost;
let cookie: string;
let key: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'deskpilot-connections-'));
  core = await createCore({ dataDir, demo: false, log: () => undefined });
  const rendererDir = join(dataDir, 'ui');
  await mkdir(rendererDir);
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Deskpilot UI</title>');
  host = await startBrowserHost({
    core,
    rendererDir,
    connectionLimits: { headersTimeoutMs: 500, idleTimeoutMs: 1000, maxSockets: 3 },
  });
  ({ cookie, key } = await signIn(host.signInUrl()));
});

afterAll(async () => {
  await host.close();
  await core.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** Opens a connection that sends `text` (possibly nothing) and then waits; counts its closing. */
function silent(text: string, closed: { count: number }): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(host.port, '127.0.0.1', () => {
      if (text !== '') socket.write(text);
      resolve(socket);
    });
    socket.on('error', () => undefined);
    // Read (and drop) whatever comes, so the host's answer and its closing are seen.
    socket.resume();
    socket.once('close', () => (closed.count += 1));
    socket.once('error', reject);
  });
}

async function until(condition: () => boolean, attempts = 250): Promise<void> {
  for (let attempt = 0; attempt < attempts && !condition(); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('connections to the browser host', () => {
  it('keeps serving the browser while a stranger holds two thousand silent connections', async () => {
    const closed = { count: 0 };
    const flood: Socket[] = [];
    for (let index = 0; index < 2000; index++) flood.push(await silent('', closed));
    // All but the newest few are pushed out at once, whatever the timeouts.
    await until(() => closed.count >= 2000 - 64);
    expect(closed.count).toBeGreaterThanOrEqual(2000 - 64);
    expect((await rawGet(host.port, '/', { cookie })).status).toBe(200);
    flood.forEach((socket) => socket.destroy());
  });

  it('closes a connection that never finishes its request headers', async () => {
    const closed = { count: 0 };
    const socket = await silent(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\n`, closed);
    await until(() => closed.count === 1, 500);
    expect(closed.count).toBe(1);
    socket.destroy();
  });

  it('bounds the number of connected windows, saying why', async () => {
    const origin = `http://127.0.0.1:${host.port}`;
    const windows: WebSocket[] = [];
    for (let index = 0; index < 3; index++) {
      const opened = await openSocket(host.port, { cookie, origin }, key);
      if ('socket' in opened) windows.push(opened.socket);
    }
    expect(windows).toHaveLength(3);
    expect(await openSocket(host.port, { cookie, origin }, key)).toEqual({ refused: 503 });
    windows[0]?.close();
    await until(() => windows[0]?.readyState === windows[0]?.CLOSED);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const again = await openSocket(host.port, { cookie, origin }, key);
    expect('socket' in again).toBe(true);
    for (const socket of [...windows, ...('socket' in again ? [again.socket] : [])]) socket.close();
  });
});
