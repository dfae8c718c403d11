import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';

import { createIpcTransport } from '../../src/preload/ipc-transport';
import { createDeskpilotApi } from '../../src/shared/contract/api';

const exposed = vi.hoisted(() => new Map<string, unknown>());
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: {
    invoke: () => Promise.resolve(null),
    on: () => undefined,
    removeListener: () => undefined,
  },
}));

/** Stand-in for ipcRenderer: records invokes and delivers events with an event object first. */
class FakeIpc extends EventEmitter {
  invoked: unknown[][] = [];
  invoke(...args: unknown[]): Promise<unknown> {
    this.invoked.push(args);
    return Promise.resolve({ ok: true, value: [] });
  }
}

describe('the preload bridge', () => {
  it('exposes only the contract verbs as window.deskpilot', async () => {
    await import('../../src/preload/index');
    const api = exposed.get('deskpilot') as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual([
      'calls',
      'config',
      'contacts',
      'device',
      'events',
      'fleet',
      'links',
      'phones',
      'push',
      'screen',
      'settings',
    ]);
    expect(exposed.size).toBe(1);
    expect(JSON.stringify(Object.keys(api))).not.toMatch(/ipc|invoke|send/i);
  });

  it('sends calls over the one invoke channel', async () => {
    const ipc = new FakeIpc();
    const api = createDeskpilotApi(createIpcTransport(ipc as never));
    await api.calls.dial({ phoneId: 'p', destination: '1234' });
    expect(ipc.invoked).toEqual([
      ['deskpilot:invoke', 'calls.dial', { phoneId: 'p', destination: '1234' }],
    ]);
  });

  it('strips the IPC event object and unsubscribes', () => {
    const ipc = new FakeIpc();
    const api = createDeskpilotApi(createIpcTransport(ipc as never));
    const received: unknown[][] = [];
    const stop = api.events.on('settings-changed', (...args: unknown[]) => received.push(args));
    ipc.emit('deskpilot:event:settings-changed', { sender: 'secret ipc event' }, { theme: 'dark' });
    stop();
    ipc.emit(
      'deskpilot:event:settings-changed',
      { sender: 'secret ipc event' },
      { theme: 'light' },
    );
    expect(received).toEqual([[{ theme: 'dark' }]]);
    expect(ipc.listenerCount('deskpilot:event:settings-changed')).toBe(0);
  });
});
