import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startBrowserHost, type BrowserHost } from '../../src/main/browser-host/browser-host';
import { createCore, type Core } from '../../src/main/core/create-core';
import { openSocket, rawGet, signIn } from './http-helpers';

let dataDir: string;
let rendererDir: string;
let core: Core;
let host: BrowserHost;
let cookie: string;
let key: string;
let origin: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'deskpilot-host-'));
  rendererDir = join(dataDir, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Deskpilot UI</title>');
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log("ui")');
  await writeFile(join(dataDir, 'outside.txt'), 'outside the UI folder');
  core = await createCore({ dataDir, demo: false });
  host = await startBrowserHost({ core, rendererDir });
  ({ cookie, key } = await signIn(host.signInUrl()));
  origin = `http://127.0.0.1:${host.port}`;
});

afterAll(async () => {
  await host.close();
  await core.close();
  await rm(dataDir, { recursive: true, force: true });
});

function nonLoopbackAddress(): string | null {
  for (const addresses of Object.values(networkInterfaces())) {
    for (const address of addresses ?? []) {
      if (address.family === 'IPv4' && !address.internal) return address.address;
    }
  }
  return null;
}

describe('the browser host', () => {
  it('has a 127.0.0.1 address without a secret, and hands out sign-in links with one', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/`);
    expect(host.signInUrl()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{40,}$/);
  });

  it('listens on loopback only', async () => {
    const address = nonLoopbackAddress();
    if (address === null) return;
    const reached = await new Promise<boolean>((resolve) => {
      const socket = connect({ host: address, port: host.port });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    expect(reached).toBe(false);
  });

  it('turns a sign-in link into an HttpOnly SameSite=Strict cookie and drops the token', async () => {
    const link = new URL(host.signInUrl());
    const response = await rawGet(host.port, `/${link.search}`);
    expect(response.status).toBe(200);
    // The page moves on to the UI by itself, handing it the key in the fragment.
    expect(response.body).toMatch(/content="0;url=\/#key=[\w.-]{40,}"/);
    const setCookie = response.headers['set-cookie']?.[0] ?? '';
    expect(setCookie).not.toContain(link.searchParams.get('token'));
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Max-Age=\d+/);
  });

  it('serves the UI with a strict CSP once signed in', async () => {
    const response = await rawGet(host.port, '/', { cookie });
    expect(response.status).toBe(200);
    expect(response.body).toContain('Deskpilot UI');
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('refuses requests without a session', async () => {
    expect((await rawGet(host.port, '/')).status).toBe(401);
    expect((await rawGet(host.port, '/assets/app.js')).status).toBe(401);
  });

  it('refuses a wrong token in the URL and a forged cookie', async () => {
    expect((await rawGet(host.port, '/?token=guess')).status).toBe(403);
    const forged = cookie.replace(/=.*/, '=guess');
    expect((await rawGet(host.port, '/', { cookie: forged })).status).toBe(401);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const response = await rawGet(host.port, '/', { cookie, host: `evil.example:${host.port}` });
    expect(response.status).toBe(421);
    expect(response.body).not.toContain('Deskpilot UI');
  });

  it('refuses a foreign Origin', async () => {
    const response = await rawGet(host.port, '/', { cookie, origin: 'https://evil.example' });
    expect(response.status).toBe(403);
  });

  it('accepts localhost as well as 127.0.0.1', async () => {
    const response = await rawGet(host.port, '/', {
      cookie,
      host: `localhost:${host.port}`,
      origin: `http://localhost:${host.port}`,
    });
    expect(response.status).toBe(200);
  });

  it('never serves files outside the UI folder', async () => {
    for (const path of [
      '/../outside.txt',
      '/%2e%2e/outside.txt',
      '/assets/..%2f..%2foutside.txt',
    ]) {
      const response = await rawGet(host.port, path, { cookie });
      expect(response.body).not.toContain('outside the UI folder');
    }
  });

  it('answers only GET and HEAD', async () => {
    expect((await rawGet(host.port, '/', { cookie }, 'POST')).status).toBe(405);
  });

  it('opens the contract socket only with the session, our Host and our Origin', async () => {
    expect(await openSocket(host.port, { origin }, key)).toEqual({ refused: 401 });
    expect(await openSocket(host.port, { cookie }, key)).toEqual({ refused: 403 });
    expect(await openSocket(host.port, { cookie, origin: 'https://evil.example' }, key)).toEqual({
      refused: 403,
    });
    expect(
      await openSocket(host.port, { cookie, origin, host: `evil.example:${host.port}` }, key),
    ).toEqual({ refused: 421 });
    const accepted = await openSocket(host.port, { cookie, origin }, key);
    expect('socket' in accepted).toBe(true);
    if ('socket' in accepted) accepted.socket.close();
  });

  it('answers garbage on the contract socket with words and keeps serving', async () => {
    const opened = await openSocket(host.port, { cookie, origin }, key);
    if (!('socket' in opened)) throw new Error('socket refused');
    const socket = opened.socket;
    const replies: unknown[] = [];
    socket.on('message', (data: Buffer) => replies.push(JSON.parse(data.toString())));
    socket.send('not json');
    socket.send(JSON.stringify({ channel: 'phones.list' }));
    socket.send(Buffer.from([1, 2, 3]), { binary: true });
    socket.send(JSON.stringify({ id: 7, channel: 'phones.list', args: { __proto__: null, x: 1 } }));
    socket.send(JSON.stringify({ id: 8, channel: 'phones.list', args: {} }));
    for (let attempt = 0; attempt < 100 && replies.length < 5; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(
      replies.filter((reply) => (reply as { kind: string }).kind === 'protocol-error'),
    ).toHaveLength(3);
    expect(replies).toContainEqual({
      kind: 'result',
      id: 7,
      outcome: expect.objectContaining({ ok: false }),
    });
    expect(replies).toContainEqual({ kind: 'result', id: 8, outcome: { ok: true, value: [] } });
    socket.close();
  });

  it('keeps serving when clients reset the connection while being refused an upgrade', async () => {
    for (let attempt = 0; attempt < 20; attempt++) {
      await new Promise<void>((resolve) => {
        const client = connect(host.port, '127.0.0.1', () => {
          client.write(
            `GET /contract HTTP/1.1\r\nHost: evil.example:${host.port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`,
          );
          client.resetAndDestroy();
          resolve();
        });
        client.on('error', () => undefined);
      });
    }
    expect((await rawGet(host.port, '/', { cookie })).status).toBe(200);
  });

  it('closes a socket that sends an oversized message and keeps serving the others', async () => {
    const opened = await openSocket(host.port, { cookie, origin }, key);
    if (!('socket' in opened)) throw new Error('socket refused');
    const closed = new Promise<number>((resolve) => opened.socket.once('close', resolve));
    opened.socket.send('x'.repeat(9 * 1024 * 1024));
    expect(await closed).toBe(1009);
    const again = await openSocket(host.port, { cookie, origin }, key);
    expect('socket' in again).toBe(true);
    if ('socket' in again) again.socket.close();
  });

  it('reads a large message only for a contacts import, closing the socket otherwise', async () => {
    const opened = await openSocket(host.port, { cookie, origin }, key);
    if (!('socket' in opened)) throw new Error('socket refused');
    const replies: { kind: string; id?: number }[] = [];
    opened.socket.on('message', (data: Buffer) => replies.push(JSON.parse(data.toString())));
    const file = `Name,Phone\n${'Ann,5551234\n'.repeat(200_000)}`;
    opened.socket.send(
      JSON.stringify({
        id: 1,
        channel: 'contacts.previewImport',
        args: { fileName: 'big.csv', content: file },
      }),
    );
    for (let attempt = 0; attempt < 250 && replies.length === 0; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(replies).toContainEqual(expect.objectContaining({ kind: 'result', id: 1 }));

    const closed = new Promise<number>((resolve) => opened.socket.once('close', resolve));
    const numbers = Array.from({ length: 200_000 }, () => ({ label: '', number: '1' }));
    opened.socket.send(
      JSON.stringify({ id: 2, channel: 'contacts.add', args: { name: 'Flood', numbers } }),
    );
    expect(await closed).toBe(1009);
    expect(replies).not.toContainEqual(expect.objectContaining({ id: 2 }));
  });

  it('says clearly when the UI has not been built', async () => {
    const bare = await startBrowserHost({ core, rendererDir: join(dataDir, 'missing') });
    try {
      const { cookie: bareCookie } = await signIn(bare.signInUrl());
      const response = await rawGet(bare.port, '/', { cookie: bareCookie });
      expect(response.status).toBe(503);
      expect(response.body).toMatch(/npm run build:web/);
    } finally {
      await bare.close();
    }
  });
});
