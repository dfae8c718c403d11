/**
 * The IPC wrapper's sender check, on its own: only the top frame of our own window showing an
 * app:// page may call the core — an iframe inside that page may not, even one on app://.
 */
import { describe, expect, it, vi } from 'vitest';

import { wireContractIpc } from '../../src/main/electron/contract-ipc';
import type { Dispatcher } from '../../src/main/ipc/dispatcher';
import { StandInWebContents } from './electron-stand-in';

vi.mock('electron', () => import('./electron-stand-in'));

type InvokeHandler = (event: never, channel: unknown, args: unknown) => unknown;

function wired() {
  const handlers = new Map<string, InvokeHandler>();
  const invoked: unknown[] = [];
  const dispatcher: Dispatcher = {
    invoke: (channel) => {
      invoked.push(channel);
      return Promise.resolve({ ok: true, value: null });
    },
    call: () => Promise.reject(new Error('the wrapper only forwards untrusted calls')),
  };
  const own = new StandInWebContents();
  wireContractIpc({
    ipcMain: {
      handle: (channel: string, handler: InvokeHandler) => void handlers.set(channel, handler),
      removeHandler: (channel: string) => void handlers.delete(channel),
    },
    dispatcher,
    core: { subscribe: () => () => undefined },
    windows: () => [own as never],
  });
  const send = (sender: unknown, frame: { url: string; parent: unknown } | null) =>
    handlers.get('deskpilot:invoke')?.({ sender, senderFrame: frame } as never, 'phones.list', {});
  return { own, invoked, send };
}

const topFrame = { url: 'app://deskpilot/index.html', parent: null };

describe('the contract IPC sender check', () => {
  it('answers the top frame of our window on app://', async () => {
    const { own, invoked, send } = wired();
    expect(await send(own, topFrame)).toMatchObject({ ok: true });
    expect(invoked).toEqual(['phones.list']);
  });

  it('refuses an iframe inside our own page, even one on app://', async () => {
    const { own, invoked, send } = wired();
    const framed = await send(own, { url: 'app://deskpilot/index.html', parent: topFrame });
    expect(framed).toMatchObject({ ok: false, error: { code: 'insufficient-access' } });
    expect(invoked).toEqual([]);
  });

  it('refuses other windows, other pages and a sender without a frame', async () => {
    const { own, invoked, send } = wired();
    const refused = { ok: false, error: { code: 'insufficient-access' } };
    expect(await send(new StandInWebContents(), topFrame)).toMatchObject(refused);
    expect(await send(own, { url: 'https://evil.example/', parent: null })).toMatchObject(refused);
    expect(await send(own, null)).toMatchObject(refused);
    expect(invoked).toEqual([]);
  });
});
