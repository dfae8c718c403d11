import { parseDestination } from './dial-destination';
import { done, type HandlersOf } from './handler-types';
import type { PhoneManager } from './phone-manager';
import { dialParsed, type PendingPostDials, type PostDialLog } from './post-dial';

/** Handlers of the `calls.*` channels: every destination is parsed before it reaches the phone. */
export function createCallHandlers(
  manager: PhoneManager,
  log: PostDialLog,
  pending: PendingPostDials,
): HandlersOf<'calls.'> {
  const session = (phoneId: string) => manager.session(phoneId);
  return {
    'calls.dial': async ({ phoneId, destination, line }) => {
      // Junk is refused before anything else, even for an unknown phone.
      const target = parseDestination(destination);
      return dialParsed(session(phoneId), target, { line, log, pending });
    },
    'calls.answer': async ({ phoneId, handle }) => session(phoneId).answer(handle),
    'calls.ignore': async ({ phoneId, handle }) => done(session(phoneId).ignore(handle)),
    'calls.reject': async ({ phoneId, handle }) => done(session(phoneId).reject(handle)),
    'calls.hold': async ({ phoneId, handle }) => done(session(phoneId).hold(handle)),
    'calls.resume': async ({ phoneId, handle }) => done(session(phoneId).resume(handle)),
    'calls.end': async ({ phoneId, handle }) => done(session(phoneId).end(handle)),
    'calls.mute': async ({ phoneId, muted }) => done(session(phoneId).mute(muted)),
    'calls.transfer': async ({ phoneId, handle, destination }) =>
      done(session(phoneId).transfer(handle, parseDestination(destination).destination)),
    'calls.sendDtmf': async ({ phoneId, digits }) => done(session(phoneId).sendDtmf(digits)),
    'calls.logs': async ({ phoneId, kind }) => session(phoneId).callLogs(kind),
  };
}
