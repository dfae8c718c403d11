import type { Call, PhoneStatus } from '../../shared/domain';
import type { Core } from '../core/create-core';

/** How long a command waits for the first answer from a phone before reporting what it knows. */
const FIRST_STATUS_TIMEOUT_MS = 15_000;

/** Resolves when `done` holds (checked on each of the phone's events), or after `timeoutMs`. */
function untilEvent(
  core: Core,
  phoneId: string,
  done: () => boolean,
  timeoutMs: number,
): Promise<void> {
  if (done()) return Promise.resolve();
  return new Promise((resolve) => {
    const finish = (): void => {
      clearTimeout(timer);
      unsubscribe();
      resolve();
    };
    const timer = setTimeout(finish, timeoutMs);
    const unsubscribe = core.subscribe('phone', (event) => {
      if ('phoneId' in event && event.phoneId === phoneId && done()) finish();
    });
  });
}

/**
 * Starts the phone's session if needed and waits until its poller has heard from the phone (or
 * given up), so `status`, `calls` and `end` report what the phone says now rather than "connecting".
 */
export async function waitForStatus(core: Core, phoneId: string): Promise<PhoneStatus> {
  core.phones.session(phoneId);
  await untilEvent(
    core,
    phoneId,
    () => core.phones.snapshot(phoneId).status.health !== 'connecting',
    FIRST_STATUS_TIMEOUT_MS,
  );
  return core.phones.snapshot(phoneId).status;
}

/** The phone's calls, read from the phone now rather than waiting for the poller. */
export async function currentCalls(core: Core, phoneId: string): Promise<Call[]> {
  return core.phones.session(phoneId).refresh();
}
