import type { ContractHandlers } from '../../shared/contract';
import { parseDestination } from '../ground/dial-destination';
import type { PhoneManager } from './phone-manager';
import { dialParsed, type PendingPostDials, type PostDialLog } from './post-dial';

/**
 * `calls.dial`, the one call verb the core answers itself: what the user typed is parsed first
 * (junk is refused before anything else, even for an unknown phone), and an extension is sent
 * as tones once the call connects.
 */
export function createDialHandler(
  manager: PhoneManager,
  log: PostDialLog,
  pending: PendingPostDials,
): Pick<ContractHandlers, 'calls.dial'> {
  return {
    'calls.dial': async ({ phoneId, destination, line }) => {
      const target = parseDestination(destination);
      return dialParsed(manager.session(phoneId), target, { line, log, pending });
    },
  };
}
