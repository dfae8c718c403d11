/**
 * The adaptive poller of one phone: cheap pollForStatus while idle, callStatus v2 while calls
 * exist, lineInfo v2 when lines may have changed, backoff while the phone does not answer, and
 * a full re-read once it is back (a reboot loses calls and may change lines and firmware).
 * Every read goes through the phone's queue at 'poll' priority, so it never delays an action.
 */
import type { Line } from '../../shared/domain';
import { type PhoneError, toPhoneError } from '../vvx/phone-error';
import type { QueuePriority, RequestQueue } from '../vvx/request-queue';
import type { VvxClient } from '../vvx/vvx-client';
import type { VvxLine } from '../vvx/vvx-schemas';
import type { PhoneState } from './phone-state';
import { healthMessage, isAttentionReason } from './status-words';

export interface LivePollerOptions {
  queue: RequestQueue;
  client: () => VvxClient;
  state: PhoneState;
  idleMs: number;
  activeMs: number;
}

const MAX_BACKOFF_MS = 30_000;
const LINES_MAX_AGE_MS = 5 * 60_000;
/** How long after a restart request an unanswered phone counts as "rebooting", not "unreachable". */
const REBOOT_GRACE_MS = 5 * 60_000;
/** A phone still answering this long after a restart request did not restart (calls kept it up). */
const REBOOT_START_MS = 15_000;

/** What the credentials may do, learned from the phone's answers. */
export type AccessLevel = 'unknown' | 'admin' | 'user';

/** Keeps a PhoneState in step with the phone; see the module comment. */
export class LivePoller {
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private ticking = false;
  private failures = 0;
  private needIdentity = true;
  private linesReadAt = 0;
  private pollForStatusWorks = true;
  private rebootUntil = 0;
  private rebootRequestedAt = 0;
  private rebootWentDown = false;
  private wakeRequested = false;
  access: AccessLevel = 'unknown';

  constructor(private readonly options: LivePollerOptions) {}

  /** Starts polling at once. */
  start(): void {
    this.running = true;
    this.schedule(0);
  }

  /** Stops polling; a read in flight finishes or is cancelled by the queue. */
  stop(): void {
    this.running = false;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Polls now (a new certificate was accepted, or the user asked). */
  wake(): void {
    // During a tick the wish is kept, so the tick's own (possibly long) delay cannot swallow it.
    if (this.ticking) this.wakeRequested = true;
    else this.schedule(0);
  }

  /** The phone was told to restart: silence is expected for a while, then re-read everything. */
  expectReboot(): void {
    this.rebootRequestedAt = Date.now();
    this.rebootUntil = this.rebootRequestedAt + REBOOT_GRACE_MS;
    this.rebootWentDown = false;
    this.needIdentity = true;
    this.linesReadAt = 0;
    this.options.state.setStatus({
      health: 'rebooting',
      attention: null,
      message: healthMessage('rebooting'),
    });
    if (this.running && !this.ticking) this.schedule(this.options.idleMs);
  }

  /** Reads callStatus v2 now (merged with any identical pending read) and applies it. */
  async refreshCalls(priority: QueuePriority): Promise<void> {
    const { queue, client, state } = this.options;
    const calls = await queue.enqueue({
      priority,
      effect: 'read',
      mergeKey: 'callStatus',
      run: () => client().callStatusV2(),
    });
    state.applyCalls(calls, Date.now());
    this.noteAlive();
    if (calls.some((call) => !state.lines.some((line) => line.line === call.line)))
      this.linesReadAt = 0;
  }

  /** Like refreshCalls, but a failure only shows in the status (used after actions). */
  refreshSoon(): void {
    this.refreshCalls('interactive').catch((error: unknown) => this.onFailure(toPhoneError(error)));
  }

  private schedule(delayMs: number): void {
    if (!this.running) return;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), delayMs);
  }

  private async tick(): Promise<void> {
    this.timer = null;
    this.ticking = true;
    const startedAt = Date.now();
    let delay: number;
    try {
      await this.poll();
      this.failures = 0;
      const interval =
        this.options.state.callList.length > 0 ? this.options.activeMs : this.options.idleMs;
      // A steady cadence from tick start, so a change waits at most one interval plus the
      // round trip that reads it (and the request rate is exactly one poll per interval).
      delay = Math.max(0, interval - (Date.now() - startedAt));
    } catch (error) {
      delay = this.onFailure(toPhoneError(error));
    }
    this.ticking = false;
    this.schedule(this.wakeRequested ? 0 : delay);
    this.wakeRequested = false;
  }

  private async poll(): Promise<void> {
    if (this.needIdentity) await this.readIdentity();
    if (this.access !== 'user' && Date.now() - this.linesReadAt > LINES_MAX_AGE_MS) {
      await this.readLines();
    }
    if (this.options.state.callList.length > 0 || !this.pollForStatusWorks) {
      await this.refreshCalls('poll');
      return;
    }
    const status = await this.pollForStatus();
    if (status === null || status.state.toLowerCase() !== 'idle') await this.refreshCalls('poll');
  }

  /** pollForStatus is HTTPS-only in the reference: where it is missing, fall back for good. */
  private async pollForStatus(): Promise<{ state: string } | null> {
    const { queue, client } = this.options;
    try {
      const status = await queue.enqueue({
        priority: 'poll',
        effect: 'read',
        mergeKey: 'pollForStatus',
        run: () => client().pollForStatus(),
      });
      this.noteAlive();
      return status;
    } catch (error) {
      const problem = toPhoneError(error);
      if (problem.code !== 'api-disabled' && problem.code !== 'not-supported') throw problem;
      this.pollForStatusWorks = false;
      return null;
    }
  }

  private async readIdentity(): Promise<void> {
    const { queue, client, state } = this.options;
    const read = <T>(run: () => Promise<T>) =>
      queue.enqueue({ priority: 'poll', effect: 'read', run });
    try {
      const info = await read(() => client().deviceInfoV2()).catch((error: unknown) => {
        // Older firmware lacks v2; v1 names the same facts.
        if (toPhoneError(error).code === 'api-disabled') return read(() => client().deviceInfoV1());
        throw error;
      });
      this.access = 'admin';
      state.setStatus({
        model: info.model || null,
        firmware: info.firmware || null,
        macAddress: info.macAddress || null,
      });
    } catch (error) {
      const problem = toPhoneError(error);
      // deviceInfo is admin-only: a user-level account still polls calls, if it works at all.
      if (problem.code !== 'wrong-credentials' && problem.code !== 'insufficient-access')
        throw problem;
      await this.refreshCalls('poll');
      this.access = 'user';
    }
    this.needIdentity = false;
    this.noteAlive();
  }

  private async readLines(): Promise<void> {
    const { queue, client, state } = this.options;
    const lines = await queue.enqueue({
      priority: 'poll',
      effect: 'read',
      mergeKey: 'lineInfo',
      run: () =>
        client()
          .lineInfoV2()
          .catch((error: unknown) => {
            // Firmware before lineInfo v2 answers 404 there; v1 has the same basics.
            if (toPhoneError(error).code === 'api-disabled') return client().lineInfoV1();
            throw error;
          }),
    });
    state.setLines(lines.map(toLine));
    this.linesReadAt = Date.now();
  }

  /** Records a successful answer: the phone is online (and back, if it was away). */
  private noteAlive(): void {
    const { state } = this.options;
    const now = Date.now();
    // A phone acknowledges a restart and goes down a little later: until it has, or clearly
    // will not, an answer means "not yet", not "back".
    if (
      now < this.rebootUntil &&
      !this.rebootWentDown &&
      now - this.rebootRequestedAt < REBOOT_START_MS
    ) {
      state.setStatus({ lastSeenAt: now });
      return;
    }
    if (state.status.health !== 'online' && state.status.health !== 'connecting') {
      // Back after silence or a reboot: identity, lines and calls may all have changed.
      this.needIdentity = true;
      this.linesReadAt = 0;
    }
    this.rebootUntil = 0;
    state.setStatus({
      health: 'online',
      attention: null,
      presentedFingerprint: null,
      message: healthMessage('online'),
      lastSeenAt: now,
    });
  }

  /** Shows a failure in the status and returns how long to wait before the next poll. */
  onFailure(problem: PhoneError): number {
    const { state, idleMs } = this.options;
    if (problem.code === 'cancelled') return idleMs;
    if (isAttentionReason(problem.code)) {
      state.setStatus({
        health: 'needs-attention',
        attention: problem.code,
        message: problem.message,
        presentedFingerprint: problem.presentedFingerprint ?? null,
      });
      // Waiting fixes none of these; poll rarely so a fix made on the phone is still noticed.
      return MAX_BACKOFF_MS;
    }
    if (problem.code !== 'unreachable' && problem.code !== 'outcome-unknown') {
      return idleMs;
    }
    this.failures += 1;
    const backoff = Math.min(idleMs * 2 ** (this.failures - 1), MAX_BACKOFF_MS);
    const delay = backoff * (0.8 + Math.random() * 0.4);
    const health = Date.now() < this.rebootUntil ? 'rebooting' : 'unreachable';
    if (health === 'rebooting') this.rebootWentDown = true;
    state.setStatus({
      health,
      attention: null,
      message:
        health === 'rebooting'
          ? healthMessage('rebooting', delay)
          : `${problem.message} Trying again in ${Math.max(1, Math.round(delay / 1000))} s.`,
      presentedFingerprint: null,
    });
    return delay;
  }
}

function toLine(line: VvxLine): Line {
  return {
    line: line.line,
    label: line.label,
    address: line.address,
    registration: line.registered ? 'Registered' : 'Unregistered',
    protocol: line.protocol,
  };
}
