/**
 * The live state's one door, fed by a fake feed the way the phone's pushed events will feed it:
 * a ringing call with its caller is announced before any callStatus read, a read that predates
 * the news does not drop the call, and the feed can ask for an immediate read to reconcile.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normaliseHandle } from '../../../src/main/vvx/vvx-values';

import { LiveState } from '../../../src/main/session/live/live-state';
import type { FeedReport, PhoneFeed } from '../../../src/main/session/live/phone-feed';
import type { Call } from '../../../src/shared/domain';
import { startSimulator, type Simulator } from '../../../src/simulator';
import { control, stats, waitFor } from '../vvx/sim-control';
import { aCall, startSession } from './session-helpers';

/** A feed a test drives by hand: it only keeps the door it is given. */
class FakeFeed implements PhoneFeed {
  report: FeedReport | null = null;
  stopped = false;
  start(report: FeedReport): void {
    this.report = report;
  }
  stop(): void {
    this.stopped = true;
  }
  get door(): FeedReport {
    if (this.report === null) throw new Error('the feed was never attached');
    return this.report;
  }
}

const ringing = {
  handle: '0x2a',
  state: 'Offering',
  direction: 'Incoming',
  remoteName: 'Ada Lovelace',
  remoteNumber: '5550100',
  line: 1,
} as const;

function fullCall(overrides: Partial<Call> = {}): Omit<Call, 'observedAt'> {
  return aCall({ ...ringing, durationSeconds: 3, ...overrides });
}

describe('the live state, fed through its door', () => {
  it('announces a ringing call with its caller from news alone, then merges a read into it', () => {
    const live = new LiveState('p1', 1000);
    const events: string[] = [];
    live.on((event) => events.push(event.type));
    const feed = new FakeFeed();
    live.attach(feed);

    feed.door.callNews(ringing);
    expect(events).toEqual(['call-added', 'incoming-call']);
    expect(live.calls[0]).toMatchObject({ remoteName: 'Ada Lovelace', remoteNumber: '5550100' });

    // A read sent before the news does not know the call yet: the call stays.
    feed.door.calls([], Date.now() - 1000);
    expect(live.calls.map((call) => call.handle)).toEqual(['0x2a']);
    // A later read lists it with everything the phone says about it.
    feed.door.calls([fullCall({ state: 'Connected', active: true })], Date.now());
    expect(live.calls[0]).toMatchObject({ state: 'Connected', appearance: '1', protocol: 'SIP' });
    expect(events).toEqual(['call-added', 'incoming-call', 'call-changed']);
    // A read sent after the last news, without the call, ends it.
    feed.door.calls([], Date.now() + 1);
    expect(live.calls).toEqual([]);
    expect(events.at(-1)).toBe('call-removed');
  });

  it('ends a call on news, and ignores a feed once it is detached', () => {
    const live = new LiveState('p1', 1000);
    const feed = new FakeFeed();
    const detach = live.attach(feed);
    feed.door.callNews(ringing);
    feed.door.callEnded('0x2A');
    expect(live.calls).toEqual([]);
    detach();
    expect(feed.stopped).toBe(true);
    feed.door.callNews(ringing);
    expect(live.calls).toEqual([]);
  });

  it('passes a reconcile wish to the feeds that can read, and a restart to every feed', () => {
    const live = new LiveState('p1', 1000);
    const asked: string[] = [];
    const reader: PhoneFeed = {
      start: () => undefined,
      stop: () => undefined,
      reconcile: () => asked.push('reconcile'),
      resync: (reason) => asked.push(`resync:${reason}`),
    };
    const pusher = new FakeFeed();
    live.attach(reader);
    live.attach(pusher);
    pusher.door.reconcile();
    pusher.door.rebootRequested();
    expect(asked).toEqual(['reconcile', 'resync:reboot']);
    expect(live.status.health).toBe('rebooting');
  });
});

describe('a phone session with a second feed beside its poller', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ phones: 1, https: true });
  });
  afterAll(() => sim.close());

  it('shows a pushed ringing call before the poller reads it, and reads at once when asked', async () => {
    // Idle polls a minute apart: after its first round the poller would not see the call soon.
    const { session, events } = startSession(sim, { pollIntervalIdleMs: 60_000 });
    try {
      await waitFor(() => session.snapshot().lines.length > 0, 'the first poll round');
      const feed = new FakeFeed();
      session.attach(feed);
      const callReads = async () =>
        (await stats(sim)).requests['/api/v2/webCallControl/callStatus'] ?? 0;
      const readsBefore = await callReads();
      const { handle } = (await control(sim, 'POST', '/__sim/ring', {
        from: '5550100',
        name: 'Ada Lovelace',
      })) as { handle: string };

      feed.door.callNews({ ...ringing, handle });
      const incoming = events.find((event) => event.type === 'incoming-call');
      expect(incoming).toMatchObject({
        call: { remoteName: 'Ada Lovelace', remoteNumber: '5550100', state: 'Offering' },
      });
      expect(await callReads()).toBe(readsBefore);

      feed.door.reconcile();
      await waitFor(async () => (await callReads()) > readsBefore, 'a callStatus read');
      await waitFor(() => session.snapshot().calls[0]?.appearance !== '', 'the read details');
      expect(session.snapshot().calls.map((call) => call.handle)).toEqual([
        normaliseHandle(handle),
      ]);
      expect(events.some((event) => event.type === 'call-removed')).toBe(false);
    } finally {
      await session.stop();
    }
  });
});
