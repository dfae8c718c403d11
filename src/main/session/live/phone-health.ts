/**
 * The phone-health state machine: from what feeds report (answers, failures, a restart the
 * session asked for) to the health a user sees — online, unreachable with a growing backoff,
 * rebooting, or needing attention with the fix in words — and how long to leave the phone alone.
 */
import { FACTORY_ADMIN_PASSWORD, type PhoneStatus } from '../../../shared/domain';
import type { PhoneError } from '../../vvx/phone-error';
import { healthMessage, isAttentionReason } from './status-words';

const MAX_BACKOFF_MS = 30_000;
/** How long after a restart request an unanswered phone counts as "rebooting", not "unreachable". */
const REBOOT_GRACE_MS = 5 * 60_000;
/** A phone still answering this long after a restart request did not restart (calls kept it up). */
const REBOOT_START_MS = 15_000;

/** Why Deskpilot's password stopped working after a reset, and how to let it back in. */
const PASSWORD_RESET_MESSAGE = `The configuration reset put the phone's admin password back to the factory one (${FACTORY_ADMIN_PASSWORD}), so Deskpilot can no longer sign in. Set a new admin password on the phone (Settings > Change Password, or its web page), then enter it here under Phones > Edit.`;

export type StatusPatch = Partial<Omit<PhoneStatus, 'phoneId'>>;

/** What an answer meant: nothing new, the phone is back after being away, or "not yet gone". */
export type AnswerMeaning = 'steady' | 'back' | 'going-away';

/** One phone's health; see the module comment. */
export class PhoneHealth {
  private failures = 0;
  private rebootUntil = 0;
  private rebootRequestedAt = 0;
  private rebootWentDown = false;
  /** A reset put the admin password back to the factory one; cleared once the phone answers. */
  private passwordWasReset = false;

  /**
   * @param status the current status; @param write merges a change into it.
   * @param baseRetryMs the first wait after a failure (the idle poll interval), doubled per failure.
   */
  constructor(
    private readonly status: () => PhoneStatus,
    private readonly write: (patch: StatusPatch) => void,
    private readonly baseRetryMs: number,
  ) {}

  /** The phone answered at `now`: online (and back, if it was away). */
  answered(now: number): AnswerMeaning {
    this.failures = 0;
    this.passwordWasReset = false;
    // A phone acknowledges a restart and goes down a little later: until it has, or clearly
    // will not, an answer means "not yet", not "back".
    if (
      now < this.rebootUntil &&
      !this.rebootWentDown &&
      now - this.rebootRequestedAt < REBOOT_START_MS
    ) {
      this.write({ lastSeenAt: now });
      return 'going-away';
    }
    const { health } = this.status();
    const back = health !== 'online' && health !== 'connecting';
    this.rebootUntil = 0;
    this.write({
      health: 'online',
      attention: null,
      presentedFingerprint: null,
      message: healthMessage('online'),
      lastSeenAt: now,
    });
    return back ? 'back' : 'steady';
  }

  /** A request failed at `now`: shows it and returns how long to wait before asking again. */
  failed(problem: PhoneError, now: number): number {
    if (problem.code === 'cancelled') return this.baseRetryMs;
    if (isAttentionReason(problem.code)) {
      const lockedOut = this.passwordWasReset && problem.code === 'wrong-credentials';
      this.write({
        health: 'needs-attention',
        attention: problem.code,
        message: lockedOut ? PASSWORD_RESET_MESSAGE : problem.message,
        presentedFingerprint: problem.presentedFingerprint ?? null,
      });
      // Waiting fixes none of these; ask rarely so a fix made on the phone is still noticed.
      return MAX_BACKOFF_MS;
    }
    if (problem.code !== 'unreachable' && problem.code !== 'outcome-unknown') {
      return this.baseRetryMs;
    }
    this.failures += 1;
    const backoff = Math.min(this.baseRetryMs * 2 ** (this.failures - 1), MAX_BACKOFF_MS);
    const delay = backoff * (0.8 + Math.random() * 0.4);
    const rebooting = now < this.rebootUntil;
    if (rebooting) this.rebootWentDown = true;
    this.write({
      health: rebooting ? 'rebooting' : 'unreachable',
      attention: null,
      message: rebooting
        ? healthMessage('rebooting', delay)
        : `${problem.message} Trying again in ${Math.max(1, Math.round(delay / 1000))} s.`,
      presentedFingerprint: null,
    });
    return delay;
  }

  /** The phone accepted a reset that put its admin password back to the factory one. */
  passwordReset(): void {
    this.passwordWasReset = true;
  }

  /** The phone was told to restart at `now`: silence is expected for a while. */
  rebootRequested(now: number): void {
    this.rebootRequestedAt = now;
    this.rebootUntil = now + REBOOT_GRACE_MS;
    this.rebootWentDown = false;
    this.write({ health: 'rebooting', attention: null, message: healthMessage('rebooting') });
  }
}
