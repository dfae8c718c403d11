/**
 * Signing a browser in to the browser host: links that work once and briefly, a session that a
 * leaked cookie cannot use alone, renewed by its page and ended when the page stops renewing.
 */
import { request } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startBrowserHost, type BrowserHost } from '../../src/main/browser-host/browser-host';
import { createCore, type Core } from '../../src/main/core/create-core';
import { openSocket, rawGet, signIn, type RawResponse } from './http-helpers';

let dataDir: string;
let core: Core;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'deskpilot-sessions-'));
  core = await createCore({ dataDir, demo: false, log: () => undefined });
});

afterAll(async () => {
  await core.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function withHost(
  sessionTimes: { launchTtlMs?: number; sessionTtlMs?: number },
  body: (host: BrowserHost) => Promise<void>,
): Promise<void> {
  const host = await startBrowserHost({
    core,
    rendererDir: join(dataDir, 'no-ui'),
    sessionTimes,
  });
  try {
    await body(host);
  } finally {
    await host.close();
  }
}

/** The page's renewal request, as the browser sends it. */
function renew(host: BrowserHost, headers: Record<string, string>): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: '127.0.0.1',
        port: host.port,
        path: '/session/renew',
        method: 'POST',
        headers: {
          host: `127.0.0.1:${host.port}`,
          origin: `http://127.0.0.1:${host.port}`,
          ...headers,
        },
      },
      (response) => {
        response.resume();
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: '' }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end();
  });
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('signing in to the browser host', () => {
  it('takes a sign-in link once only', async () => {
    await withHost({}, async (host) => {
      const link = new URL(host.signInUrl());
      expect((await rawGet(host.port, `/${link.search}`)).status).toBe(200);
      const again = await rawGet(host.port, `/${link.search}`);
      expect(again.status).toBe(403);
      expect(again.body).toMatch(/expired or was used already/);
    });
  });

  it('refuses a sign-in link after its short lifetime', async () => {
    await withHost({ launchTtlMs: 100 }, async (host) => {
      const link = new URL(host.signInUrl());
      await pause(200);
      expect((await rawGet(host.port, `/${link.search}`)).status).toBe(403);
    });
  });

  it('always lands on the UI itself, whatever path the link names (no open redirect)', async () => {
    await withHost({}, async (host) => {
      const link = new URL(host.signInUrl());
      const response = await rawGet(host.port, `/.//evil.example/${link.search}`);
      expect(response.status).toBe(200);
      expect(response.headers.location).toBeUndefined();
      expect(response.body).toMatch(/url=\/#key=[\w.-]+"/);
      expect(response.body).not.toMatch(/evil/);
    });
  });

  it('opens no socket with the session cookie alone (a cookie sent to another port leaks)', async () => {
    await withHost({}, async (host) => {
      const { cookie, key } = await signIn(host.signInUrl());
      const origin = `http://127.0.0.1:${host.port}`;
      expect(await openSocket(host.port, { cookie, origin })).toEqual({ refused: 401 });
      expect(await openSocket(host.port, { cookie, origin }, 'a-guessed-key')).toEqual({
        refused: 401,
      });
      // The key alone does not do either: it belongs to the cookie's session.
      const other = await signIn(host.signInUrl());
      expect(await openSocket(host.port, { cookie: other.cookie, origin }, key)).toEqual({
        refused: 401,
      });
      const opened = await openSocket(host.port, { cookie, origin }, key);
      expect('socket' in opened).toBe(true);
      if ('socket' in opened) opened.socket.close();
    });
  });

  it('keeps a session its page renews, and ends one it stops renewing', async () => {
    await withHost({ sessionTtlMs: 600 }, async (host) => {
      const { cookie, key } = await signIn(host.signInUrl());
      const origin = `http://127.0.0.1:${host.port}`;
      const opened = await openSocket(host.port, { cookie, origin }, key);
      if (!('socket' in opened)) throw new Error('socket refused');
      const closed = new Promise<number>((resolve) => opened.socket.once('close', resolve));
      for (let round = 0; round < 4; round++) {
        await pause(300);
        const renewed = await renew(host, { cookie, 'x-deskpilot-key': key });
        expect(renewed.status).toBe(204);
        expect(renewed.headers['set-cookie']?.[0]).toMatch(/Max-Age=1;|Max-Age=1$/);
      }
      expect(opened.socket.readyState).toBe(opened.socket.OPEN);
      expect((await renew(host, { cookie, 'x-deskpilot-key': 'wrong' })).status).toBe(401);
      expect(await closed).toBe(4401);
      expect((await renew(host, { cookie, 'x-deskpilot-key': key })).status).toBe(401);
      expect((await rawGet(host.port, '/', { cookie })).status).toBe(401);
      expect(await openSocket(host.port, { cookie, origin }, key)).toEqual({ refused: 401 });
    });
  });

  it('refuses a renewal from another site', async () => {
    await withHost({}, async (host) => {
      const { cookie, key } = await signIn(host.signInUrl());
      const response = await renew(host, {
        cookie,
        'x-deskpilot-key': key,
        origin: 'https://evil.example',
      });
      expect(response.status).toBe(403);
    });
  });
});
