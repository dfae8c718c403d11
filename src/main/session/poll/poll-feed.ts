/**
 * The poller, one feed of a phone's live state: cheap pollForStatus while idle, callStatus v2
 * while calls exist, lineInfo v2 when lines may have changed, the identity after a start or a
 * restart; every read at 'poll' priority, so it never delays an action. When it reads is the
 * PollSchedule's business; what its answers and failures mean is the live state's health.
 * While the phone's pushed events can be trusted the poller only reconciles, its `pace` many
 * times slower, and tells the pace about every change a poll read found (events should have
 * announced it).
 */
import type { Line } from '../../../shared/domain';
import { toPhoneError } from '../../vvx/phone-error';
import type { VvxLine } from '../../vvx/vvx-line-schemas';
import type { LiveView } from '../live/live-state';
import type { AccessLevel, FeedReport, PhoneFeed, ResyncReason } from '../live/phone-feed';
import { readDeviceInfo, readLines } from '../firmware-fallbacks';
import type { PhoneLink } from '../phone-link';
import { PollSchedule, type NextRound } from './poll-schedule';

const LINES_MAX_AGE_MS = 5 * 60_000;

/** How fast to poll beside another feed (the phone's pushed events), and what polls found. */
export interface PollPace {
  /** How many times slower than the set intervals to poll (1: as set). */
  slowdown(): number;
  /**
   * A poll read found these calls (handles) appeared, changed state or went, since `since` (when
   * the previous poll read that showed the calls was sent).
   */
  changeFound(since: number, handles: string[]): void;
}

export interface PollFeedOptions {
  link: PhoneLink;
  live: LiveView;
  idleMs: number;
  activeMs: number;
  pace?: PollPace;
}

/** The calls as far as events should announce them: which exist, in which state. */
function callStates(live: LiveView): Map<string, string> {
  return new Map(live.calls.map((call) => [call.handle, call.state]));
}

/** The handles of calls that appeared, changed state or went between two looks. */
function changedCalls(before: Map<string, string>, after: Map<string, string>): string[] {
  const changed = [...after].filter(([handle, state]) => before.get(handle) !== state);
  const gone = [...before.keys()].filter((handle) => !after.has(handle));
  return [...changed.map(([handle]) => handle), ...gone];
}

/** Polls one phone; see the module comment. */
export class PollFeed implements PhoneFeed {
  private readonly schedule = new PollSchedule(() => this.round());
  private report: FeedReport | null = null;
  private needIdentity = true;
  private linesReadAt = 0;
  private pollForStatusWorks = true;
  private access: AccessLevel = 'unknown';
  /** When the last poll read that showed the calls as they were (callStatus, or "Idle") was sent. */
  private confirmedAt = 0;
  /** The calls as that read left them (handle → state). */
  private seen = new Map<string, string>();

  constructor(private readonly options: PollFeedOptions) {}

  /** Starts polling at once. */
  start(report: FeedReport): void {
    this.report = report;
    this.schedule.start();
  }

  /** Stops polling; a read in flight finishes or is cancelled by the queue. */
  stop(): void {
    this.schedule.stop();
  }

  /** Polls now (a new certificate was accepted, or the user asked). */
  wake(): void {
    this.schedule.wake();
  }

  /** Another feed asked for the calls: read them now, a failure showing in the status. */
  reconcile(): void {
    const report = this.report;
    if (report === null) return;
    this.options.link
      .readCalls('interactive', report)
      .catch((error: unknown) => report.failed(toPhoneError(error)));
  }

  /** Polling goes back to the set intervals now (pushed events stopped being trustworthy). */
  paceDropped(): void {
    this.schedule.reschedule(this.options.idleMs);
  }

  /** The phone says its lines changed: read them in a round now. */
  linesChanged(): void {
    this.linesReadAt = 0;
    this.schedule.wake();
  }

  /** Identity and lines are read again; after a restart request, polling resumes at idle pace. */
  resync(reason: ResyncReason): void {
    this.needIdentity = true;
    this.linesReadAt = 0;
    if (reason === 'reboot') this.schedule.reschedule(this.options.idleMs);
  }

  private async round(): Promise<NextRound> {
    const report = this.report;
    if (report === null) return { afterMs: this.options.idleMs };
    try {
      await this.poll(report);
      const { live, activeMs, idleMs } = this.options;
      return { everyMs: (live.calls.length > 0 ? activeMs : idleMs) * this.slowdown() };
    } catch (error) {
      return { afterMs: report.failed(toPhoneError(error)) };
    }
  }

  private async poll(report: FeedReport): Promise<void> {
    const { live } = this.options;
    // A call on a line the phone never listed: the lines have changed.
    if (live.calls.some((call) => !live.lines.some((line) => line.line === call.line))) {
      this.linesReadAt = 0;
    }
    if (this.needIdentity) await this.readIdentity(report);
    const linesMaxAge = LINES_MAX_AGE_MS * this.slowdown();
    if (this.access !== 'user' && Date.now() - this.linesReadAt > linesMaxAge) {
      await this.readLines(report);
    }
    if (live.calls.length > 0 || !this.pollForStatusWorks) {
      await this.readCalls(report);
      return;
    }
    const sentAt = Date.now();
    const status = await this.pollForStatus(report);
    if (status === null || status.state.toLowerCase() !== 'idle') {
      await this.readCalls(report);
    } else {
      this.confirmedAt = sentAt;
      this.seen = callStates(live);
    }
  }

  private slowdown(): number {
    return this.options.pace?.slowdown() ?? 1;
  }

  /**
   * Reads the calls at poll priority and tells the pace what changed since the poller's previous
   * look — also what another read found meanwhile (a read an event asked for can find a call
   * no event named).
   */
  private async readCalls(report: FeedReport): Promise<void> {
    const { live, link, pace } = this.options;
    const before = this.seen;
    const since = this.confirmedAt;
    this.confirmedAt = Date.now();
    await link.readCalls('poll', report);
    this.seen = callStates(live);
    const changed = changedCalls(before, this.seen);
    if (pace !== undefined && since > 0 && changed.length > 0) pace.changeFound(since, changed);
  }

  /** pollForStatus is HTTPS-only in the reference: where it is missing, fall back for good. */
  private async pollForStatus(report: FeedReport): Promise<{ state: string } | null> {
    const { link } = this.options;
    try {
      const status = await link.read(() => link.client.pollForStatus(), 'pollForStatus', 'poll');
      report.answered();
      return status;
    } catch (error) {
      const problem = toPhoneError(error);
      if (problem.code !== 'api-disabled' && problem.code !== 'not-supported') throw problem;
      this.pollForStatusWorks = false;
      return null;
    }
  }

  private async readIdentity(report: FeedReport): Promise<void> {
    const { link } = this.options;
    try {
      const info = await link.queue.enqueue({
        priority: 'poll',
        effect: 'read',
        run: () => readDeviceInfo(link.client),
      });
      this.learnAccess(report, 'admin');
      report.identity({
        model: info.model || null,
        firmware: info.firmware || null,
        macAddress: info.macAddress || null,
      });
    } catch (error) {
      const problem = toPhoneError(error);
      // deviceInfo is admin-only: a user-level account still polls calls, if it works at all.
      if (problem.code !== 'wrong-credentials' && problem.code !== 'insufficient-access') {
        throw problem;
      }
      await this.readCalls(report);
      this.learnAccess(report, 'user');
    }
    this.needIdentity = false;
    report.answered();
  }

  private learnAccess(report: FeedReport, level: AccessLevel): void {
    this.access = level;
    report.access(level);
  }

  private async readLines(report: FeedReport): Promise<void> {
    const { link } = this.options;
    const lines = await link.read(() => readLines(link.client), 'lineInfo', 'poll');
    report.lines(lines.map(toLine));
    this.linesReadAt = Date.now();
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
