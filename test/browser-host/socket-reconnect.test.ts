/** The browser client survives the host going away and coming back on the same address. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';

import { startBrowserHost, type BrowserHost } from '../../src/main/browser-host/browser-host';
import { createCore, type Core } from '../../src/main/core/create-core';
import { createSocketTransport } from '../../src/renderer/bridge/socket-transport';
import { createDeskpilotApi } from '../../src/shared/contract/api';
import { signIn } from './http-helpers';

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
    const cookie = await signIn(host.url);
    const origin = `http://127.0.0.1:${host.port}`;
    const transport = createSocketTransport({
      connect: () =>
        new WebSocket(`ws://127.0.0.1:${host.port}/contract`, { headers: { cookie, origin } }),
      retryMs: 20,
      maxRetryMs: 100,
    });
    const connections: boolean[] = [];
    transport.onConnectionChange((connected) => connections.push(connected));
    const api = createDeskpilotApi(transport);
    try {
      expect(await api.settings.get({})).toMatchObject({ ok: true });

      const { port, token } = host;
      await host.close();
      const outcome = await api.phones.list({});
      expect(outcome).toMatchObject({ ok: false, error: { code: 'unreachable' } });
      if (!outcome.ok) expect(outcome.error.message).toMatch(/reconnecting/);

      host = await startBrowserHost({ core, port, token, rendererDir: join(dataDir, 'no-ui') });
      await until(() => connections.at(-1) === true && connections.includes(false));
      expect(await api.phones.list({})).toEqual({ ok: true, value: [] });
    } finally {
      transport.close();
    }
  });
});
