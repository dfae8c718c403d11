/**
 * The link to one phone that every session part stands on: the client (replaced when a new
 * certificate is accepted), the phone's serial request queue, its live state, its log, and the
 * three ways a verb reaches the phone (an action, a read, admin-only work). What the verbs' own
 * reads see goes into the live state through the same door as any feed: the link is a feed too.
 * An action or read answered 404 is judged here: a missing endpoint, or the REST API off.
 */
import { normaliseFingerprint } from '../vvx/pinned-connector';
import { PhoneError, toPhoneError } from '../vvx/phone-error';
import { RequestQueue, type QueuePriority } from '../vvx/request-queue';
import { VvxClient, type EndpointTimeouts } from '../vvx/vvx-client';
import type { VvxCall } from '../vvx/vvx-schemas';
import { normaliseHandle } from '../vvx/vvx-values';
import { LiveState } from './live/live-state';
import type { FeedReport, PhoneFeed, ReportedCall } from './live/phone-feed';
import { EndReasons } from './end-reasons';
import { DEVICE_INFO_PATH, missingEndpoint } from './missing-endpoints';
import { PhoneLog } from './phone-log';

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
  /** Also receives each new entry of the phone's log. */
  log?: (line: string) => void;
}

/** One phone's client, queue, live state and log; see the module comment. */
export class PhoneLink implements PhoneFeed {
  readonly queue: RequestQueue;
  readonly live: LiveState;
  readonly log: PhoneLog;
  private currentClient: VvxClient;
  private report: FeedReport | null = null;
  /** Each current call's handle as the phone printed it, by the handle Deskpilot keeps. */
  private refs = new Map<string, string>();
  private readonly endReasons = new EndReasons(this, (call, outcome) => {
    // The call may have gone while the screen was read: news would bring it back.
    if (this.live.findCall(call.handle)) this.report?.callNews({ handle: call.handle, outcome });
  });

  constructor(private readonly options: PhoneLinkOptions) {
    this.log = new PhoneLog(options.log);
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
      await this.queue.enqueue({
        priority: 'action',
        effect: 'write',
        run: () => this.judged(run),
      });
    } catch (error) {
      // The phone may have acted after all: read the calls so the state shows what happened.
      if (changesCalls && toPhoneError(error).code === 'outcome-unknown') this.readCallsSoon();
      throw error;
    }
    if (changesCalls) this.readCallsSoon();
  }

  /** Sends one read, merged with an identical pending one. */
  read<T>(run: () => Promise<T>, mergeKey: string, priority: QueuePriority = 'interactive') {
    return this.queue.enqueue({ priority, effect: 'read', mergeKey, run: () => this.judged(run) });
  }

  /**
   * Runs one turn of the queue; a 404 there is asked about at once (device info, in the same
   * turn): if the REST API answers, the phone lacks that endpoint — said in words, logged once,
   * and reported as a missing feature — else the API is off, as the 404 said.
   */
  private async judged<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      const path =
        error instanceof PhoneError && error.code === 'api-disabled'
          ? error.endpointPath
          : undefined;
      if (path === undefined || path === DEVICE_INFO_PATH || !(await this.apiAnswers())) {
        throw error;
      }
      const { feature, problem } = missingEndpoint(path);
      this.log.missing(path, problem.message);
      if (feature !== null) this.report?.missing(feature);
      throw problem;
    }
  }

  /** Whether the REST API is on: device info answers anything but "not found". */
  private async apiAnswers(): Promise<boolean> {
    try {
      await this.currentClient.deviceInfoV1();
      return true;
    } catch (error) {
      return toPhoneError(error).code !== 'api-disabled';
    }
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
    report?.calls(this.reported(calls), startedAt);
    report?.answered();
    this.endReasons.look(this.live.calls);
  }

  /**
   * A call handle in the form this phone takes it back: as it last printed it, without `0x`
   * (real phones' v2 `?handle=` refuses `0x`; the reference prints leading zeros others drop).
   * A handle it never listed goes bare, without `0x` and leading zeros.
   */
  phoneRef(handle: string): string {
    const key = normaliseHandle(handle);
    return this.refs.get(key) ?? key.slice(2);
  }

  /** Like readCalls, but a failure only shows in the status (used after actions). */
  readCallsSoon(): void {
    this.readCalls('interactive').catch((error: unknown) => this.noteFailure(toPhoneError(error)));
  }

  /** Deskpilot ended this call: it leaves the live state at once, as ended here. */
  noteEnded(handle: string): void {
    this.report?.callEnded(handle, true);
  }

  /** Shows a failed read in the status. */
  noteFailure(problem: PhoneError): void {
    this.report?.failed(problem);
  }

  /** Reports a call list a verb read itself (inside an action, so nothing came between). */
  noteCalls(calls: readonly VvxCall[], readStartedAt: number): void {
    this.report?.calls(this.reported(calls), readStartedAt);
  }

  /** The calls as the live state keeps them; remembers how the phone spells each handle. */
  private reported(calls: readonly VvxCall[]): ReportedCall[] {
    this.refs = new Map(calls.map((call) => [call.handle, call.ref]));
    return calls.map(reportedCall);
  }

  /** The phone accepted a restart: the state says so, and every feed reads afresh once it is back. */
  expectReboot(): void {
    this.report?.rebootRequested();
  }

  /** The phone's admin password went back to the factory one: its refusals say so, not "wrong". */
  expectPasswordReset(): void {
    this.report?.passwordReset();
  }

  private createClient(pinned: string | null): VvxClient {
    const { url, username, password, timeouts } = this.options;
    return new VvxClient({
      url,
      username,
      password,
      pinnedFingerprint: pinned,
      timeouts,
      onUnreadable: (report) => this.log.unreadable(report),
    });
  }
}

/** A call read from the phone, without what only the link needs (its spelling, the ring flag). */
function reportedCall(call: VvxCall): ReportedCall {
  const { handle, line, state, direction, remoteName, remoteNumber, durationSeconds } = call;
  const { muted, active, appearance, sequence, protocol, heldByFarEnd } = call;
  return {
    handle,
    line,
    state,
    direction,
    remoteName,
    remoteNumber,
    durationSeconds,
    muted,
    active,
    appearance,
    sequence,
    protocol,
    heldByFarEnd,
  };
}
