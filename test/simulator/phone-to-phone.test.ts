import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type SimulatedPhoneInfo, type Simulator } from '../../src/simulator';
import {
  call,
  callsOf,
  control,
  data,
  statusOf,
  waitFor,
  logsOf as logs,
  waitForCallState,
  type CallV2,
} from './support';

/**
 * The far end's time unit: long enough that a simulated phone's answer is not the dial plan's,
 * and that an ended call's Disconnected display (min(1 s, T)) outlasts a busy machine's request.
 */
const T = 400;

describe('simulated phones calling each other', () => {
  let sim: Simulator;
  const phone = (index: number): SimulatedPhoneInfo => {
    const found = sim.phones[index];
    if (!found) throw new Error(`no phone ${index}`);
    return found;
  };
  const [alice, bob, carol] = [() => phone(0), () => phone(1), () => phone(2)];
  const dial = (from: SimulatedPhoneInfo, dest: string): Promise<string> =>
    statusOf(from, 'POST', '/api/v1/callctrl/dial', { data: { Dest: dest } });
  const post = (on: SimulatedPhoneInfo, verb: string, ref?: string): Promise<string> =>
    statusOf(
      on,
      'POST',
      `/api/v1/callctrl/${verb}`,
      ref === undefined ? {} : { data: { Ref: ref } },
    );
  const screenText = (of: SimulatedPhoneInfo): Promise<string> =>
    data<string>(of, 'GET', '/api/v1/mgmt/uixml');
  const noCalls = (of: SimulatedPhoneInfo): Promise<boolean> =>
    waitFor(async () => (await callsOf(of)).length === 0, 'no calls');

  /** Alice (1011) dials Bob's first line (1021) and Bob's phone rings. */
  async function aliceCallsBob(dest = '1021'): Promise<{ out: CallV2; incoming: CallV2 }> {
    expect(await dial(alice(), dest)).toBe('2000');
    const incoming = await waitForCallState(bob(), 'Offering');
    const out = await waitForCallState(alice(), 'RingBack');
    return { out, incoming };
  }

  beforeAll(async () => {
    sim = await startSimulator({ phones: 3, farEndAnswerMs: T });
  });
  afterAll(async () => {
    await sim.close();
  });
  beforeEach(async () => {
    for (const each of sim.phones) await control(sim, each, 'POST', 'reset');
  });

  it('rings the phone whose line was dialled, keeps the caller ringing, and connects both on answer', async () => {
    const { incoming } = await aliceCallsBob();
    expect(incoming).toMatchObject({
      Type: 'Incoming',
      Ringing: '1',
      RemotePartyNumber: '1011',
      RemotePartyName: 'Desk 1 line 1',
      LineID: '1',
    });
    // Well past the dial plan's answer time: only Bob can answer this call.
    await new Promise((resolve) => setTimeout(resolve, 3 * T));
    expect((await callsOf(alice()))[0]?.CallState).toBe('RingBack');
    expect(await post(bob(), 'answerCall')).toBe('2000');
    await waitForCallState(alice(), 'Connected');
    expect((await callsOf(bob()))[0]?.CallState).toBe('Connected');
  });

  it('shows a hold on one side to the other, and the end of the call on both', async () => {
    const { out, incoming } = await aliceCallsBob();
    await post(bob(), 'answerCall');
    await waitForCallState(alice(), 'Connected');
    expect(await post(alice(), 'holdCall', out.CallHandle)).toBe('2000');
    expect(await screenText(bob())).toContain('Held by far end');
    expect(await post(alice(), 'resumeCall', out.CallHandle)).toBe('2000');
    expect(await screenText(bob())).not.toContain('Held by far end');
    expect(await post(bob(), 'endCall', incoming.CallHandle)).toBe('2000');
    expect(await screenText(alice())).toContain('Call ended by far end');
    await noCalls(alice());
    expect((await logs(alice())).placed[0]?.RemotePartyNumber).toBe('1021');
    expect((await logs(bob())).received[0]?.RemotePartyNumber).toBe('1011');
  });

  it("reaches a phone by its address, with or without a line's number", async () => {
    expect(await dial(alice(), `sip:1022@127.0.0.1:${bob().port}`)).toBe('2000');
    expect((await waitForCallState(bob(), 'Offering')).LineID).toBe('2');
    await post(alice(), 'endCall', (await callsOf(alice()))[0]?.CallHandle);
    await noCalls(bob());
    expect(await dial(alice(), `127.0.0.1:${carol().port}`)).toBe('2000');
    expect((await waitForCallState(carol(), 'Offering')).LineID).toBe('1');
  });

  it('gives the caller busy when the callee rejects, and the callee a missed call', async () => {
    await aliceCallsBob();
    expect(await post(bob(), 'rejectCall')).toBe('2000');
    expect(await screenText(alice())).toContain('Busy');
    expect((await logs(bob())).missed[0]?.RemotePartyNumber).toBe('1011');
  });

  it('keeps the caller ringing when the callee ignores the call', async () => {
    await aliceCallsBob();
    expect(await post(bob(), 'ignoreCall')).toBe('2000');
    await new Promise((resolve) => setTimeout(resolve, 2 * T));
    expect((await callsOf(alice()))[0]?.CallState).toBe('RingBack');
    expect(await callsOf(bob())).toEqual([]);
  });

  it('gives busy when the callee is in do-not-disturb or calls itself', async () => {
    await control(sim, bob(), 'POST', 'config', { dnd: true });
    await dial(alice(), '1021');
    await waitForCallState(alice(), 'Disconnected');
    expect(await screenText(alice())).toContain('Busy');
    expect(await callsOf(bob())).toEqual([]);
    expect((await logs(bob())).missed).toHaveLength(1);
    await noCalls(alice());
    await dial(alice(), '1012');
    await waitForCallState(alice(), 'Disconnected');
    expect(await screenText(alice())).toContain('Busy');
  });

  it("cannot reach a line that is not registered, and a caller's hang-up stops the ringing", async () => {
    await control(sim, bob(), 'POST', 'config', { registration: { '1': 'Unregistered' } });
    await dial(alice(), '1021');
    await waitForCallState(alice(), 'Disconnected');
    expect(await screenText(alice())).toContain('Number not found');
    await noCalls(alice());
    await control(sim, bob(), 'POST', 'config', { registration: { '1': 'Registered' } });
    const { out } = await aliceCallsBob();
    expect(await post(alice(), 'endCall', out.CallHandle)).toBe('2000');
    await noCalls(bob());
    expect((await logs(bob())).missed[0]?.RemotePartyNumber).toBe('1011');
  });

  it("lets the control API answer and hang up as the other phone's user", async () => {
    const { out } = await aliceCallsBob();
    await control(sim, alice(), 'POST', 'remote', { handle: out.CallHandle, action: 'answer' });
    expect((await callsOf(bob()))[0]?.CallState).toBe('Connected');
    expect((await callsOf(alice()))[0]?.CallState).toBe('Connected');
    await control(sim, alice(), 'POST', 'remote', { handle: out.CallHandle, action: 'hangup' });
    expect(await screenText(alice())).toContain('Call ended by far end');
    await noCalls(bob());
    expect((await logs(bob())).received[0]?.RemotePartyNumber).toBe('1011');
  });

  it('sends the other party on to the transfer target, and hangs up on a reboot', async () => {
    const { out } = await aliceCallsBob();
    await post(bob(), 'answerCall');
    await waitForCallState(alice(), 'Connected');
    expect(
      await statusOf(alice(), 'POST', '/api/v1/callctrl/transferCall', {
        data: { Ref: out.CallHandle, TransferDest: '1031' },
      }),
    ).toBe('2000');
    const atCarol = await waitForCallState(carol(), 'Offering');
    expect(atCarol.RemotePartyNumber).toBe('1021');
    expect(await callsOf(alice())).toEqual([]);
    await post(carol(), 'answerCall');
    await waitForCallState(bob(), 'Connected');
    await control(sim, carol(), 'POST', 'reboot', { ms: 50 });
    expect(await screenText(bob())).toContain('Call ended by far end');
    await noCalls(bob());
    expect((await logs(bob())).placed[0]?.RemotePartyNumber).toBe('1031');
  });

  it('still sends a number no simulated phone has to the dial plan', async () => {
    await dial(alice(), '5550100');
    await waitForCallState(alice(), 'Connected');
    for (const other of [bob(), carol()]) expect(await callsOf(other)).toEqual([]);
  });
});

describe('phones of the real dialects calling each other', () => {
  it('shows the caller as a SIP URI, and lets an Edge phone be called but not call', async () => {
    const sim = await startSimulator({ phones: 2, dialect: 'vvx-6', farEndAnswerMs: T });
    try {
      const [caller, callee] = sim.phones;
      if (!caller || !callee) throw new Error('the simulator started fewer than two phones');
      await control(sim, callee, 'POST', 'config', { dialect: 'edge' });
      expect(
        await statusOf(caller, 'POST', '/api/v1/callctrl/dial', { data: { Dest: '1021' } }),
      ).toBe('2000');
      const ringing = await waitFor(async () => {
        const reply = await call(callee, 'GET', '/api/v2/webCallControl/callStatus', {
          auth: 'digest',
        });
        return (reply.json?.data as CallV2[] | undefined)?.[0];
      }, 'the Edge phone to ring');
      expect(ringing.RemotePartyNumber).toBe('sip:1011@sip.deskpilot.test');
      const dial = await call(callee, 'POST', '/api/v1/callctrl/dial', {
        auth: 'digest',
        data: { Dest: '1011' },
      });
      expect(dial.http).toBe(404);
    } finally {
      await sim.close();
    }
  });
});
