/**
 * VVX REST status codes (the `Status` field of every response) and what each means in words a
 * user can act on. The numbers and names come from the vendor reference, UC Software 5.8.
 */
export const VVX_STATUS = {
  Success: 2000,
  InvalidInput: 4000,
  DeviceBusy: 4001,
  LineNotRegistered: 4002,
  OperationNotAllowed: 4003,
  OperationNotSupported: 4004,
  LineDoesNotExist: 4005,
  UrlsNotConfigured: 4006,
  CallDoesNotExist: 4007,
  ConfigExportFailed: 4008,
  InputSizeLimitExceeded: 4009,
  DefaultPasswordNotAllowed: 4010,
  FailedToProcess: 5000,
} as const;

export type VvxStatusCode = (typeof VVX_STATUS)[keyof typeof VVX_STATUS];

const MESSAGES: Record<VvxStatusCode, string> = {
  2000: 'Success',
  4000: 'The phone rejected the request as invalid input',
  4001: 'The phone is busy; try again in a moment',
  4002: 'The line is not registered',
  4003: 'The phone does not allow this operation in the current state',
  4004: 'This phone does not support the operation',
  4005: 'The line does not exist on this phone',
  4006: 'The URLs needed for this operation are not configured on the phone',
  4007: 'The call does not exist (it may have ended)',
  4008: 'The phone could not export its configuration',
  4009: 'Too many items in one request (the phone takes at most 20)',
  4010: 'The phone still has its default admin password; change it before using the REST API',
  5000: 'The phone failed to process the request',
};

/** True when `code` is one of the status codes the reference defines. */
function isVvxStatusCode(code: number): code is VvxStatusCode {
  return Object.prototype.hasOwnProperty.call(MESSAGES, code);
}

/** Plain-words meaning of a VVX status code; unknown codes are named as such. */
export function describeVvxStatus(code: number): string {
  return isVvxStatusCode(code) ? MESSAGES[code] : `The phone answered with unknown status ${code}`;
}
