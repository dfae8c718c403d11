/**
 * Maps whatever a handler threw onto the contract's error shape, once for every transport. Only
 * DeskpilotError (and so PhoneError) carries its message through: those messages are written for
 * users and never hold secrets. Anything else is a bug and is reported generically, logged
 * without its message (which could quote arguments or credentials).
 */
import type { ContractError } from '../../shared/contract/errors';
import { DeskpilotError } from './deskpilot-error';

/** Where internal failures are reported; receives no argument values, so no secrets. */
export type FailureLog = (line: string) => void;

/** Converts a thrown value into a ContractError; `what` names the work in the log line. */
export function toContractError(error: unknown, what: string, log: FailureLog): ContractError {
  if (error instanceof DeskpilotError) return error.toContractError();
  const kind = error instanceof Error ? error.name : typeof error;
  log(`Deskpilot: unexpected ${kind} while handling ${what}`);
  return {
    code: 'internal',
    message: `Deskpilot hit an internal problem while handling ${what}; the details are in its log`,
  };
}
