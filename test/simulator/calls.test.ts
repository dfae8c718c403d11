import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator';
import {
  callsOf,
  control,
  data,
  firstPhone,
  statusOf,
  waitFor,
  logsOf,
  waitForCallState,
  type CallV2,
} from './support';

const T = 300;

describe('calls, the dial plan and call logs', () => {
  let sim: Simulator;
  const phone = (): ReturnType<typeof firstPhone> => firstPhone(sim);
  const dial = (dest: string, line?: string): Promise<string> =>
    statusOf(phone(), 'POST', '/api/v1/callctrl/dial', {
      data: line ? { Dest: dest, Line: line } : { Dest: dest },
    });
  const logs = (): ReturnType<typeof logsOf> => logsOf(phone());
  const ring = (from: string, extra: Record<string, unknown> = {}): Promise<{ handle: string }> =>
    control(sim, phone(), 'POST', 'ring', { from, name: 'Alice', ...extra });

  beforeAll(async () => {
    sim = await startSimulator({ farEndAnswerMs: T });
  });
  afterAll(async () => {
    await sim.close();
  });
  beforeEach(async () => {
    await control(sim, phone(), 'POST', 'reset');
  });

  it('walks a dialled call through Setup and Proceeding to RingBack, and counts the dial', async () => {
    expect(await dial('4081234')).toBe('2000');
    const seen: string[] = [];
    await waitFor(async () => {
      const [c] = await callsOf(phone());
      if (c && seen.at(-1) !== c.CallState) seen.push(c.CallState);
      return c?.CallState === 'RingBack';
    }, 'ring-back');
    expect(seen.at(-1)).toBe('RingBack');
    expect(seen.every((state) => ['Setup', 'Proceeding', 'RingBack'].includes(state))).toBe(true);
    const stats = await control<{ dials: { destination: string; line: number }[] }>(
      sim,
      phone(),
      'GET',
      'stats',
    );
    expect(stats.dials).toEqual([expect.objectContaining({ destination: '4081234', line: 1 })]);
  });

  it('connects when the far end answers, and the duration ticks', async () => {
    expect(await dial('5551234')).toBe('2000');
    const connected = await waitForCallState(phone(), 'Connected');
    expect(connected).toMatchObject({
      Type: 'Outgoing',
      RemotePartyNumber: '5551234',
      LineID: '1',
      UIAppearanceIndex: '1*',
    });
    const ticking = await waitFor(async () => {
      const [c] = await callsOf(phone());
      return Number(c?.DurationSeconds) >= 1 ? c : undefined;
    }, 'the duration to tick');
    expect(ticking.CallHandle).toBe(connected.CallHandle);
  });

  it('follows the dial plan: busy, rejected and unknown numbers end and are logged as placed', async () => {
    for (const number of ['4861', 'sip:6031@pbx.test', 'tel:+404-1']) {
      await dial(number);
      await waitFor(
        async () => (await logs()).placed[0]?.RemotePartyNumber === number,
        `${number} to end`,
      );
      expect(await callsOf(phone())).toEqual([]);
    }
    const placed = (await logs()).placed.map((e) => [e.RemotePartyNumber, e.Duration]);
    expect(placed).toEqual([
      ['tel:+404-1', '0'],
      ['sip:6031@pbx.test', '0'],
      ['4861', '0'],
    ]);
  });

  it('lets a no-answer number ring until the far end is told to answer, and a 200 number hang up', async () => {
    await dial('4081');
    const ringing = await waitForCallState(phone(), 'RingBack');
    await new Promise((resolve) => setTimeout(resolve, T + 100));
    expect((await callsOf(phone()))[0]?.CallState).toBe('RingBack');
    await control(sim, phone(), 'POST', 'remote', { handle: ringing.CallHandle, action: 'answer' });
    expect((await callsOf(phone()))[0]?.CallState).toBe('Connected');
    await control(sim, phone(), 'POST', 'remote', { handle: ringing.CallHandle, action: 'hangup' });
    expect((await callsOf(phone()))[0]?.CallState).toBe('Disconnected');
    await waitFor(async () => (await callsOf(phone())).length === 0, 'the call to clear');

    await dial('2001');
    await waitForCallState(phone(), 'Connected');
    await waitFor(async () => (await callsOf(phone())).length === 0, 'the far end to hang up');
    expect((await logs()).placed.map((e) => e.RemotePartyNumber)).toEqual(['2001', '4081']);
  });

  it('rings an incoming call, answers it, and logs it as received', async () => {
    const { handle } = await ring('5550100', { line: 2 });
    const offering = await waitForCallState(phone(), 'Offering');
    expect(offering).toMatchObject({
      CallHandle: handle,
      Ringing: '1',
      Type: 'Incoming',
      LineID: '2',
      RemotePartyName: 'Alice',
    });
    expect(
      await statusOf(phone(), 'POST', '/api/v1/callctrl/answerCall', {
        data: { Ref: `0x${handle.toUpperCase()}` },
      }),
    ).toBe('2000');
    expect((await callsOf(phone()))[0]).toMatchObject({ CallState: 'Connected', Ringing: '0' });
    expect(
      await statusOf(phone(), 'POST', '/api/v1/callctrl/endCall', { data: { Ref: handle } }),
    ).toBe('2000');
    expect(await callsOf(phone())).toEqual([]);
    expect((await logs()).received).toEqual([
      expect.objectContaining({ RemotePartyNumber: '5550100', LineNumber: '2' }),
    ]);
  });

  it('logs ignored, rejected, abandoned, hung-up and do-not-disturb calls as missed', async () => {
    await ring('1');
    expect(await statusOf(phone(), 'POST', '/api/v1/callctrl/ignoreCall')).toBe('2000');
    await ring('2');
    expect(await statusOf(phone(), 'POST', '/api/v1/callctrl/rejectCall', { data: {} })).toBe(
      '2000',
    );
    await ring('3', { ringMs: 50 });
    await waitFor(async () => (await callsOf(phone())).length === 0, 'the caller to give up');
    const { handle } = await ring('4');
    await control(sim, phone(), 'POST', 'remote', { handle, action: 'hangup' });
    await control(sim, phone(), 'POST', 'config', { dnd: true });
    expect(await ring('5')).toMatchObject({ handle: null });
    expect((await logs()).missed.map((e) => e.RemotePartyNumber)).toEqual([
      '5',
      '4',
      '3',
      '2',
      '1',
    ]);
    expect(await callsOf(phone())).toEqual([]);
  });

  it('holds, resumes and refuses what a phone refuses with 4003 and 4007', async () => {
    await dial('5551');
    const call = await waitForCallState(phone(), 'Connected');
    const ref = { Ref: call.CallHandle };
    const post = (path: string, body?: unknown): Promise<string> =>
      statusOf(phone(), 'POST', `/api/v1/callctrl/${path}`, { data: body });
    expect(await post('resumeCall', ref)).toBe('4003');
    expect(await post('answerCall', ref)).toBe('4003');
    expect(await post('holdCall')).toBe('2000');
    expect((await callsOf(phone()))[0]?.CallState).toBe('Hold');
    expect(await post('holdCall', ref)).toBe('4003');
    expect(await post('endCall', ref)).toBe('4003');
    expect(await post('mute', { state: '1' })).toBe('4003');
    expect(await post('resumeCall')).toBe('2000');
    expect((await callsOf(phone()))[0]?.CallState).toBe('Connected');
    expect(await post('holdCall', { Ref: 'abcdef01' })).toBe('4007');
    expect(await post('transferCall', { Ref: 'abcdef01', TransferDest: '1' })).toBe('4007');
    expect(await dial('1', '3')).toBe('4005');
    await control(sim, phone(), 'POST', 'config', { registration: { '2': 'Unregistered' } });
    expect(await dial('1', '2')).toBe('4002');
    expect(await post('dial', { Dest: '1', Type: 'FAX' })).toBe('4000');
  });

  it('keeps several calls: a new call holds the connected one and becomes the selected call', async () => {
    await dial('5552');
    const first = await waitForCallState(phone(), 'Connected');
    await dial('5553');
    const second = await waitFor(async () => {
      const calls = await callsOf(phone());
      return calls.find((c) => c.RemotePartyNumber === '5553' && c.CallState === 'Connected');
    }, 'the second call to connect');
    const all = await callsOf(phone());
    const byNumber = (n: string): CallV2 | undefined => all.find((c) => c.RemotePartyNumber === n);
    expect(byNumber('5552')).toMatchObject({
      CallState: 'Hold',
      UIAppearanceIndex: '1',
      CallSequence: '1',
    });
    expect(byNumber('5553')).toMatchObject({ UIAppearanceIndex: '2*', CallSequence: '2' });
    const q = (query: string): Promise<CallV2[]> =>
      data<CallV2[]>(phone(), 'GET', `/api/v2/webCallControl/callStatus?${query}`);
    expect((await q(`handle=${first.CallHandle}`)).map((c) => c.CallHandle)).toEqual([
      first.CallHandle,
    ]);
    expect((await q('line=1&sequence=2')).map((c) => c.CallHandle)).toEqual([second.CallHandle]);
    expect(await q('line=2')).toEqual([]);
    expect(
      await statusOf(phone(), 'GET', '/api/v2/webCallControl/callStatus?line=1&handle=1'),
    ).toBe('4000');
    expect(
      await statusOf(phone(), 'GET', '/api/v2/webCallControl/callStatus?handle=00000000'),
    ).toBe('4007');
    const v1 = await data<{ CallHandle: string }>(
      phone(),
      'GET',
      '/api/v1/webCallControl/callStatus',
    );
    expect(v1.CallHandle).toBe(second.CallHandle);
    expect(
      await statusOf(phone(), 'POST', '/api/v1/callctrl/resumeCall', {
        data: { Ref: first.CallHandle },
      }),
    ).toBe('2000');
    expect((await q(`handle=${second.CallHandle}`))[0]?.CallState).toBe('Hold');
  });

  it('mutes, sends DTMF and transfers, and every status endpoint tells the same story', async () => {
    expect(await statusOf(phone(), 'POST', '/api/v1/callctrl/mute', { data: { state: '1' } })).toBe(
      '4007',
    );
    expect(
      await statusOf(phone(), 'POST', '/api/v1/callctrl/sendDTMF', { data: { Digits: '1' } }),
    ).toBe('4007');
    await dial('5554');
    const call = await waitForCallState(phone(), 'Connected');
    expect(await statusOf(phone(), 'POST', '/api/v1/callctrl/mute', { data: { state: '1' } })).toBe(
      '2000',
    );
    expect(
      await statusOf(phone(), 'POST', '/api/v1/callctrl/sendDTMF', { data: { Digits: '12*#' } }),
    ).toBe('2000');
    expect(
      await statusOf(phone(), 'POST', '/api/v1/callctrl/sendDTMF', { data: { Digits: '1x' } }),
    ).toBe('4000');
    expect((await callsOf(phone()))[0]?.Muted).toBe('1');
    const poll = await data<{ State: string }>(phone(), 'GET', '/api/v1/mgmt/pollForStatus');
    expect(poll.State).toBe('Active');
    const lines = await data<{ CallAppearances: string[]; Active: string }[]>(
      phone(),
      'GET',
      '/api/v2/mgmt/lineInfo?line=1',
    );
    expect(lines[0]).toMatchObject({ CallAppearances: [call.CallHandle], Active: 'True' });
    const sip = await data<{ User: { Calls: { CallState: string }[] }[] }>(
      phone(),
      'GET',
      '/api/v1/webCallControl/sipStatus',
    );
    expect(sip.User[0]?.Calls).toEqual([expect.objectContaining({ CallState: 'Connected' })]);
    const comm = await data<{ CommunicationType: string[]; PhoneMuteState: string }>(
      phone(),
      'GET',
      '/api/v1/mgmt/media/communicationInfo',
    );
    expect(comm).toMatchObject({ CommunicationType: ['RxTx'], PhoneMuteState: 'True' });
    type Sessions = { Streams: { PacketsReceived: string }[] }[];
    const packets = async (): Promise<number> =>
      Number(
        (await data<Sessions>(phone(), 'GET', '/api/v1/mgmt/media/sessionStats'))[0]?.Streams[0]
          ?.PacketsReceived,
      );
    const before = await packets();
    await waitFor(async () => (await packets()) > before, 'media counters to move');
    expect(
      await statusOf(phone(), 'POST', '/api/v1/callctrl/transferCall', {
        data: { Ref: call.CallHandle, TransferDest: '7000' },
      }),
    ).toBe('2000');
    expect(await callsOf(phone())).toEqual([]);
    const stats = await control<{ dtmf: string[]; transfers: { destination: string }[] }>(
      sim,
      phone(),
      'GET',
      'stats',
    );
    expect(stats.dtmf).toEqual(['12*#']);
    expect(stats.transfers).toEqual([expect.objectContaining({ destination: '7000' })]);
    const idle = await data<{ State: string; StateData: string }>(
      phone(),
      'GET',
      '/api/v1/mgmt/pollForStatus',
    );
    expect(idle.State).toBe('Idle');
    expect(idle.StateData).toMatch(/^Time of last call \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
    expect(
      (
        await data<{ PhoneMuteState: string }>(
          phone(),
          'GET',
          '/api/v1/mgmt/media/communicationInfo',
        )
      ).PhoneMuteState,
    ).toBe('False');
  });
});
