import { describe, expect, it } from 'vitest';
import { reasonOnScreen } from '../../../src/main/session/end-reasons';
import { judgeOutcome } from '../../../src/main/session/live/call-outcome';
import { RecentEndings } from '../../../src/main/session/live/recent-endings';
import type { Call, CallLogEntry } from '../../../src/shared/domain';
import { aCall } from './session-helpers';

const call = (overrides: Partial<Call>): Call =>
  aCall({ state: 'Disconnected', remoteNumber: '4861', ...overrides });

describe('how a call ended', () => {
  it('reads the reason the phone shows beside the call, whatever the screen is made of', () => {
    const xml = '<Screen><Row text="4861 Busy"/><Key text="New Call"/></Screen>';
    expect(reasonOnScreen(xml, call({}), false)).toBe('busy');
    expect(
      reasonOnScreen(
        '<a><b>404 1234 Number not found</b></a>',
        call({ remoteNumber: '4041234' }),
        true,
      ),
    ).toBe('not-found');
    expect(
      reasonOnScreen('<a><b>Call rejected</b></a>', call({ remoteNumber: '6031' }), true),
    ).toBe('declined');
    // With two ended calls, words not beside this call's number are not taken for its reason.
    expect(reasonOnScreen('<a><b>5550100 Busy</b></a>', call({}), false)).toBeNull();
  });

  it("judges from the call's course when the phone does not say", () => {
    const seen = { connected: true, firstSeenAt: 0 };
    const unseen = { connected: false, firstSeenAt: 0 };
    expect(judgeOutcome(call({}), seen, false)).toBe('ended-by-other-side');
    expect(judgeOutcome(call({ state: 'Connected' }), seen, false)).toBe('ended');
    expect(judgeOutcome(call({}), unseen, false)).toBe('failed');
    expect(judgeOutcome(call({ state: 'RingBack' }), unseen, true)).toBe('cancelled');
    expect(judgeOutcome(call({ state: 'Offering', direction: 'Incoming' }), unseen, false)).toBe(
      'missed',
    );
    expect(judgeOutcome(call({ outcome: 'busy' }), unseen, false)).toBe('busy');
  });

  it('puts the outcome on the call log entry of the same call, once', () => {
    const endings = new RecentEndings();
    const startedAt = new Date('2026-11-30T10:00:00').getTime();
    endings.record({
      remoteNumber: 'sip:4861@pbx',
      line: 1,
      startedAt: startedAt + 400,
      outcome: 'busy',
    });
    const entry: CallLogEntry = {
      kind: 'placed',
      remoteName: '',
      remoteNumber: '4861',
      line: 1,
      startTime: '2026-11-30T10:00:00',
      durationSeconds: 0,
    };
    const older = { ...entry, startTime: '2026-11-30T09:00:00' };
    expect(endings.annotate([entry, entry, older]).map((item) => item.outcome)).toEqual([
      'busy',
      undefined,
      undefined,
    ]);
  });
});
