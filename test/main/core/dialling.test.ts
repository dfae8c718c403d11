import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { createCore, type Core } from '../../../src/main/core/create-core';
import { startSimulator, type Simulator } from '../../../src/simulator';
import { control, stats, waitFor } from '../vvx/sim-control';
import { tempDataDir } from './core-helpers';

interface SimCall {
  CallHandle: string;
  CallState: string;
  Dtmf: string;
}

let simulator: Simulator;
let data: { dir: string; remove: () => Promise<void> };
let core: Core;
let phoneId: string;
const logged: string[] = [];

beforeAll(async () => {
  simulator = await startSimulator({ phones: 1, https: true, farEndAnswerMs: 80 });
});
afterAll(() => simulator.close());
beforeEach(async () => {
  data = await tempDataDir();
  core = await createCore({ dataDir: data.dir, demo: false, log: (line) => logged.push(line) });
  const phone = simulator.phones[0];
  if (phone === undefined) throw new Error('no simulated phone');
  const info = await core.handlers['phones.add']({
    name: 'Desk',
    url: phone.url,
    username: phone.username,
    password: phone.adminPassword,
    acceptFingerprint: phone.fingerprint ?? '',
  });
  phoneId = info.id;
});
afterEach(async () => {
  await core.close();
  await data.remove();
  await control(simulator, 'POST', '/__sim/reset');
  logged.length = 0;
});

async function simCalls(): Promise<SimCall[]> {
  const state = (await control(simulator, 'GET', '/__sim/state')) as { calls: SimCall[] };
  return state.calls;
}

async function dtmfOf(handle: string | null): Promise<string | undefined> {
  const wanted = (handle ?? '').replace(/^0x/, '').toLowerCase();
  const calls = await simCalls();
  return calls.find((call) => call.CallHandle.replace(/^0x/, '').toLowerCase() === wanted)?.Dtmf;
}

describe('extensions and post-dial digits', () => {
  it('sends ";ext=" digits as DTMF once the dialled call is connected', async () => {
    const { handle } = await core.handlers['calls.dial']({
      phoneId,
      destination: 'tel:+1-555-123-4567;ext=89',
    });
    expect(handle).not.toBeNull();
    // The phone refuses DTMF before the far end answers, so '89' arriving proves the wait.
    await waitFor(async () => (await dtmfOf(handle)) === '89', 'the extension as DTMF');
    const seen = await stats(simulator);
    expect(seen.dials).toHaveLength(1);
    expect(seen.dials[0]?.destination).not.toContain('89');
    expect(logged).toEqual([]);
  });

  it('sends ";postd=" digits of a link dialled at once', async () => {
    await core.handlers['settings.set']({ clickToDial: 'dial' });
    const outcome = await core.requestDial('link', 'tel:555-123-4567;postd=89%23');
    if (!outcome.ok || outcome.value === 'confirm') throw new Error('the link was not dialled');
    await waitFor(async () => (await dtmfOf(outcome.value.handle)) === '89#', 'post-dial DTMF');
  });

  it('sends nothing when the far end is busy, and says why', async () => {
    const { handle } = await core.handlers['calls.dial']({
      phoneId,
      destination: '486 555 1234 ext. 7',
    });
    await waitFor(() => logged.length > 0, 'the post-dial outcome');
    expect(logged[0]).toContain('call-ended');
    // The phone may still list the ended call for a moment (Disconnected): no digits either way.
    expect((await dtmfOf(handle)) ?? '').toBe('');
    expect((await stats(simulator)).dials).toHaveLength(1);
  });
});

describe('click-to-dial safety', () => {
  it('asks before an emergency or very short number even when set to dial at once', async () => {
    await core.handlers['settings.set']({ clickToDial: 'dial' });
    const asked: string[] = [];
    const off = core.subscribe('dial-request', (request) => asked.push(request.link.destination));
    try {
      for (const [source, link] of [
        ['link', 'tel:911'],
        ['shortcut', '112'],
        ['link', 'sip:999@example.com'],
        ['command-line', '000'],
        ['shortcut', '9 911'],
        ['link', 'tel:10111'],
      ] as const) {
        expect(await core.requestDial(source, link)).toEqual({ ok: true, value: 'confirm' });
      }
      expect(asked).toEqual(['911', '112', 'sip:999@example.com', '000', '9911', '10111']);
      expect((await stats(simulator)).dials).toEqual([]);
      const outcome = await core.requestDial('shortcut', '555 1234');
      expect(outcome).toMatchObject({ ok: true, value: { handle: expect.any(String) } });
      expect((await stats(simulator)).dials).toHaveLength(1);
    } finally {
      off();
    }
  });

  it('lets the user dial an emergency number from the app itself', async () => {
    const { handle } = await core.handlers['calls.dial']({ phoneId, destination: '112' });
    expect(handle).not.toBeNull();
    expect((await stats(simulator)).dials).toMatchObject([{ destination: '112' }]);
  });
});
