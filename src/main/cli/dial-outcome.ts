/**
 * What became of a call `dial` placed: it connected, it failed (busy, declined, not found, no
 * answer…), or the wait ended first (Ctrl-C, or it rang past the bound). The calls are read at
 * a user's pace while the call is being set up, so a refusal the phone shows only briefly is seen.
 */
import { FAILED_OUTCOMES, type CallOutcome } from '../../shared/domain';
import { aborted, type CliContext } from './cli-context';

/** How often the calls are read while the call rings, and for how long at most. */
const READ_EVERY_MS = 250;
const WAIT_AT_MOST_MS = 180_000;

export type DialOutcome =
  | { kind: 'connected' }
  | { kind: 'ended'; outcome: CallOutcome }
  | { kind: 'still-ringing'; why: 'stopped' | 'too-long' };

/** Whether an outcome means the call never got through (dial exits non-zero). */
export function dialFailed(outcome: CallOutcome): boolean {
  return FAILED_OUTCOMES.includes(outcome);
}

/** Waits for the call `handle` on `phoneId` to connect or end; see the module comment. */
export async function followDial(
  context: CliContext,
  phoneId: string,
  handle: string,
): Promise<DialOutcome> {
  const { core } = context;
  let result: DialOutcome | null = null;
  const unsubscribe = core.subscribe('phone', (event) => {
    if (!('phoneId' in event) || event.phoneId !== phoneId) return;
    if (event.type === 'call-removed' && event.call.handle === handle) {
      result ??= { kind: 'ended', outcome: event.outcome ?? 'failed' };
    }
  });
  const stop = aborted(context.signal).then(() => {
    result ??= { kind: 'still-ringing', why: 'stopped' };
  });
  const deadline = Date.now() + WAIT_AT_MOST_MS;
  try {
    const session = core.phones.session(phoneId);
    while (result === null) {
      const call = session.snapshot().calls.find((candidate) => candidate.handle === handle);
      if (call?.state === 'Connected' || call?.state === 'Hold') result = { kind: 'connected' };
      else if (Date.now() > deadline) result = { kind: 'still-ringing', why: 'too-long' };
      else {
        await Promise.race([new Promise((resolve) => setTimeout(resolve, READ_EVERY_MS)), stop]);
        // A read that fails shows in the status; the next one tries again.
        if (result === null) await session.refresh().catch(() => undefined);
      }
    }
    return result;
  } finally {
    unsubscribe();
  }
}
