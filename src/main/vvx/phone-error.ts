/**
 * The error the engine raises about a phone: the core's DeskpilotError (a stable contract code,
 * plain words with the fix) plus the phone's own HTTP and VVX status when there was an answer.
 */
import type { ContractError, ContractErrorCode } from '../../shared/contract/errors';
import { describeVvxStatus, VVX_STATUS } from '../../shared/vvx-status';
import { DeskpilotError } from '../ground/deskpilot-error';

export interface PhoneErrorDetails {
  httpStatus?: number;
  vvxStatus?: number;
  /** The path the phone answered 404 for (so the session can tell a missing endpoint). */
  endpointPath?: string;
  presentedFingerprint?: string;
  cause?: unknown;
}

/** An error about one phone request or connection; `message` is always safe to show a user. */
export class PhoneError extends DeskpilotError {
  readonly httpStatus?: number;
  readonly vvxStatus?: number;
  readonly endpointPath?: string;
  readonly presentedFingerprint?: string;

  constructor(code: ContractErrorCode, message: string, details: PhoneErrorDetails = {}) {
    super(code, message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'PhoneError';
    if (details.httpStatus !== undefined) this.httpStatus = details.httpStatus;
    if (details.vvxStatus !== undefined) this.vvxStatus = details.vvxStatus;
    if (details.endpointPath !== undefined) this.endpointPath = details.endpointPath;
    if (details.presentedFingerprint !== undefined) {
      this.presentedFingerprint = details.presentedFingerprint;
    }
  }

  /** Adds the phone's own HTTP and VVX statuses to the contract error. */
  override toContractError(): ContractError {
    const mapped = super.toContractError();
    if (this.httpStatus !== undefined) mapped.httpStatus = this.httpStatus;
    if (this.vvxStatus !== undefined) mapped.vvxStatus = this.vvxStatus;
    return mapped;
  }

  /** True for the phone's "busy, try again" answers (HTTP 403 or Status 4001): nothing was done. */
  get busy(): boolean {
    if (this.code !== 'phone-error') return false;
    return this.vvxStatus === VVX_STATUS.DeviceBusy || (this.httpStatus === 403 && !this.vvxStatus);
  }
}

/** Maps a non-success VVX `Status` code to a PhoneError with the reference's meaning in words. */
export function phoneErrorFromVvxStatus(vvxStatus: number, httpStatus: number): PhoneError {
  const words = describeVvxStatus(vvxStatus);
  switch (vvxStatus) {
    case VVX_STATUS.DefaultPasswordNotAllowed:
      return new PhoneError(
        'default-password',
        `${words}. Open the phone's web page (Settings > Change Password) and set a new admin password, then use it here.`,
        { httpStatus, vvxStatus },
      );
    case VVX_STATUS.OperationNotSupported:
      return new PhoneError('not-supported', words, { httpStatus, vvxStatus });
    case VVX_STATUS.CallDoesNotExist:
      return new PhoneError('not-found', words, { httpStatus, vvxStatus });
    case VVX_STATUS.InvalidInput:
    case VVX_STATUS.InputSizeLimitExceeded:
      return new PhoneError('invalid-argument', words, { httpStatus, vvxStatus });
    default:
      return new PhoneError('phone-error', words, { httpStatus, vvxStatus });
  }
}

/** Wraps anything thrown into a PhoneError so callers only ever see one error type. */
export function toPhoneError(error: unknown): PhoneError {
  if (error instanceof PhoneError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new PhoneError('internal', `Unexpected problem talking to the phone: ${detail}`, {
    cause: error,
  });
}
