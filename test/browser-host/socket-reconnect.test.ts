/** The browser client survives the host going away and coming back on the same address. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';

import { startBrowserHost, type BrowserHost } from '../../src/main/browser-host/browser-host';
import { createCore, type Core } from '../../src/main/core/create-core';
import { createSocketTransport } from '../../src/renderer/bridge/socket-transport';
import { createDeskpilotApi, type ConnectionState } from '../../src/shared/contract/api';
import { keyProtocols, signIn } from './http-helpers';

let dataDir: string;
let core: Core;
let host: BrowserHost;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'deskpilot-reconnect-'));
  core = await createCore({ dataDir, demo: false });
  host = await startBrowserHost({ core, rendererDir: join(dataDir, 'no-ui') });
});

afterAll(async () => {
  await host.close();
  await core.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function until(condition: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 200 && !condition(); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  expect(condition()).toBe(true);
}

describe('the browser socket transport', () => {
  it('fails calls as unreachable while the host is gone, then reconnects by itself', async () => {
    const { cookie, key } = await signIn(host.signInUrl());
    const origin = `http://127.0.0.1:${host.port}`;
    const transport = createSocketTransport({
      connect: () =>
        new WebSocket(`ws://127.0.0.1:${host.port}/contract`, keyProtocols(key), {
          headers: { cookie, origin },
        }),
      retryMs: 20,
      maxRetryMs: 100,
    });
    const connections: ConnectionState[] = [];
    transport.onConnectionChange((state) => connections.push(state));
    const api = createDeskpilotApi(transport);
    try {
      expect(await api.settings.get({})).toMatchObject({ ok: true });

      const { port, sessions } = host;
      await host.close();
      const outcome = await api.phones.list({});
      expect(outcome).toMatchObject({ ok: false, error: { code: 'unreachable' } });
      if (!outcome.ok) expect(outcome.error.message).toMatch(/reconnecting/);

      host = await startBrowserHost({ core, port, sessions, rendererDir: join(dataDir, 'no-ui') });
      await until(() => connections.at(-1) === 'connected' && connections.includes('reconnecting'));
      expect(await api.phones.list({})).toEqual({ ok: true, value: [] });
    } finally {
      transport.close();
    }
  });
});
