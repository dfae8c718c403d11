/**
 * Dialling a parsed destination, extension included. The phone's dial request has no room for an
 * extension or post-dial digits (";ext=89", ";postd=", "ext. 89", ",89"), so they are sent as
 * DTMF once the call this dial produced is Connected — never earlier, when the far end could
 * not hear them, and never to another call.
 */
import type { ParsedLink } from '../../shared/dial-target';
import type { Call } from '../../shared/domain';
import type { PhoneSession } from '../session/phone-session';

/** How long a dialled call may ring before its post-dial digits are given up. */
const POST_DIAL_WAIT_MS = 120_000;

export type PostDialOutcome = 'sent' | 'call-ended' | 'timed-out' | 'failed' | 'no-call';

/** Reports what became of post-dial digits that could not be sent (never digits themselves). */
export type PostDialLog = (line: string) => void;

/**
 * Post-dial sends still under way, so a short-lived host (the CLI) can wait for the extension to
 * go out before it exits; the app itself never waits on them.
 */
export class PendingPostDials {
  private readonly pending = new Set<Promise<PostDialOutcome>>();

  /** Remembers `sending` until it settles. */
  track(sending: Promise<PostDialOutcome>): Promise<PostDialOutcome> {
    this.pending.add(sending);
    void sending.finally(() => this.pending.delete(sending));
    return sending;
  }

  /** Resolves once every post-dial send started so far has been sent or given up. */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.pending]);
  }
}

/**
 * Dials `target` on `session` and resolves with the call's handle at once; its post-dial digits,
 * if any, follow in the background (see sendPostDial, tracked in `pending`); a failure to send
 * them is logged.
 */
export async function dialParsed(
  session: PhoneSession,
  target: ParsedLink,
  options: { line?: number; log: PostDialLog; pending: PendingPostDials },
): Promise<{ handle: string | null }> {
  const result = await session.calls.dial({
    destination: target.destination,
    type: target.type,
    ...(options.line === undefined ? {} : { line: options.line }),
  });
  const digits = target.postDial ?? '';
  if (digits !== '') {
    void options.pending.track(sendPostDial(session, result.handle, digits)).then((outcome) => {
      if (outcome !== 'sent') {
        options.log(`Deskpilot: the extension of the dialled call was not sent (${outcome}).`);
      }
    });
  }
  return result;
}

/**
 * Sends `digits` as DTMF once the call `handle` is Connected; gives up when the call ends, after
 * POST_DIAL_WAIT_MS, or when the dial's call is unknown (`handle` null: guessing could send the
 * digits into another call).
 */
function sendPostDial(
  session: PhoneSession,
  handle: string | null,
  digits: string,
  waitMs = POST_DIAL_WAIT_MS,
): Promise<PostDialOutcome> {
  if (handle === null) return Promise.resolve('no-call');
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: PostDialOutcome | Promise<PostDialOutcome>): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      off();
      resolve(outcome);
    };
    const consider = (call: Call | undefined): void => {
      if (call === undefined || call.handle !== handle) return;
      if (call.state === 'Connected') {
        finish(
          session.calls.sendDtmf({ digits }).then(
            (): PostDialOutcome => 'sent',
            (): PostDialOutcome => 'failed',
          ),
        );
      } else if (call.state === 'Disconnected') finish('call-ended');
    };
    const off = session.on((event) => {
      if (event.type === 'call-removed' && event.call.handle === handle) finish('call-ended');
      else if (event.type === 'call-added' || event.type === 'call-changed') consider(event.call);
    });
    // Ringing can last; the wait must not keep a process (the CLI) alive on its own.
    const timer = setTimeout(() => finish('timed-out'), waitMs);
    timer.unref();
    consider(session.snapshot().calls.find((call) => call.handle === handle));
  });
}
