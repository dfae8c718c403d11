/**
 * What every PhoneSession verb stands on: the client, the phone's serial queue, the adaptive
 * poller and the state it keeps, and the three ways a verb reaches the phone (an action, a read,
 * admin-only work). Kept apart from the verbs (phone-session.ts) so each file stays one concern.
 */
import type { Call, Line, PhoneStatus } from '../../shared/domain';
import { normaliseFingerprint } from '../vvx/pinned-connector';
import { PhoneError, toPhoneError } from '../vvx/phone-error';
import { RequestQueue, type QueuePriority } from '../vvx/request-queue';
import { VvxClient, type EndpointTimeouts } from '../vvx/vvx-client';
import { LivePoller } from './live-poller';
import { PhoneState, type SessionListener } from './phone-state';

export interface PhoneSessionOptions {
  phoneId: string;
  url: string;
  username: string;
  password: string;
  pinnedFingerprint: string | null;
  pollIntervalIdleMs: number;
  pollIntervalActiveMs: number;
  queueLimit?: number;
  /** Per-endpoint-class timeouts (tests and benchmarks shorten them). */
  timeouts?: Partial<EndpointTimeouts>;
  /** First retry delay for busy answers (doubles per attempt, with jitter). */
  retryBackoffMs?: number;
}

/** The lifecycle, state and request plumbing of a phone session; PhoneSession adds the verbs. */
export class SessionBase {
  protected client: VvxClient;
  protected readonly queue: RequestQueue;
  protected readonly state: PhoneState;
  protected readonly poller: LivePoller;

  constructor(private readonly options: PhoneSessionOptions) {
    this.client = this.createClient(options.pinnedFingerprint);
    this.queue = new RequestQueue({ limit: options.queueLimit, backoffMs: options.retryBackoffMs });
    this.state = new PhoneState(options.phoneId);
    this.poller = new LivePoller({
      queue: this.queue,
      client: () => this.client,
      state: this.state,
      idleMs: options.pollIntervalIdleMs,
      activeMs: options.pollIntervalActiveMs,
    });
  }

  /** Begins adaptive polling. */
  start(): void {
    this.poller.start();
  }

  /** Cancels queued work (PhoneError 'cancelled'), stops polling and closes the connection. */
  async stop(): Promise<void> {
    this.poller.stop();
    this.queue.close();
    await this.client.close();
  }

  /** The phone's state right now. */
  snapshot(): { status: PhoneStatus; lines: Line[]; calls: Call[] } {
    return { status: this.state.status, lines: [...this.state.lines], calls: this.state.callList };
  }

  /** Subscribes to this phone's events; returns the unsubscribe function. */
  on(listener: SessionListener): () => void {
    return this.state.on(listener);
  }

  /** Requests and statistics so far, for tests and benchmarks. */
  get diagnostics(): { connectionsOpened: number; queue: RequestQueue['stats'] } {
    return { connectionsOpened: this.client.connectionsOpened, queue: this.queue.stats };
  }

  /** Accept a new certificate after the user confirmed its fingerprint (reconnects). */
  setPinnedFingerprint(fingerprint: string): void {
    const previous = this.client;
    this.client = this.createClient(normaliseFingerprint(fingerprint));
    previous.close().catch(() => undefined);
    this.poller.wake();
  }

  // ---- plumbing -----------------------------------------------------------------------------

  private createClient(pinned: string | null): VvxClient {
    const { url, username, password, timeouts } = this.options;
    return new VvxClient({ url, username, password, pinnedFingerprint: pinned, timeouts });
  }

  /** Sends one write at action priority; call-changing writes refresh the calls right after. */
  protected async action(run: () => Promise<void>, changesCalls = true): Promise<void> {
    try {
      await this.queue.enqueue({ priority: 'action', effect: 'write', run });
    } catch (error) {
      // The phone may have acted after all: read the calls so the state shows what happened.
      if (changesCalls && toPhoneError(error).code === 'outcome-unknown') this.poller.refreshSoon();
      throw error;
    }
    if (changesCalls) this.poller.refreshSoon();
  }

  /** Sends one read, merged with an identical pending one. */
  protected read<T>(
    run: () => Promise<T>,
    mergeKey: string,
    priority: QueuePriority = 'interactive',
  ) {
    return this.queue.enqueue({ priority, effect: 'read', mergeKey, run });
  }

  /** Runs admin-only work; with a user-level account, says so instead of "wrong password". */
  protected async admin<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      const problem = toPhoneError(error);
      if (problem.code === 'wrong-credentials' && this.poller.access === 'user') {
        throw new PhoneError(
          'insufficient-access',
          "This needs the phone's admin password; the account set up for this phone is a user-level one.",
          { httpStatus: problem.httpStatus },
        );
      }
      throw problem;
    }
  }
}
