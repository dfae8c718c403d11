import type { ContractError, ContractErrorCode } from '../../shared/contract/errors';

/**
 * The one error type of the core: a stable contract code and a message in plain words, written
 * for the user and never carrying a password. What a phone answered is a PhoneError, which
 * extends this with the phone's own statuses; everything else the core refuses is one of these.
 */
export class DeskpilotError extends Error {
  constructor(
    readonly code: ContractErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DeskpilotError';
  }

  /** The error as it crosses the contract (subclasses add what they know). */
  toContractError(): ContractError {
    return { code: this.code, message: this.message };
  }
}
