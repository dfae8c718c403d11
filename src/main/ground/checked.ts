import type { z } from 'zod';

import { describeIssue } from './describe-issue';
import { DeskpilotError } from './deskpilot-error';

/**
 * `value` if it follows `rule` (one of src/shared/value-rules.ts), else an 'invalid-argument'
 * DeskpilotError naming `field` and the rule, in the words the contract's dispatcher uses.
 */
export function checked<T>(rule: z.ZodType<T>, value: unknown, field: string): T {
  const result = rule.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const { message } = describeIssue(issue && { ...issue, path: [field, ...issue.path] });
  throw new DeskpilotError('invalid-argument', message);
}
