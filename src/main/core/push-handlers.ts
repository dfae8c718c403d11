import type { HandlersOf } from './handler-types';
import type { PushService } from './push-service';

/** Handlers of the `push.*` channels: a phone's instant call events (see push-service.ts). */
export function createPushHandlers(push: PushService): HandlersOf<'push.'> {
  return {
    'push.status': ({ phoneId }) => push.status(phoneId),
    'push.plan': ({ phoneId }) => push.plan(phoneId),
    'push.enable': ({ phoneId }) => push.enable(phoneId),
    'push.disable': ({ phoneId }) => push.disable(phoneId),
  };
}
