/**
 * The link to one phone that every session part stands on: the client (replaced when a new
 * certificate is accepted), the phone's serial request queue, its live state, and the three
 * ways a verb reaches the phone (an action, a read, admin-only work). What the verbs' own reads
 * see goes into the live state through the same door as any feed: the link is a feed too.
 */
import { normaliseFingerprint } from '../vvx/pinned-connector';
import { PhoneError, toPhoneError } from '../vvx/phone-error';
import { RequestQueue, type QueuePriority } from '../vvx/request-queue';
import { VvxClient, type EndpointTimeouts } from '../vvx/vvx-client';
import { LiveState } from './live/live-state';
import type { FeedReport, PhoneFeed, ReportedCall } from './live/phone-feed';

export interface PhoneLinkOptions {
  phoneId: string;
  url: string;
  username: string;
  password: string;
  pinnedFingerprint: string | null;
  /** The first wait after a failure (the idle poll interval). */
  baseRetryMs: number;
  queueLimit?: number;
  /** Per-endpoint-class timeouts (tests and benchmarks shorten them). */
  timeouts?: Partial<EndpointTimeouts>;
  /** First retry delay for busy answers (doubles per attempt, with jitter). */
  retryBackoffMs?: number;
}

/** One phone's client, queue and live state; see the module comment. */
export class PhoneLink implements PhoneFeed {
  readonly queue: RequestQueue;
  readonly live: LiveState;
  private currentClient: VvxClient;
  private report: FeedReport | null = null;

  constructor(private readonly options: PhoneLinkOptions) {
    this.currentClient = this.createClient(options.pinnedFingerprint);
    this.queue = new RequestQueue({ limit: options.queueLimit, backoffMs: options.retryBackoffMs });
    this.live = new LiveState(options.phoneId, options.baseRetryMs);
    this.live.attach(this);
  }

  /** The client of the accepted certificate. */
  get client(): VvxClient {
    return this.currentClient;
  }

  start(report: FeedReport): void {
    this.report = report;
  }

  stop(): void {
    this.report = null;
  }

  /** Cancels queued work (PhoneError 'cancelled') and closes the connection. */
  async close(): Promise<void> {
    this.queue.close();
    await this.currentClient.close();
  }

  /** Accepts a new certificate after the user confirmed its fingerprint (reconnects). */
  setPinnedFingerprint(fingerprint: string): void {
    const previous = this.currentClient;
    this.currentClient = this.createClient(normaliseFingerprint(fingerprint));
    previous.close().catch(() => undefined);
  }

  /** Sends one write at action priority; call-changing writes refresh the calls right after. */
  async action(run: () => Promise<void>, changesCalls = true): Promise<void> {
    try {
      await this.queue.enqueue({ priority: 'action', effect: 'write', run });
    } catch (error) {
      // The phone may have acted after all: read the calls so the state shows what happened.
      if (changesCalls && toPhoneError(error).code === 'outcome-unknown') this.readCallsSoon();
      throw error;
    }
    if (changesCalls) this.readCallsSoon();
  }

  /** Sends one read, merged with an identical pending one. */
  read<T>(run: () => Promise<T>, mergeKey: string, priority: QueuePriority = 'interactive') {
    return this.queue.enqueue({ priority, effect: 'read', mergeKey, run });
  }

  /** Runs admin-only work; with a user-level account, says so instead of "wrong password". */
  async admin<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      const problem = toPhoneError(error);
      if (problem.code === 'wrong-credentials' && this.live.access === 'user') {
        throw new PhoneError(
          'insufficient-access',
          "This needs the phone's admin password; the account set up for this phone is a user-level one.",
          { httpStatus: problem.httpStatus },
        );
      }
      throw problem;
    }
  }

  /**
   * Reads the phone's calls (callStatus v2, merged with an identical pending read) and reports
   * them through `report`: the link's own, or the feed that asked.
   */
  async readCalls(priority: QueuePriority, report = this.report): Promise<void> {
    const startedAt = Date.now();
    const calls = await this.read(() => this.currentClient.callStatusV2(), 'callStatus', priority);
    report?.calls(calls, startedAt);
    report?.answered();
  }

  /** Like readCalls, but a failure only shows in the status (used after actions). */
  readCallsSoon(): void {
    this.readCalls('interactive').catch((error: unknown) => this.noteFailure(toPhoneError(error)));
  }

  /** Shows a failed read in the status. */
  noteFailure(problem: PhoneError): void {
    this.report?.failed(problem);
  }

  /** Reports a call list a verb read itself (inside an action, so nothing came between). */
  noteCalls(calls: readonly ReportedCall[], readStartedAt: number): void {
    this.report?.calls(calls, readStartedAt);
  }

  /** The phone accepted a restart: the state says so, and every feed reads afresh once it is back. */
  expectReboot(): void {
    this.report?.rebootRequested();
  }

  private createClient(pinned: string | null): VvxClient {
    const { url, username, password, timeouts } = this.options;
    return new VvxClient({ url, username, password, pinnedFingerprint: pinned, timeouts });
  }
}
