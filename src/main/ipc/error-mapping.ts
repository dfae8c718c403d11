/**
 * Maps whatever a handler threw onto the contract's error shape. Only the core's own error types
 * carry their message through: their messages are written for users and never hold secrets.
 * Anything else is a bug and is reported generically, logged without its message (which could
 * quote arguments or credentials).
 */
import type { ContractError, RequestChannel } from '../../shared/contract';
import { CoreError } from '../core/core-error';
import { PhoneError } from '../vvx/phone-error';
import type { DispatcherLog } from './dispatcher';

/** Converts a thrown value into a ContractError, logging unexpected failures safely. */
export function toContractError(
  error: unknown,
  channel: RequestChannel,
  log: DispatcherLog,
): ContractError {
  if (error instanceof PhoneError) {
    const mapped: ContractError = { code: error.code, message: error.message };
    if (error.httpStatus !== undefined) mapped.httpStatus = error.httpStatus;
    if (error.vvxStatus !== undefined) mapped.vvxStatus = error.vvxStatus;
    return mapped;
  }
  if (error instanceof CoreError) {
    return { code: error.code, message: error.message };
  }
  const kind = error instanceof Error ? error.name : typeof error;
  log(`Deskpilot: unexpected ${kind} while handling ${channel}`);
  return {
    code: 'internal',
    message: `Deskpilot hit an internal problem while handling ${channel}; the details are in its log`,
  };
}
