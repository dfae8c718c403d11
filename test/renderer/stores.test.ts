import { describe, expect, it, vi } from 'vitest';
import {
  createDeskpilotApi,
  type ConnectionState,
  type ContractTransport,
} from '../../src/shared/contract/api';
import { createAppStores, startAppStores } from '../../src/renderer/stores/app-stores';
import { selectedPhone } from '../../src/renderer/stores/phones-store';
import type { PhoneSnapshot } from '../../src/shared/domain';
import { createTestCore, makeCall, makeSnapshot, startupAnswers } from './support/test-core';
import { settle } from './support/render-app';

async function started(core = createTestCore(startupAnswers([makeSnapshot()]))) {
  const stores = createAppStores(core.api);
  const stop = startAppStores(stores);
  await settle();
  return { core, stores, stop };
}

describe('phones store', () => {
  it('loads the snapshots on start and selects the first phone', async () => {
    const { stores } = await started();
    expect(stores.phones.getState().phase).toBe('ready');
    expect(selectedPhone(stores.phones.getState())?.info.name).toBe('Desk phone');
  });

  it('follows calls being added, changed and removed', async () => {
    const { core, stores } = await started();
    core.emit('phone', {
      type: 'call-added',
      phoneId: 'p1',
      call: makeCall({ state: 'RingBack' }),
    });
    core.emit('phone', {
      type: 'call-changed',
      phoneId: 'p1',
      previousState: 'RingBack',
      call: makeCall({ state: 'Connected' }),
    });
    expect(selectedPhone(stores.phones.getState())?.calls.map((call) => call.state)).toEqual([
      'Connected',
    ]);
    core.emit('phone', {
      type: 'call-removed',
      phoneId: 'p1',
      call: makeCall({ state: 'Disconnected' }),
    });
    expect(selectedPhone(stores.phones.getState())?.calls).toEqual([]);
  });

  it('adds and drops phones on phones-changed, keeping a valid selection', async () => {
    const { core, stores } = await started();
    const other = { ...makeSnapshot().info, id: 'p2', name: 'Lab phone' };
    core.emit('phone', { type: 'phones-changed', phones: [other] });
    const state = stores.phones.getState();
    expect(state.phones.map((phone) => phone.info.name)).toEqual(['Lab phone']);
    expect(state.selectedPhoneId).toBe('p2');
    expect(state.phones[0]?.status.health).toBe('connecting');
  });

  it('says why when the core cannot be reached', async () => {
    const core = createTestCore({
      ...startupAnswers([]),
      'phones.snapshots': () => ({
        code: 'unreachable',
        message: 'The connection to Deskpilot was lost',
      }),
    });
    const { stores } = await started(core);
    expect(stores.phones.getState().phase).toBe('failed');
    expect(stores.phones.getState().loadError).toBe('The connection to Deskpilot was lost');
  });
});

describe('notices store', () => {
  it('keeps an error in view when a burst of successes follows it', () => {
    const { notices } = createAppStores(createTestCore().api);
    notices.getState().push('error', 'Dialling failed: Line not registered');
    for (let n = 1; n <= 5; n += 1) notices.getState().push('success', `Saved ${n}.`);
    expect(notices.getState().notices.map((notice) => notice.text)).toEqual([
      'Dialling failed: Line not registered',
      'Saved 3.',
      'Saved 4.',
      'Saved 5.',
    ]);
  });

  it('says an error once, however often it happens, and lets it go after a while', () => {
    vi.useFakeTimers();
    try {
      const { notices } = createAppStores(createTestCore().api);
      notices.getState().push('error', 'Dialling failed: Line not registered');
      vi.advanceTimersByTime(10_000);
      notices.getState().push('error', 'Dialling failed: Line not registered');
      expect(notices.getState().notices.map((notice) => notice.text)).toEqual([
        'Dialling failed: Line not registered',
      ]);
      vi.advanceTimersByTime(19_000);
      expect(notices.getState().notices).toHaveLength(1);
      vi.advanceTimersByTime(2_000);
      expect(notices.getState().notices).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('phones store refreshes', () => {
  it('keeps the newest snapshot when an older refresh answers last', async () => {
    const held: ((phones: PhoneSnapshot[]) => void)[] = [];
    const transport: ContractTransport = {
      invoke: () =>
        new Promise((resolve) => {
          held.push((phones) => resolve({ ok: true, value: phones } as never));
        }),
      subscribe: () => () => undefined,
    };
    const stores = createAppStores(createDeskpilotApi(transport));
    const older = stores.phones.getState().refresh();
    const newer = stores.phones.getState().refresh();
    const removed = makeSnapshot({ info: { ...makeSnapshot().info, id: 'p2', name: 'Removed' } });
    held[1]?.([makeSnapshot()]);
    await newer;
    held[0]?.([makeSnapshot(), removed]);
    await older;
    expect(stores.phones.getState().phones.map((phone) => phone.info.name)).toEqual(['Desk phone']);
  });
});

describe('calls store', () => {
  it('dials the trimmed destination on the chosen line and remembers it for redial', async () => {
    const { core, stores } = await started();
    core.answer('calls.dial', () => ({ handle: '0x9' }));
    expect(await stores.calls.getState().dial('p1', '  +1 555 010 2000 ', 1)).toBe(true);
    expect(await stores.calls.getState().redial('p1')).toBe(true);
    const dials = core.requests
      .filter((request) => request.channel === 'calls.dial')
      .map((request) => request.args);
    expect(dials).toEqual([
      { phoneId: 'p1', destination: '+1 555 010 2000', line: 1 },
      { phoneId: 'p1', destination: '+1 555 010 2000' },
    ]);
  });

  it('redials the last placed call from the phone log when nothing was dialled here', async () => {
    const { core, stores } = await started();
    core.answer('calls.dial', () => ({ handle: null }));
    core.answer('calls.logs', () => [
      {
        kind: 'placed',
        remoteName: '',
        remoteNumber: '2002',
        line: 1,
        startTime: '2026-11-27T09:00:00',
        durationSeconds: 3,
      },
    ]);
    await stores.calls.getState().redial('p1');
    expect(core.requests.at(-1)).toEqual({
      channel: 'calls.dial',
      args: { phoneId: 'p1', destination: '2002' },
    });
  });

  it('keeps a call pending until every action on it has ended, showing the newest', async () => {
    const held: { channel: string; finish: () => void }[] = [];
    const transport: ContractTransport = {
      invoke: (channel) =>
        new Promise((resolve) => {
          held.push({ channel, finish: () => resolve({ ok: true, value: null } as never) });
        }),
      subscribe: () => () => undefined,
    };
    const stores = createAppStores(createDeskpilotApi(transport));
    const calls = stores.calls.getState();
    const transfer = calls.transfer('p1', '0x1', '2002');
    const tones = calls.sendDtmf('p1', '0x1', '1');
    expect(stores.calls.getState().pending['0x1']).toBe('Sending 1…');
    held.find((request) => request.channel === 'calls.sendDtmf')?.finish();
    await tones;
    // The transfer is still running: the call's buttons must stay disabled.
    expect(stores.calls.getState().pending['0x1']).toBe('Transferring to 2002…');
    held.find((request) => request.channel === 'calls.transfer')?.finish();
    await transfer;
    expect(stores.calls.getState().pending).toEqual({});
  });

  it('refuses an empty number without asking the phone', async () => {
    const { core, stores } = await started();
    expect(await stores.calls.getState().dial('p1', '   ')).toBe(false);
    expect(core.requests.some((request) => request.channel === 'calls.dial')).toBe(false);
    expect(stores.notices.getState().notices.at(-1)?.text).toBe(
      'Type a number or SIP address to dial.',
    );
  });
});

describe('contacts store', () => {
  it('previews an import, then commits it and reloads the list', async () => {
    const { core, stores } = await started();
    core.answer('contacts.previewImport', () => ({
      previewId: 'prev-1',
      format: 'csv',
      contacts: [
        {
          name: 'Ada',
          company: '',
          favourite: false,
          numbers: [{ label: 'work', number: '1001', dialable: '1001' }],
        },
      ],
      skipped: [{ record: 3, reason: 'no phone number' }],
      notes: [],
    }));
    core.answer('contacts.commitImport', () => ({ imported: 1 }));
    await stores.contacts.getState().previewImport('google.csv', 'Name,Phone\nAda,1001\n');
    expect(stores.contacts.getState().preview?.skipped).toEqual([
      { record: 3, reason: 'no phone number' },
    ]);
    core.answer('contacts.list', () => [
      {
        id: 'c1',
        name: 'Ada',
        company: '',
        favourite: false,
        updatedAt: 1,
        numbers: [{ label: 'work', number: '1001', dialable: '1001' }],
      },
    ]);
    expect(await stores.contacts.getState().commitImport()).toBe(true);
    expect(
      core.requests.find((request) => request.channel === 'contacts.commitImport')?.args,
    ).toEqual({ previewId: 'prev-1' });
    expect(stores.contacts.getState().preview).toBeNull();
    expect(stores.contacts.getState().contacts.map((contact) => contact.name)).toEqual(['Ada']);
  });

  it('keeps favourites first, then names in order, as contacts change', async () => {
    const { core, stores } = await started();
    const base = {
      company: '',
      updatedAt: 1,
      numbers: [{ label: '', number: '1', dialable: '1' }],
    };
    core.emit('contacts-changed', {
      changed: [
        { ...base, id: 'a', name: 'Zed', favourite: true },
        { ...base, id: 'b', name: 'Bea', favourite: false },
        { ...base, id: 'c', name: 'Abe', favourite: false },
      ],
      removed: [],
    });
    expect(stores.contacts.getState().contacts.map((contact) => contact.name)).toEqual([
      'Zed',
      'Abe',
      'Bea',
    ]);
    // Only what changed comes: an edit replaces its contact, a removal drops one.
    core.emit('contacts-changed', {
      changed: [{ ...base, id: 'b', name: 'Bea', favourite: true }],
      removed: ['c'],
    });
    expect(stores.contacts.getState().contacts.map((contact) => contact.name)).toEqual([
      'Bea',
      'Zed',
    ]);
  });
});

describe('connection to the core', () => {
  it('flags a lost connection and fetches everything again when it comes back', async () => {
    const core = createTestCore(startupAnswers([makeSnapshot()]));
    const stores = createAppStores(core.api);
    let report: (state: ConnectionState) => void = () => undefined;
    startAppStores(stores, (listener) => {
      report = listener;
      return () => undefined;
    });
    await settle();
    const snapshotRequests = () =>
      core.requests.filter((r) => r.channel === 'phones.snapshots').length;
    expect(snapshotRequests()).toBe(1);

    report('reconnecting');
    expect(stores.ui.getState().connection).toBe('reconnecting');
    // A phone added while the window was cut off only reaches it through the refetch.
    core.answer('phones.snapshots', () => [
      makeSnapshot(),
      makeSnapshot({ info: { ...makeSnapshot().info, id: 'p2', name: 'Lab phone' } }),
    ]);
    report('connected');
    await settle();
    expect(stores.ui.getState().connection).toBe('connected');
    expect(snapshotRequests()).toBe(2);
    expect(stores.phones.getState().phones.map((phone) => phone.info.name)).toEqual([
      'Desk phone',
      'Lab phone',
    ]);
    expect(core.requests.filter((r) => r.channel === 'contacts.list')).toHaveLength(2);
  });
});
