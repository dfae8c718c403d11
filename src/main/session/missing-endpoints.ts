/**
 * A phone answers HTTP 404 both when its REST API is off and when its firmware lacks one
 * endpoint: a Poly Edge E350 on 8.6 answers 404 for every `callctrl/*` path while the rest of
 * its API works (polylens2otel `backlog/tasks/plo-0002`). Device info answering (anything but
 * a 404) proves the API is on; then the 404 means "this phone does not offer that", said here in
 * words per part of the API.
 */
import { MISSING_FEATURE_WORDS, type PhoneFeature } from '../../shared/domain';
import { PhoneError } from '../vvx/phone-error';

/** The endpoint whose answer tells whether the REST API is on. */
export const DEVICE_INFO_PATH = '/api/v1/mgmt/device/info';

/** What a phone lacks, in words, and the feature the windows should stop offering. */
export interface MissingEndpoint {
  feature: PhoneFeature | null;
  problem: PhoneError;
}

const PARTS: readonly { prefix: string; feature?: PhoneFeature; words: string }[] = [
  {
    prefix: '/api/v1/callctrl/',
    feature: 'call-control',
    words: MISSING_FEATURE_WORDS['call-control'],
  },
  {
    prefix: '/api/v1/mgmt/calllogs',
    words: 'This phone does not give its call history through its REST API.',
  },
  {
    prefix: '/api/v1/mgmt/config/',
    words: 'This phone does not offer its configuration through its REST API.',
  },
  {
    prefix: '/api/v1/mgmt/uixml',
    words: 'This phone does not show its screen through its REST API.',
  },
  {
    prefix: '/api/v1/mgmt/simulatetouch',
    words: 'This phone does not take touches through its REST API.',
  },
  {
    prefix: '/api/v1/mgmt/media/',
    words: 'This phone does not give media statistics through its REST API.',
  },
];

/** The words for a 404 at `path` from a phone whose REST API is on. */
export function missingEndpoint(path: string): MissingEndpoint {
  const lower = path.toLowerCase();
  const part = PARTS.find(({ prefix }) => lower.startsWith(prefix));
  const words =
    part?.words ??
    `This phone does not offer ${path} in its REST API (its firmware answers "not found" there while the rest of the API works).`;
  return {
    feature: part?.feature ?? null,
    problem: new PhoneError('not-supported', words, { httpStatus: 404, endpointPath: path }),
  };
}
