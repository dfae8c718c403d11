import type { ContractErrorCode } from '../../shared/contract';

/**
 * An error the core raises itself (as opposed to PhoneError, which describes what a phone
 * answered): a stable contract code and a message in plain words, never carrying a password.
 */
export class CoreError extends Error {
  constructor(
    readonly code: ContractErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CoreError';
  }
}
