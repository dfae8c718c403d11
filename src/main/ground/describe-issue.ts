/** Turns a schema validation issue into the words and field a caller sees. */
import type { z } from 'zod';

const MAX_FIELD_LENGTH = 120;

/**
 * Names the field and the problem of a zod issue, e.g. `destination: Too big: expected string
 * to have <=256 characters`. Unrecognised keys are named by their key (truncated: a hostile
 * caller controls them).
 */
export function describeIssue(issue: z.core.$ZodIssue | undefined): {
  field: string;
  message: string;
} {
  if (issue === undefined) return { field: '(argument)', message: 'The argument is invalid' };
  const parts = issue.path.map((part) => String(part));
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    parts.push(key);
  }
  const field = (parts.length === 0 ? '(argument)' : parts.join('.')).slice(0, MAX_FIELD_LENGTH);
  const problem =
    issue.code === 'unrecognized_keys' ? 'is not a known field' : issue.message.slice(0, 200);
  return { field, message: `${field}: ${problem}` };
}
