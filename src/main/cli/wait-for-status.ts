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

/**
 * The phone's calls as its poller knows them once it has read them. A fresh session learns the
 * phone's identity before its calls, so this asks the phone how many call appearances its lines
 * hold (one interactive read) and waits until the poller has reported that many calls. Where the
 * account may not read lines, it waits for one idle poll interval instead.
 */
export async function currentCalls(core: Core, phoneId: string): Promise<Call[]> {
  const session = core.phones.session(phoneId);
  const callCount = () => core.phones.snapshot(phoneId).calls.length;
  let expected: number | null;
  try {
    const lines = await session.lineDetails();
    expected = lines.reduce(
      (sum, line) =>
        sum +
        Object.entries(line.raw).filter(
          ([key, value]) => /^CallAppearances\.\d+$/.test(key) && value !== '',
        ).length,
      0,
    );
  } catch {
    expected = null;
  }
  const { pollIntervalIdleMs, pollIntervalActiveMs } = core.phones.info(phoneId);
  if (expected === null) {
    await untilEvent(core, phoneId, () => callCount() > 0, pollIntervalIdleMs + 1000);
  } else {
    const wanted = expected;
    await untilEvent(
      core,
      phoneId,
      () => callCount() >= wanted,
      pollIntervalIdleMs + pollIntervalActiveMs * 2,
    );
  }
  return core.phones.snapshot(phoneId).calls;
}
