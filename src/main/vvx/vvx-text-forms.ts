/**
 * Values firmware writes as prose, read into numbers and plain addresses. Each form here was
 * seen on a real phone or printed by the reference (see /work/shared/reference/ and the
 * simulator's README, "Dialects"): durations in words ("5 mins 25 secs"), uptimes with days
 * ("2 days 12:44:11", "3.02:24:46"), party addresses as URIs ("sip:1234@host", "tel:1234") and
 * pollForStatus's sentences. Readers return null for a form they do not know, so the caller can
 * note it instead of showing a wrong figure.
 */
import { isRecord, pick } from './vvx-values';

const UNIT_SECONDS: Readonly<Record<string, number>> = {
  d: 86_400,
  day: 86_400,
  days: 86_400,
  h: 3600,
  hr: 3600,
  hrs: 3600,
  hour: 3600,
  hours: 3600,
  m: 60,
  min: 60,
  mins: 60,
  minute: 60,
  minutes: 60,
  s: 1,
  sec: 1,
  secs: 1,
  second: 1,
  seconds: 1,
};

/** `3.02:24:46`, `0 Day 2:26:00`, `2 days 12:44:11`, `1 day, 1:41:50`, `0 Days 00:00:07`. */
const DAYS_AND_CLOCK = /^(\d+)(?:\s*days?\s*,?\s*|\.)(\d{1,2}):(\d{2}):(\d{2})$/i;
/** `00:02:05`, `2:05`. */
const CLOCK = /^(?:(\d+):)?(\d{1,2}):(\d{2})$/;
/** `PT2M5S`. */
const ISO = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/i;
/** `39 secs`, `5 mins 25 secs`, `1 hour 2 mins 3 secs`, `0 days, 3 hours, 8 minutes, 56 seconds`. */
const WORDS = /^(?:\d+\s*[a-z]+(?:\s*,\s*|\s+and\s+|\s+)?)+$/i;
const WORD_PAIR = /(\d+)\s*([a-z]+)/gi;

/**
 * Seconds from any duration form a phone writes: a count (`125`, 125), a clock, days and a
 * clock, ISO 8601, or words. `""` is a call that never connected: 0. Null: an unknown form.
 */
export function readDuration(value: unknown): number | null {
  if (typeof value === 'number')
    return Number.isFinite(value) && value >= 0 ? Math.floor(value) : null;
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (text === '') return 0;
  if (/^\d+$/.test(text)) return Number(text);
  const daysAndClock = DAYS_AND_CLOCK.exec(text);
  if (daysAndClock !== null) {
    const [, days, hours, minutes, seconds] = daysAndClock.map(Number);
    return clockSeconds(days, hours, minutes, seconds);
  }
  const clock = CLOCK.exec(text);
  if (clock !== null) {
    return clockSeconds(0, Number(clock[1] ?? 0), Number(clock[2]), Number(clock[3]));
  }
  const iso = ISO.exec(text);
  if (iso !== null && text.length > 2) {
    return clockSeconds(0, Number(iso[1] ?? 0), Number(iso[2] ?? 0), Number(iso[3] ?? 0));
  }
  return WORDS.test(text) ? wordsSeconds(text) : null;
}

function clockSeconds(
  days: number | undefined,
  hours: number | undefined,
  minutes: number | undefined,
  seconds: number | undefined,
): number | null {
  if ((minutes ?? 0) > 59 || (seconds ?? 0) > 59) return null;
  return (days ?? 0) * 86_400 + (hours ?? 0) * 3600 + (minutes ?? 0) * 60 + (seconds ?? 0);
}

function wordsSeconds(text: string): number | null {
  let total = 0;
  for (const [, count, unit = ''] of text.matchAll(WORD_PAIR)) {
    const each = UNIT_SECONDS[unit.toLowerCase()];
    if (each === undefined) return null;
    total += Number(count) * each;
  }
  return total;
}

/**
 * Seconds since the phone started, from device info v1's `UpTimeSinceLastReboot` or network
 * stats' `UpTime` (text, see readDuration) or v2's `UpTime: {Days, Hours, Minutes, Seconds}`.
 */
export function readUptime(value: unknown): number | null {
  if (!isRecord(value)) return readDuration(value);
  const parts = ['Days', 'Hours', 'Minutes', 'Seconds'].map((name) => {
    const part = pick(value, name);
    return part === undefined ? 0 : readDuration(part);
  });
  if (parts.some((part) => part === null)) return null;
  const [days = 0, hours = 0, minutes = 0, seconds = 0] = parts.map(Number);
  return days * 86_400 + hours * 3600 + minutes * 60 + seconds;
}

/** A number people dial: digits with the marks phone numbers carry. */
const DIALLABLE = /^[+]?[0-9*#().\-\s]+$/;

/**
 * A party's address as people read it: `sip:1234@pbx.example` and `tel:1234` show as `1234`,
 * `sip:alice@example.com` as `alice@example.com`; a display-name form (`"Ada" <sip:…>`) gives
 * the address inside the brackets. Anything else comes back trimmed, unchanged.
 */
export function readableAddress(value: string): string {
  const text = value.trim();
  const bracketed = /<([^>]*)>/.exec(text)?.[1] ?? text;
  const scheme = /^(sips?|tel):/i.exec(bracketed);
  if (scheme === null && !bracketed.includes('@')) return text;
  const bare = bracketed
    .slice(scheme?.[0].length ?? 0)
    .replace(/[;?].*$/, '')
    .trim();
  const at = bare.lastIndexOf('@');
  if (at <= 0) return bare;
  const user = bare.slice(0, at);
  return DIALLABLE.test(user) ? user : bare;
}

/**
 * Whether pollForStatus's `StateData` is a sentence phones are known to write: "" or "No calls"
 * (never called), "Time of last call 2025-08-03T10:35:57", "Active call duration 5 mins 25 secs"
 * or the reference's "00:00:58".
 */
export function isKnownPollStateData(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed === '' || /^no calls?$/i.test(trimmed)) return true;
  if (/^time of last call\s*:?\s*\S/i.test(trimmed)) return true;
  const active = /^(?:active call duration\s*:?\s*)?(.+)$/i.exec(trimmed)?.[1] ?? '';
  return readDuration(active) !== null;
}
