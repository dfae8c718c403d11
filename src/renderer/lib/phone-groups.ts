import type { PhoneSnapshot } from '../../shared/domain';

/** Longest group name the core takes (value rule `phoneGroup`). */
export const GROUP_NAME_MAX = 40;

/** The user's groups of phones, sorted as a person reads them, each once. */
export function groupNames(phones: readonly PhoneSnapshot[]): string[] {
  const names = new Set<string>();
  for (const phone of phones) if (phone.info.group !== null) names.add(phone.info.group);
  return [...names].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' }));
}
