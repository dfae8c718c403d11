/** How a refusal crosses the contract: a stable code, plain words, and the phone's own codes. */

export interface ContractError {
  code: ContractErrorCode;
  message: string;
  httpStatus?: number;
  vvxStatus?: number;
  /** For validation errors: the argument path that was wrong, e.g. "destination". */
  field?: string;
}

export type ContractErrorCode =
  | 'invalid-argument'
  | 'unknown-channel'
  | 'unknown-phone'
  | 'phone-error'
  | 'api-disabled'
  | 'default-password'
  | 'wrong-credentials'
  | 'insufficient-access'
  | 'unreachable'
  | 'certificate-unknown'
  | 'certificate-changed'
  | 'outcome-unknown'
  | 'queue-full'
  | 'cancelled'
  | 'invalid-response'
  | 'not-supported'
  | 'not-found'
  | 'internal';
