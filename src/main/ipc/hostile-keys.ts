/**
 * Structural checks run before schema parsing: keys that could reach an object's prototype and
 * nesting deep enough to exhaust the stack are refused outright, whatever the channel.
 */

const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
/** Deeper than any contract argument is nested (the deepest is about four levels). */
const MAX_DEPTH = 16;

/** A structural problem in an argument: where it is and what it is. */
export interface HostileShape {
  field: string;
  message: string;
}

function pathOf(parts: readonly string[]): string {
  return parts.length === 0 ? '(argument)' : parts.join('.');
}

/**
 * Finds the first prototype-pollution key (`__proto__`, `constructor`, `prototype`) or excessive
 * nesting in a value received from a caller; null when the value is structurally harmless.
 */
export function findHostileShape(value: unknown): HostileShape | null {
  const pending: { value: unknown; path: string[] }[] = [{ value, path: [] }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (typeof next.value !== 'object' || next.value === null) continue;
    if (next.path.length >= MAX_DEPTH) {
      return { field: pathOf(next.path), message: 'The argument is nested too deeply' };
    }
    for (const key of Object.keys(next.value)) {
      if (FORBIDDEN_KEYS.has(key)) {
        return {
          field: pathOf([...next.path, key]),
          message: `The argument contains the forbidden key "${key}"`,
        };
      }
      pending.push({
        value: (next.value as Record<string, unknown>)[key],
        path: [...next.path, key],
      });
    }
  }
  return null;
}
