import type { Call } from '../../shared/domain';

/**
 * Seconds the call has lasted at `now`: the phone's last figure plus the time since it was
 * observed, so the display ticks smoothly between polls. A clock that runs behind `observedAt`
 * never makes the duration go backwards below the phone's own figure.
 */
export function elapsedSeconds(
  call: Pick<Call, 'durationSeconds' | 'observedAt' | 'state'>,
  now: number,
): number {
  if (call.state === 'Disconnected') return call.durationSeconds;
  const sinceObserved = Math.max(0, Math.floor((now - call.observedAt) / 1000));
  return call.durationSeconds + sinceObserved;
}

/** `m:ss` below an hour, `h:mm:ss` above, as phones and softphones show it. */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const secs = String(seconds % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${secs}` : `${minutes}:${secs}`;
}

/** Spoken form for screen readers: "2 minutes 5 seconds". */
export function describeDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const minutes = Math.floor(seconds / 60);
  const secs = seconds % 60;
  const parts = [];
  if (minutes > 0) parts.push(`${minutes} minute${minutes === 1 ? '' : 's'}`);
  parts.push(`${secs} second${secs === 1 ? '' : 's'}`);
  return parts.join(' ');
}

/** How long a phone has been running, in words: "2 days, 12 hours, 44 minutes". */
export function describeUptime(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const units: [number, string][] = [
    [Math.floor(seconds / 86_400), 'day'],
    [Math.floor((seconds % 86_400) / 3600), 'hour'],
    [Math.floor((seconds % 3600) / 60), 'minute'],
  ];
  const parts = units
    .filter(([value]) => value > 0)
    .map(([value, unit]) => `${value} ${unit}${value === 1 ? '' : 's'}`);
  return parts.length === 0 ? 'less than a minute' : parts.join(', ');
}
