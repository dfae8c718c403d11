/**
 * Structural checks run before schema parsing: keys that could reach an object's prototype,
 * nesting deep enough to exhaust the stack and more values than any argument holds are refused
 * outright, whatever the channel. One pass, each value visited at most once, and the count is
 * checked before an array or object is walked, so a hostile argument costs no more than its cap.
 */

const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
/** Deeper than any contract argument is nested (the deepest is about four levels). */
const MAX_DEPTH = 16;
/**
 * More values than any argument holds: the largest are 500 configuration names or values, or a
 * contacts file, which is one string.
 */
const MAX_ARGUMENT_VALUES = 10_000;

/** A structural problem in an argument: where it is and what it is. */
export interface HostileShape {
  field: string;
  message: string;
}

/** A value waiting to be checked, with the way back to the argument for naming it. */
interface Pending {
  value: unknown;
  depth: number;
  key: string;
  parent: Pending | null;
}

function pathOf(node: Pending | null, key?: string): string {
  const parts = key === undefined ? [] : [key];
  for (let at = node; at !== null && at.parent !== null; at = at.parent) parts.unshift(at.key);
  return parts.length === 0 ? '(argument)' : parts.join('.');
}

/**
 * Finds the first prototype-pollution key (`__proto__`, `constructor`, `prototype`), excessive
 * nesting or excessive size in a value received from a caller; null when the value is
 * structurally harmless.
 */
export function findHostileShape(value: unknown): HostileShape | null {
  const pending: Pending[] = [{ value, depth: 0, key: '', parent: null }];
  let counted = 1;
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const node = next;
    const current = node.value;
    if (typeof current !== 'object' || current === null) continue;
    if (node.depth >= MAX_DEPTH) {
      return { field: pathOf(node), message: 'The argument is nested too deeply' };
    }
    const keys = Array.isArray(current) ? null : Object.keys(current);
    counted += keys === null ? (current as unknown[]).length : keys.length;
    if (counted > MAX_ARGUMENT_VALUES) {
      return {
        field: pathOf(node),
        message: `The argument holds more than ${MAX_ARGUMENT_VALUES.toLocaleString('en')} values`,
      };
    }
    if (keys === null) {
      (current as unknown[]).forEach((item, index) =>
        pending.push({ value: item, depth: node.depth + 1, key: String(index), parent: node }),
      );
      continue;
    }
    for (const key of keys) {
      if (FORBIDDEN_KEYS.has(key)) {
        return {
          field: pathOf(node, key),
          message: `The argument contains the forbidden key "${key}"`,
        };
      }
      const item = (current as Record<string, unknown>)[key];
      pending.push({ value: item, depth: node.depth + 1, key, parent: node });
    }
  }
  return null;
}
