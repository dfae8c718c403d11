import { parseDialTarget, type ParsedLink } from '../../shared/dial-target';
import { DeskpilotError } from './deskpilot-error';

/**
 * Runs what a user, link or shortcut asked to call through the one dial-target parser, so nothing
 * that is not a dialable number or SIP address ever reaches a phone.
 */
export function parseDestination(input: string): ParsedLink {
  const parsed = parseDialTarget(input);
  if (!parsed.ok) throw new DeskpilotError('invalid-argument', parsed.message);
  return parsed.value;
}
