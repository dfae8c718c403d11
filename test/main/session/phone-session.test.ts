import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { normaliseHandle } from '../../../src/main/vvx/vvx-values';

import { startSimulator, type Simulator } from '../../../src/simulator';
import { DIALECT_FACTS } from '../../support/dialect-facts';
import { control, stats, waitFor } from '../vvx/sim-control';
import { newSession, startSession, type RecordedSession } from './session-helpers';

describe.each(DIALECT_FACTS)('PhoneSession against the $dialect dialect', (facts) => {
  let sim: Simulator;
  let recorded: RecordedSession;
  const withCallControl = facts.callControl ? it : it.skip;

  beforeAll(async () => {
    sim = await startSimulator({
      phones: 1,
      https: true,
      farEndAnswerMs: 60,
      dialect: facts.dialect,
    });
  });
  afterEach(async () => {
    await recorded.session.stop();
    await control(sim, 'POST', '/__sim/reset');
  });
  afterAll(() => sim.close());

  const online = () =>
    waitFor(() => recorded.session.snapshot().status.health === 'online', 'the phone to be online');

  it('comes online with the phone’s identity and lines', async () => {
    recorded = startSession(sim);
    await waitFor(() => recorded.session.snapshot().lines.length > 0, 'lines');
    const { status, lines, calls } = recorded.session.snapshot();
    expect(status).toMatchObject({
      health: 'online',
      attention: null,
      model: facts.model,
      message: 'Connected.',
      missing: [],
    });
    expect(status.macAddress).toBe(sim.phones[0]?.macAddress);
    expect(lines).toEqual([
      expect.objectContaining({ line: 1, label: '1011', registration: 'Registered' }),
      expect.objectContaining({ line: 2, label: '1012', registration: 'Registered' }),
    ]);
    expect(calls).toEqual([]);
    expect(recorded.events.map((event) => event.type)).toContain('lines-changed');
  });

  withCallControl(
    'dials, resolves with the new call’s handle, and follows it until it ends',
    async () => {
      recorded = startSession(sim);
      await online();
      // 408… rings until the far end is told to answer, so the answer is always seen as a change.
      const { handle } = await recorded.session.calls.dial({ destination: '408 1234' });
      expect(handle).toMatch(/^0x[0-9a-f]+$/);
      if (handle === null) throw new Error('no handle');
      expect(recorded.session.snapshot().calls.map((call) => call.handle)).toContain(handle);
      await control(sim, 'POST', '/__sim/remote', { handle, action: 'answer' });
      const connected = await waitFor(
        () => recorded.session.snapshot().calls.find((call) => call.state === 'Connected'),
        'the far end to answer',
      );
      expect(connected.observedAt).toBeGreaterThan(0);
      const changes = recorded.events.filter((event) => event.type === 'call-changed');
      expect(
        changes.some(
          (event) => event.call.state === 'Connected' && event.previousState !== 'Connected',
        ),
      ).toBe(true);
      await recorded.session.calls.hold({ handle });
      await waitFor(() => recorded.session.snapshot().calls[0]?.state === 'Hold', 'hold');
      await recorded.session.calls.resume({ handle });
      await recorded.session.calls.mute({ muted: true });
      await waitFor(() => recorded.session.snapshot().calls[0]?.muted, 'mute');
      await recorded.session.calls.sendDtmf({ digits: '42#' });
      await recorded.session.calls.end({ handle });
      await waitFor(() => recorded.session.snapshot().calls.length === 0, 'the call to end');
      const removed = recorded.events.find((event) => event.type === 'call-removed');
      expect(removed).toMatchObject({ call: { handle } });
      expect((await stats(sim)).dials).toHaveLength(1);
    },
  );

  withCallControl(
    'resolves a dial with its own call, never an older call to the same number',
    async () => {
      recorded = startSession(sim);
      await online();
      const older = await recorded.session.calls.dial({ destination: '5551234' });
      await recorded.session.stop();
      // A fresh session that has not polled yet, as the CLI starts one: it knows no calls.
      recorded = newSession(sim);
      const { handle } = await recorded.session.calls.dial({ destination: '5551234' });
      expect(handle).not.toBeNull();
      expect(handle).not.toBe(older.handle);
      const calls = await recorded.session.refresh();
      expect(calls.map((call) => call.handle).sort()).toEqual([older.handle, handle].sort());
    },
  );

  withCallControl('reads the calls on request, without waiting for the poller', async () => {
    recorded = startSession(sim);
    await online();
    await recorded.session.calls.dial({ destination: '5554321' });
    const fresh = newSession(sim);
    try {
      expect(fresh.session.snapshot().calls).toEqual([]);
      const calls = await fresh.session.refresh();
      expect(calls).toHaveLength(1);
      expect(calls[0]).toMatchObject({
        direction: 'Outgoing',
        remoteNumber: expect.stringContaining('5554321'),
      });
      expect(fresh.events.map((event) => event.type)).toContain('call-added');
    } finally {
      await fresh.session.stop();
    }
  });

  withCallControl('announces an incoming call and answers it with its handle', async () => {
    recorded = startSession(sim);
    await online();
    const rung = (await control(sim, 'POST', '/__sim/ring', { from: '5550100', name: 'Ada' })) as {
      handle: string;
    };
    const incoming = await waitFor(
      () => recorded.events.find((event) => event.type === 'incoming-call'),
      'the incoming-call event',
    );
    expect(incoming).toMatchObject({
      call: { remoteNumber: '5550100', remoteName: 'Ada', state: 'Offering' },
    });
    const { handle } = await recorded.session.calls.answer({});
    expect(handle).toBe(normaliseHandle(rung.handle));
    await waitFor(() => recorded.session.snapshot().calls[0]?.state === 'Connected', 'answered');
  });

  withCallControl('rejects and ignores ringing calls, and transfers a connected one', async () => {
    recorded = startSession(sim);
    await online();
    await control(sim, 'POST', '/__sim/ring', { from: '5550101' });
    await waitFor(() => recorded.session.snapshot().calls.length === 1, 'ringing');
    await recorded.session.calls.reject({});
    await waitFor(() => recorded.session.snapshot().calls.length === 0, 'rejected');
    await control(sim, 'POST', '/__sim/ring', { from: '5550102' });
    await waitFor(() => recorded.session.snapshot().calls.length === 1, 'ringing again');
    await recorded.session.calls.ignore({});
    const { handle } = await recorded.session.calls.dial({ destination: '5550200' });
    if (handle === null) throw new Error('no handle');
    await waitFor(
      () =>
        recorded.session
          .snapshot()
          .calls.find((c) => c.handle === handle && c.state === 'Connected'),
      'connected',
    );
    await recorded.session.calls.transfer({ handle, destination: '5550300' });
    expect((await stats(sim)).transfers).toHaveLength(1);
  });

  it('reads and writes more than 20 configuration names in batches of 20', async () => {
    recorded = startSession(sim);
    await online();
    const names = Array.from({ length: 45 }, (_, index) => `no.such.${index}`);
    const values = await recorded.session.config.get({ names: [...names, 'httpd.ta.enabled'] });
    expect(Object.keys(values)).toHaveLength(46);
    expect(values['no.such.0']).toBeNull();
    expect(values['httpd.ta.enabled']).not.toBeNull();
    const writes = Object.fromEntries(
      Array.from({ length: 25 }, (_, index) => [`voice.volume.persist.${index}`, '1']),
    );
    await recorded.session.config.set({ values: writes }).catch(() => undefined);
    const seen = await stats(sim);
    expect(seen.requests['/api/v1/mgmt/config/get']).toBe(3);
    expect(seen.requests['/api/v1/mgmt/config/set']).toBeGreaterThanOrEqual(1);
  });

  it('reads device details with the uptime, line details and the transfer type', async () => {
    recorded = startSession(sim);
    await online();
    const details = await recorded.session.device.details();
    expect(details.device.ModelNumber).toBe(facts.model);
    expect(details.uptimeSeconds).toBeGreaterThanOrEqual(0);
    expect(Object.keys(details.network).length).toBeGreaterThan(0);
    expect(await recorded.session.device.lines()).toEqual([
      expect.objectContaining({ line: 1, label: '1011', registration: 'Registered' }),
      expect.objectContaining({ line: 2, label: '1012', registration: 'Registered' }),
    ]);
    await recorded.session.config.setTransferType({ type: 'Blind' });
    expect(await recorded.session.config.getTransferType()).toEqual({ type: 'Blind' });
  });

  withCallControl('reads the media and then the call log of a call', async () => {
    recorded = startSession(sim);
    await online();
    const { handle } = await recorded.session.calls.dial({ destination: '5551111' });
    await waitFor(() => recorded.session.snapshot().calls[0]?.state === 'Connected', 'connected');
    const media = await recorded.session.device.media();
    expect(media[0]?.codec).not.toBe('');
    expect(media[0]?.handle).toBe(handle);
    await recorded.session.calls.end({ handle: handle ?? '' });
    expect((await recorded.session.calls.logs({ kind: 'placed' }))[0]?.remoteNumber).toBe(
      '5551111',
    );
  });

  it('reads the Skype for Business presence, inside data or beside it', async () => {
    recorded = startSession(sim);
    await online();
    expect(await recorded.session.device.skypePresence()).toMatchObject({ supported: false });
    await control(sim, 'POST', '/__sim/config', {
      params: { 'device.baseProfile': 'SkypeForBusiness' },
    });
    expect(await recorded.session.device.skypePresence()).toMatchObject({
      supported: true,
      presence: 'Offline',
    });
  });

  it('says which parameters the phone did not set, and sets the others where it does', async () => {
    recorded = startSession(sim);
    await online();
    const refusal = await recorded.session.config
      .set({ values: { 'up.backlight.idleIntensity': '2', 'no.such.name': '1' } })
      .catch((error: unknown) => error);
    expect(refusal).toMatchObject({ code: 'invalid-argument' });
    const values = await recorded.session.config.get({ names: ['up.backlight.idleIntensity'] });
    if (facts.partialConfigSet) {
      expect((refusal as Error).message).toBe(
        'The phone does not know this parameter, so it did not set it: no.such.name. It set the other 1.',
      );
      expect(values['up.backlight.idleIntensity']?.value).toBe('2');
    } else {
      expect(values['up.backlight.idleIntensity']?.value).toBe('1');
    }
  });

  it.runIf(!facts.callControl)(
    'says in words that the phone offers no call control, and still shows its calls',
    async () => {
      recorded = startSession(sim);
      await online();
      const refusal = await recorded.session.calls
        .dial({ destination: '5551234' })
        .catch((error: unknown) => error);
      expect(refusal).toMatchObject({ code: 'not-supported', httpStatus: 404 });
      expect((refusal as Error).message).toMatch(
        /^This phone does not offer call control through its REST API/,
      );
      expect((refusal as Error).message).not.toMatch(/disabled|turn it on/i);
      await waitFor(
        () => recorded.session.snapshot().status.missing.includes('call-control'),
        'the status to say so',
      );
      expect(recorded.session.snapshot().status).toMatchObject({
        health: 'online',
        attention: null,
      });
      await control(sim, 'POST', '/__sim/ring', { from: '5550100', name: 'Ada' });
      await waitFor(
        () => recorded.session.snapshot().calls.find((call) => call.state === 'Offering'),
        'the ringing call to show',
      );
      await expect(recorded.session.calls.answer({})).rejects.toMatchObject({
        code: 'not-supported',
      });
      const log = await recorded.session.device.log();
      expect(log.filter((entry) => entry.text.includes('call control'))).toHaveLength(2);
    },
  );

  it('refuses bad input with words, before anything reaches the phone', async () => {
    recorded = startSession(sim);
    await online();
    await expect(recorded.session.calls.dial({ destination: '' })).rejects.toMatchObject({
      code: 'invalid-argument',
    });
    await expect(
      recorded.session.calls.dial({ destination: '555', line: 0 }),
    ).rejects.toMatchObject({
      code: 'invalid-argument',
    });
    await expect(recorded.session.calls.end({ handle: 'xyz' })).rejects.toMatchObject({
      code: 'invalid-argument',
    });
    await expect(recorded.session.calls.sendDtmf({ digits: '12x' })).rejects.toMatchObject({
      code: 'invalid-argument',
    });
    await expect(
      recorded.session.screen.touch({ type: 'Swipe', positions: [{ x: 1, y: 1 }] }),
    ).rejects.toMatchObject({
      code: 'invalid-argument',
    });
    await expect(recorded.session.config.get({ names: ['bad name'] })).rejects.toMatchObject({
      code: 'invalid-argument',
    });
    expect((await stats(sim)).dials).toHaveLength(0);
  });

  it('polls cheaply while idle and switches to callStatus while a call exists', async () => {
    recorded = startSession(sim);
    await waitFor(() => recorded.session.snapshot().lines.length > 0, 'lines');
    const count = async () => {
      const { requests } = await stats(sim);
      return {
        total: Object.values(requests).reduce((sum, value) => sum + value, 0),
        poll: requests['/api/v1/mgmt/pollForStatus'] ?? 0,
        calls: requests['/api/v2/webCallControl/callStatus'] ?? 0,
      };
    };
    const before = await count();
    await waitFor(async () => (await count()).poll >= before.poll + 5, 'idle polls');
    const idle = await count();
    // Idle: nothing but the cheap pollForStatus.
    expect(idle.total - before.total).toBe(idle.poll - before.poll);
    await control(sim, 'POST', '/__sim/ring', { from: '5550111' });
    await waitFor(() => recorded.session.snapshot().calls.length === 1, 'the ringing call');
    const ringing = await count();
    await waitFor(async () => (await count()).calls >= ringing.calls + 5, 'call polls');
    const inCall = await count();
    // In a call: callStatus v2 only, no pollForStatus.
    expect(inCall.poll).toBe(ringing.poll);
    expect(inCall.total - ringing.total).toBe(inCall.calls - ringing.calls);
  });

  withCallControl(
    'reports a dial lost in transit as unknown, never dials again, and invents no call',
    async () => {
      recorded = startSession(sim);
      await online();
      await control(sim, 'POST', '/__sim/faults', {
        drop: { count: 1, paths: ['/api/v1/callctrl/dial'] },
      });
      const error = await recorded.session.calls
        .dial({ destination: '5552222' })
        .catch((problem: unknown) => problem);
      expect(error).toMatchObject({ code: 'outcome-unknown' });
      expect((error as Error).message).toContain('not repeated');
      const seen = await stats(sim);
      expect(seen.requests['/api/v1/callctrl/dial']).toBe(1);
      expect(recorded.session.snapshot().calls).toEqual([]);
      expect((await recorded.session.calls.dial({ destination: '5552222' })).handle).not.toBeNull();
    },
  );

  withCallControl(
    'finds the call of a dial whose answer was lost after the phone dialled',
    async () => {
      recorded = startSession(sim);
      await online();
      await control(sim, 'POST', '/__sim/faults', {
        dropAfter: { count: 1, paths: ['/api/v1/callctrl/dial'] },
      });
      const { handle } = await recorded.session.calls.dial({ destination: '5556666' });
      expect(handle).not.toBeNull();
      expect(recorded.session.snapshot().calls.map((call) => call.handle)).toEqual([handle]);
      const seen = await stats(sim);
      expect(seen.dials).toHaveLength(1);
      expect(seen.faultsInjected).toBe(1);
    },
  );

  withCallControl(
    'reports an unconfirmed dial that did ring as unknown, never dials again, then shows the call',
    async () => {
      // Slow polling, so only the dial's own reads meet the dropped connections below.
      recorded = startSession(sim, { pollIntervalIdleMs: 60_000, pollIntervalActiveMs: 60_000 });
      await online();
      await waitFor(() => recorded.session.snapshot().lines.length > 0, 'the first poll to end');
      await control(sim, 'POST', '/__sim/faults', {
        dropAfter: { count: 1, paths: ['/api/v1/callctrl/dial'] },
        // The read before the dial, and both attempts of the read after it.
        drop: { count: 3, paths: ['/api/v2/webCallControl/callStatus'] },
      });
      const error = await recorded.session.calls
        .dial({ destination: '5557777' })
        .catch((problem: unknown) => problem);
      expect(error).toMatchObject({ code: 'outcome-unknown' });
      const call = await waitFor(
        () => recorded.session.snapshot().calls.find((item) => item.direction === 'Outgoing'),
        'the call to be reconciled from callStatus',
      );
      expect(call.remoteNumber).toContain('5557777');
      expect((await stats(sim)).dials).toHaveLength(1);
    },
  );

  withCallControl(
    'resolves a dial that worked even when the calls cannot be read right after it',
    async () => {
      recorded = startSession(sim);
      await online();
      await control(sim, 'POST', '/__sim/faults', {
        drop: { count: 8, paths: ['/api/v2/webCallControl/callStatus'] },
      });
      expect(await recorded.session.calls.dial({ destination: '5553333' })).toEqual({
        handle: null,
      });
      expect((await stats(sim)).dials).toHaveLength(1);
      await waitFor(
        () => recorded.session.snapshot().calls.length === 1,
        'the poller to find the call',
      );
    },
  );

  it('cancels queued work when stopped', async () => {
    recorded = startSession(sim);
    await online();
    await control(sim, 'POST', '/__sim/faults', { latencyMs: 30 });
    const pending = Array.from({ length: 5 }, () =>
      recorded.session.calls.logs({ kind: 'missed' }).then(
        () => 'done',
        (error: { code: string }) => error.code,
      ),
    );
    const logs = ['placed', 'received'] as const;
    const more = logs.map((kind) =>
      recorded.session.calls.logs({ kind }).catch((error: { code: string }) => error.code),
    );
    await recorded.session.stop();
    const outcomes = await Promise.all([...pending, ...more]);
    expect(outcomes).toContain('cancelled');
    await expect(recorded.session.calls.dial({ destination: '5551234' })).rejects.toMatchObject({
      code: 'cancelled',
    });
  });
});
