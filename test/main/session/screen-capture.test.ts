import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { CaptureLedgerFile } from '../../../src/main/session/screen/capture-ledger-file';
import { startSimulator, type Simulator } from '../../../src/simulator';
import { control, waitFor } from '../vvx/sim-control';
import { startSession } from './session-helpers';

const VIEWER = 'test-viewer';

interface SimCapture {
  screenCapture: { enabled: boolean; setting: boolean; served: boolean };
}

const simState = async (sim: Simulator) =>
  (await control(sim, 'GET', '/__sim/state')) as SimCapture;

async function online(sim: Simulator, ledger?: CaptureLedgerFile) {
  const recorded = startSession(sim, {
    captureLedger: ledger?.forPhone('phone-0'),
    timeouts: { read: 5000, control: 5000, slow: 5000 },
  });
  await waitFor(() => recorded.session.snapshot().status.model !== null, 'identity');
  return recorded.session;
}

describe('remote screen: the real picture and its switch', () => {
  let sim: Simulator;
  let dir: string;
  beforeAll(async () => {
    sim = await startSimulator({ phones: 1, https: true, expansionModules: 1 });
    dir = await mkdtemp(join(tmpdir(), 'deskpilot-capture-'));
  });
  afterEach(() => control(sim, 'POST', '/__sim/reset'));
  afterAll(async () => {
    await sim.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('says the capture is off and what turning it on changes, then shows the picture and puts the settings back', async () => {
    const session = await online(sim);
    try {
      const off = await session.screen.get({ viewer: VIEWER });
      expect(off.capture.state).toBe('off');
      if (off.capture.state !== 'off') return;
      expect(off.capture.offer.blocked).toBeNull();
      expect(off.capture.offer.changes.map((c) => [c.name, c.from, c.to])).toEqual([
        ['up.screenCapture.enabled', '0', '1'],
        ['up.screenCapture.value', '0', '1'],
      ]);
      expect(off.structure.xml.length).toBeGreaterThan(0);

      const on = await session.screen.enableCapture({ viewer: VIEWER });
      expect(on.state).toBe('on');
      if (on.state !== 'on') return;
      const [main, module] = on.pictures;
      expect(main).toMatchObject({ screen: 'mainScreen', width: 480, height: 252 });
      expect(module?.screen).toBe('em/1');
      expect(
        Buffer.from(main?.png ?? '', 'base64')
          .subarray(1, 4)
          .toString(),
      ).toBe('PNG');
      expect((await simState(sim)).screenCapture.served).toBe(true);

      // A picture the viewer already shows is not sent again (the phone's clock changes it
      // every second, so read until two reads in a row show the same picture).
      let known = main?.id ?? '';
      let unchanged: { png: string | null } | undefined;
      for (let i = 0; i < 5 && unchanged === undefined; i += 1) {
        const again = await session.screen.get({ viewer: VIEWER, known: [known] });
        const shown = again.capture.state === 'on' ? again.capture.pictures[0] : undefined;
        if (shown?.id === known) unchanged = shown;
        else known = shown?.id ?? '';
      }
      expect(unchanged?.png).toBeNull();

      await session.screen.release({ viewer: VIEWER });
      expect((await simState(sim)).screenCapture).toMatchObject({
        enabled: false,
        setting: false,
        served: false,
      });
    } finally {
      await session.stop();
    }
  });

  it('leaves settings that were on as they were', async () => {
    await control(sim, 'POST', '/__sim/config', {
      params: { 'up.screenCapture.enabled': '1', 'up.screenCapture.value': '1' },
    });
    const session = await online(sim);
    try {
      const reading = await session.screen.get({ viewer: VIEWER });
      expect(reading.capture.state).toBe('on');
      await session.screen.release({ viewer: VIEWER });
      expect((await simState(sim)).screenCapture.served).toBe(true);
    } finally {
      await session.stop();
    }
  });

  it('puts the settings back when the session stops, and at the next start after a crash', async () => {
    const file = join(dir, 'restore.json');
    const ledger = new CaptureLedgerFile(file);
    const first = await online(sim, ledger);
    await first.screen.enableCapture({ viewer: VIEWER });
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({
      'phone-0': { 'up.screenCapture.enabled': '0', 'up.screenCapture.value': '0' },
    });
    await first.stop();
    expect((await simState(sim)).screenCapture.served).toBe(false);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({});

    // A run killed while the capture was on: its record is all the next run has.
    const killed = await online(sim, ledger);
    await killed.screen.enableCapture({ viewer: VIEWER });
    const record = await readFile(file, 'utf8');
    const orphan = new CaptureLedgerFile(file);
    expect(orphan.forPhone('phone-0').pending()).toEqual(JSON.parse(record)['phone-0']);
    const next = await online(sim, orphan);
    try {
      await waitFor(async () => !(await simState(sim)).screenCapture.served, 'restored');
      expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({});
    } finally {
      await next.stop();
      await killed.stop();
    }
  });
});

describe('remote screen: firmware before 5.7', () => {
  it('turns on the admin switch and says what the person at the phone must press', async () => {
    const sim = await startSimulator({ phones: 1, firmware: '5.6.1.1234' });
    const session = await online(sim);
    try {
      const off = await session.screen.get({ viewer: VIEWER });
      expect(off.capture.state === 'off' && off.capture.offer.atThePhone).toContain(
        'Settings → Basic → Preferences → Screen Capture',
      );
      const after = await session.screen.enableCapture({ viewer: VIEWER });
      expect(after.state === 'off' && after.offer.atThePhone).toContain('Screen Capture');
      expect((await simState(sim)).screenCapture.enabled).toBe(true);
      await control(sim, 'POST', '/__sim/screen-capture', { on: true });
      const on = await session.screen.get({ viewer: VIEWER });
      expect(on.capture.state).toBe('on');
    } finally {
      await session.stop();
      await sim.close();
    }
  });
});
