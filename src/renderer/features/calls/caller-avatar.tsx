/** Up to two initials of a name ("Ada Lovelace" → "AL"); empty for a bare number. */
export function initialsOf(name: string): string {
  const words = name.match(/\p{L}[\p{L}'’-]*/gu) ?? [];
  const first = words[0]?.[0] ?? '';
  const last = words.length > 1 ? (words.at(-1)?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}

/** A round badge with the caller's initials (a handset for a bare number); decoration only. */
export function CallerAvatar({ name }: { name: string }) {
  const initials = initialsOf(name);
  return (
    <span className={`avatar${initials === '' ? ' avatar-number' : ''}`} aria-hidden="true">
      {initials === '' ? '☎' : initials}
    </span>
  );
}
