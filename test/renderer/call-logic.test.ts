import { describe, expect, it } from 'vitest';
import { elapsedSeconds, formatDuration } from '../../src/renderer/lib/call-duration';
import { allowedCallActions, describeCallState } from '../../src/renderer/lib/call-state';
import {
  displayNumber,
  findContactByNumber,
  sameNumber,
} from '../../src/renderer/lib/phone-numbers';
import { makeCall } from './support/test-core';

describe('call duration', () => {
  it('adds the time since the phone reported it', () => {
    const call = makeCall({ durationSeconds: 59, observedAt: 1_000_000 });
    expect(formatDuration(elapsedSeconds(call, 1_000_000))).toBe('0:59');
    expect(formatDuration(elapsedSeconds(call, 1_002_400))).toBe('1:01');
  });

  it('never runs backwards when this clock is behind the core', () => {
    const call = makeCall({ durationSeconds: 30, observedAt: 2_000_000 });
    expect(elapsedSeconds(call, 1_990_000)).toBe(30);
  });

  it('stops at the final figure once the call has ended', () => {
    const call = makeCall({ state: 'Disconnected', durationSeconds: 42, observedAt: 0 });
    expect(elapsedSeconds(call, 99_000_000)).toBe(42);
  });

  it('shows hours past the hour', () => {
    expect(formatDuration(3725)).toBe('1:02:05');
  });
});

describe('state → allowed actions', () => {
  it.each([
    ['Offering', 'Incoming', false, ['Answer', 'Reject', 'Ignore']],
    ['RingBack', 'Outgoing', false, ['End call']],
    ['Connected', 'Outgoing', false, ['Hold', 'Mute', 'Transfer', 'Keypad', 'End call']],
    ['Connected', 'Incoming', true, ['Hold', 'Unmute', 'Transfer', 'Keypad', 'End call']],
    ['Hold', 'Outgoing', false, ['Resume', 'End call']],
    ['Disconnected', 'Outgoing', false, []],
  ] as const)('%s (%s, muted %s) offers %j', (state, direction, muted, expected) => {
    expect(allowedCallActions({ state, direction, muted })).toEqual(expected);
  });

  it('names states in words', () => {
    expect(describeCallState({ state: 'RingBack', heldByFarEnd: false })).toBe('Ringing');
    expect(describeCallState({ state: 'Hold', heldByFarEnd: false })).toBe('On hold');
    expect(describeCallState({ state: 'Connected', heldByFarEnd: true })).toBe(
      'Held by the other side',
    );
  });
});

describe('number matching', () => {
  const contact = {
    id: 'c1',
    name: 'Grace Hopper',
    company: '',
    favourite: false,
    updatedAt: 0,
    numbers: [{ label: 'work', number: '+1 (555) 010-2000', dialable: '+15550102000' }],
  };

  it('matches the same number written differently', () => {
    expect(sameNumber('+1 (555) 010-2000', 'sip:15550102000@pbx.example')).toBe(true);
    expect(findContactByNumber([contact], '555-010-2000')?.name).toBe('Grace Hopper');
  });

  it('does not match short extensions by suffix', () => {
    expect(sameNumber('2000', '+15550102000')).toBe(false);
    expect(findContactByNumber([contact], '1001')).toBeUndefined();
  });
});

describe('number display', () => {
  it('shows vCard 4.0 tel: URIs without the scheme', () => {
    expect(displayNumber('tel:+44-20-7946-0958')).toBe('+44-20-7946-0958');
    expect(displayNumber('+1 555 010 2000')).toBe('+1 555 010 2000');
  });
});
