/** Longest group name the core takes (value rule `phoneGroup`). */
export const GROUP_NAME_MAX = 40;

/** The groups of these phones (or inventory rows), sorted as a person reads them, each once. */
export function groupNames(phones: readonly { group: string | null }[]): string[] {
  const names = new Set<string>();
  for (const phone of phones) if (phone.group !== null) names.add(phone.group);
  return [...names].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' }));
}
