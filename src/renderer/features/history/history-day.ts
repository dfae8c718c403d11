/** The day heading an entry falls under: "Today", "Yesterday", or the date. */
export function dayOf(startTime: string, now: Date): string {
  const date = new Date(startTime);
  if (Number.isNaN(date.getTime())) return 'Unknown date';
  const day = (value: Date) => new Date(value.getFullYear(), value.getMonth(), value.getDate());
  const days = Math.round((day(now).getTime() - day(date).getTime()) / 86_400_000);
  if (days === 0) return 'Today';
  if (days === 1) return 'Yesterday';
  return date.toLocaleDateString(undefined, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
}

/** Groups entries (newest first) under their day, keeping the order. */
export function byDay<T extends { startTime: string }>(
  entries: readonly T[],
  now: Date,
): { day: string; entries: T[] }[] {
  const groups: { day: string; entries: T[] }[] = [];
  for (const entry of entries) {
    const day = dayOf(entry.startTime, now);
    const last = groups.at(-1);
    if (last?.day === day) last.entries.push(entry);
    else groups.push({ day, entries: [entry] });
  }
  return groups;
}
