/**
 * A phone session with instant call events on, against a simulated phone that pushes to the
 * real receiver on 127.0.0.1: a ring shows with its caller before any read returns, events are
 * trusted until a poll finds a change none announced, and a phone that lost the setting gets it
 * back when it answers again.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { PushReceiver } from '../../../src/main/push/push-receiver';
import type { PushSubscription } from '../../../src/main/session/push/push-control';
import type { PushPhase } from '../../../src/shared/domain';
import { phoneControl, startSimulator, type Simulator } from '../../../src/simulator';
import { stats, waitFor } from '../vvx/sim-control';
import { startSession, type RecordedSession } from './session-helpers';

let sim: Simulator;
let receiver: PushReceiver;
const logs: string[] = [];
const sessions: RecordedSession[] = [];

beforeAll(async () => {
  sim = await startSimulator({ phones: 1, farEndAnswerMs: 300, rebootMs: 300 });
  receiver = new PushReceiver({ port: 0, fallback: true, log: (line) => logs.push(line) });
});
afterAll(async () => {
  await receiver.close();
  await sim.close();
});
afterEach(async () => {
  await Promise.all(sessions.splice(0).map(({ session }) => session.stop()));
  await phoneControl(sim.phones[0] ?? missing(), sim.controlToken).reset();
});

function missing(): never {
  throw new Error('the simulator started no phone');
}

const phone = () => phoneControl(sim.phones[0] ?? missing(), sim.controlToken);

/** A session polling every 200 ms idle (events slow it to 2 s), with events turned on. */
async function sessionWithEvents(token: string): Promise<RecordedSession> {
  const recorded = startSession(sim, { pollIntervalIdleMs: 200, pollIntervalActiveMs: 100 });
  sessions.push(recorded);
  const subscription: PushSubscription = { inbox: receiver, token, proven: false };
  const prepared = await recorded.session.push.prepare(subscription);
  await recorded.session.push.turnOn(prepared, subscription);
  return recorded;
}

function phaseIs(recorded: RecordedSession, phase: PushPhase): boolean {
  return recorded.session.push.status().phase === phase;
}

describe('instant call events in a phone session', () => {
  it('plans the change, sets it, and says it waits for the first event', async () => {
    const recorded = startSession(sim);
    sessions.push(recorded);
    const subscription = { inbox: receiver, token: 'a'.repeat(32), proven: false };
    const { plan } = await recorded.session.push.prepare(subscription);
    expect(plan.changes.map((change) => change.name)).toContain('apps.telNotification.URL');
    const url = plan.changes.find((change) => change.name === 'apps.telNotification.URL');
    expect(url).toMatchObject({
      from: '',
      to: `http://${plan.listeningOn}/deskpilot/events/<secret>`,
    });
    expect(JSON.stringify(plan)).not.toContain('a'.repeat(32));
    await recorded.session.push.turnOn(
      await recorded.session.push.prepare(subscription),
      subscription,
    );
    await waitFor(() => phaseIs(recorded, 'waiting'), 'waiting for the first event');
    expect(recorded.session.push.status().message).toMatch(/lift the handset/);
    const values = await recorded.session.config.get({
      names: ['apps.telNotification.URL', 'apps.telNotification.callStateChangeEvent'],
    });
    expect(values['apps.telNotification.URL']?.value).toBe(
      `http://${plan.listeningOn}/deskpilot/events/${'a'.repeat(32)}`,
    );
    expect(values['apps.telNotification.callStateChangeEvent']?.value).toBe('1');
  });

  it('shows a ring with its caller before the calls are read, then trusts the events', async () => {
    const recorded = await sessionWithEvents('b'.repeat(32));
    await waitFor(() => phaseIs(recorded, 'waiting'), 'the setting checked');
    const reads = async () => (await stats(sim)).requests['/api/v2/webCallControl/callStatus'] ?? 0;
    const before = await reads();
    const handle = await phone().ring('5550100', 'Ada Lovelace');
    const incoming = await waitFor(
      () => recorded.events.find((event) => event.type === 'incoming-call'),
      'the incoming call',
    );
    expect(incoming).toMatchObject({
      call: { remoteName: 'Ada Lovelace', remoteNumber: '5550100', state: 'Offering' },
    });
    expect(phaseIs(recorded, 'working')).toBe(true);
    // The read the event asked for follows; the call keeps its first spelling.
    await waitFor(async () => (await reads()) > before, 'the read the event asked for');
    await waitFor(() => recorded.session.snapshot().calls[0]?.appearance !== '', 'read details');
    expect(recorded.session.snapshot().calls.map((call) => call.handle)).toEqual([
      `0x${handle.replace(/^0+/, '')}`,
    ]);
    await phone().remote(handle, 'hangup');
    await waitFor(() => recorded.session.snapshot().calls.length === 0, 'the call gone');
    expect(recorded.events.filter((event) => event.type === 'incoming-call')).toHaveLength(1);
  });

  it('says events are not arriving when a poll finds a ring none announced, and trusts them again on the next', async () => {
    const recorded = await sessionWithEvents('c'.repeat(32));
    await phone().ring('5550100', 'Proof');
    await waitFor(() => phaseIs(recorded, 'working'), 'working');
    await waitFor(() => recorded.session.snapshot().calls.length === 1, 'the first call');
    await phone().faults({ pushDrop: { count: 1000 } });
    await phone().ring('5550101', 'Dropped');
    await waitFor(() => phaseIs(recorded, 'not-arriving'), 'not arriving', 10_000);
    expect(recorded.session.push.status().message).toMatch(/firewall on this computer/);
    // The ring still shows: the poller found it.
    expect(recorded.session.snapshot().calls.map((call) => call.remoteName)).toContain('Dropped');
    await phone().faults({ pushDrop: { count: 0 } });
    await phone().ring('5550102', 'Back');
    await waitFor(() => phaseIs(recorded, 'working'), 'working again');
  });

  it('points the phone here again when it comes back without the setting', async () => {
    const recorded = await sessionWithEvents('d'.repeat(32));
    await waitFor(() => phaseIs(recorded, 'waiting'), 'the setting checked');
    // Local configuration wiped (a reset on the phone), then the phone restarts.
    await phone().request('POST', 'config', {
      params: { 'apps.telNotification.URL': '' },
      source: 'LOCAL',
    });
    await phone().reboot(300);
    await waitFor(
      () => recorded.session.push.status().message.startsWith('The phone had lost the setting'),
      'the setting renewed',
      10_000,
    );
    const values = await recorded.session.config.get({ names: ['apps.telNotification.URL'] });
    expect(values['apps.telNotification.URL']?.value).toMatch(/\/deskpilot\/events\/d{32}$/);
    await phone().ring('5550100', 'After reset');
    await waitFor(() => phaseIs(recorded, 'working'), 'events arriving again');
  });

  it('stops following and puts the previous values back on restore', async () => {
    const recorded = await sessionWithEvents('e'.repeat(32));
    await waitFor(() => phaseIs(recorded, 'waiting'), 'the setting checked');
    recorded.session.push.stopFollowing();
    const untouched = await recorded.session.push.restore(
      { 'apps.telNotification.URL': '', 'apps.telNotification.incomingEvent': '0' },
      'e'.repeat(32),
    );
    expect(untouched).toBe(true);
    const values = await recorded.session.config.get({
      names: ['apps.telNotification.URL', 'apps.telNotification.incomingEvent'],
    });
    expect(values['apps.telNotification.URL']?.value).toBe('');
    expect(values['apps.telNotification.incomingEvent']?.value).toBe('0');
    expect(phaseIs(recorded, 'off')).toBe(true);
  });
});
