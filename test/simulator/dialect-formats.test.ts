import { describe, expect, it } from 'vitest';
import { durationWords, uptimeText } from '../../src/simulator/rest/dialect-formats';

/** The captured forms (README.md, "Dialects"), reproduced from the seconds behind them. */
describe('how real phones write durations and uptimes', () => {
  it('writes call durations in words, singular for one, as captured', () => {
    expect(durationWords(39)).toBe('39 secs');
    expect(durationWords(325)).toBe('5 mins 25 secs');
    expect(durationWords(289)).toBe('4 mins 49 secs');
    expect(durationWords(61)).toBe('1 min 1 sec');
    expect(durationWords(0)).toBe('0 secs');
    expect(durationWords(93_785)).toBe('1 day 2 hours 3 mins 5 secs');
    expect(durationWords(3605)).toBe('1 hour 0 mins 5 secs');
  });

  it('writes uptimes in each captured form', () => {
    const day = 86_400;
    expect(uptimeText(3311, 'day')).toBe('0 day 0:55:11');
    expect(uptimeText(2 * day + 45_851, 'day')).toBe('2 days 12:44:11');
    expect(uptimeText(8760, 'Day')).toBe('0 Day 2:26:00');
    expect(uptimeText(3 * day + 8686, 'dotted')).toBe('3.02:24:46');
    expect(uptimeText(7, 'reference')).toBe('0 Days 00:00:07');
  });
});
