/**
 * The phone's pushed events as a feed of its live state. Attached while instant call events
 * are on: it opens the phone's path on the receiver, makes sure the phone points at it (again
 * after a restart or a reset), and turns each event into news (a ringing call with its caller
 * at once) plus a read of the calls — coalesced, so a burst or a flood costs one read in flight
 * and at most one waiting.
 */
import type { Call, CallState } from '../../../shared/domain';
import { toPhoneError } from '../../vvx/phone-error';
import type { PushEvent } from '../../push/push-event';
import type { PushPath } from '../../push/push-receiver';
import type { FeedReport, PhoneFeed, ResyncReason } from '../live/phone-feed';
import type { PushHealth } from './push-health';
import { reactionTo } from './push-news';
import type { PushSetup } from './push-setup';

/** Where a phone's events are received: the core's receiver. */
export interface PushInbox {
  /** The URL the phone would post to and the address it names (nothing is opened). */
  locate(phone: { phoneUrl: string; token: string }): Promise<Omit<PushPath, 'close'>>;
  /** Opens the phone's path: its accepted events go to `deliver` until the path is closed. */
  open(
    phone: { phoneUrl: string; token: string },
    deliver: (events: PushEvent[]) => void,
  ): Promise<PushPath>;
}

export interface PushFeedOptions {
  inbox: PushInbox;
  phoneUrl: string;
  token: string;
  /** Events have come through this phone's path before (the path was proven). */
  proven: boolean;
  health: PushHealth;
  setup: PushSetup;
  /** The call with this handle in the live state (any spelling). */
  findCall: (handle: string) => Call | undefined;
  /** The phone's MAC address as last identified (events from another device are ignored). */
  macAddress: () => string | null;
  /** Line registrations changed: the lines should be read. */
  linesChanged: () => void;
  log: (line: string) => void;
}

/** Events within this window share one read (a ring is an incoming and a state event). */
const COALESCE_MS = 10;
/** Reads events ask for are at least this far apart: a flood of events is a few reads a second. */
const MIN_READ_GAP_MS = 200;
/** New calls news may announce per second: a phone rings far fewer; more is not a phone. */
const MAX_NEW_CALLS_PER_SECOND = 10;
/** Handles remembered as ended, so a late event about them does not bring them back. */
const ENDED_MEMORY = 32;

/** How far along a call is: news never moves a call back (events may come out of order). */
const PROGRESS: Record<CallState, number> = {
  Dialtone: 0,
  Setup: 1,
  Proceeding: 2,
  RingBack: 3,
  Offering: 3,
  Connected: 4,
  Hold: 4,
  Disconnected: 5,
};

/** One phone's pushed events; see the module comment. */
export class PushFeed implements PhoneFeed {
  private report: FeedReport | null = null;
  private path: PushPath | null = null;
  private stopped = false;
  private readTimer: NodeJS.Timeout | null = null;
  private readonly ended: string[] = [];
  private readonly unknownLogged = new Set<string>();
  private lastReadAt = 0;
  private newCalls = { second: 0, count: 0 };
  /** Settles once the path is open and the phone's setting checked (or that failed, in words). */
  ready: Promise<void> = Promise.resolve();

  constructor(private readonly options: PushFeedOptions) {}

  start(report: FeedReport): void {
    this.report = report;
    this.ready = this.openPath();
  }

  stop(): void {
    this.stopped = true;
    this.report = null;
    this.path?.close();
    this.path = null;
    if (this.readTimer !== null) clearTimeout(this.readTimer);
    this.options.health.dispose();
  }

  /** Back after silence or a restart: the phone may have lost the setting; point it here again. */
  resync(reason: ResyncReason): void {
    if (reason === 'back') void this.pointPhoneHere();
  }

  private async openPath(): Promise<void> {
    const { inbox, phoneUrl, token, health } = this.options;
    try {
      const path = await inbox.open({ phoneUrl, token }, (events) => this.deliver(events));
      if (this.stopped) {
        path.close();
        return;
      }
      this.path = path;
    } catch (error) {
      if (!this.stopped) health.problem(`Not receiving: ${toPhoneError(error).message}`);
      return;
    }
    await this.pointPhoneHere();
  }

  /** Checks where the phone's events go; sets it again when the phone lost or moved it. */
  private async pointPhoneHere(): Promise<void> {
    const { path } = this;
    if (path === null || this.stopped) return;
    const { setup, token, health, proven } = this.options;
    const since = Date.now();
    try {
      const pointing = await setup.pointing(path.url, token);
      if (this.stopped) return;
      if (pointing === 'elsewhere') {
        health.problem(
          "Not arriving: the phone's event address was changed to another receiver (by its provisioning or by hand). Turn instant call events off and on again to point it back here.",
        );
        return;
      }
      if (pointing !== 'here') {
        const values = await setup.values(path.url);
        await setup.apply(values.target);
        if (this.stopped) return;
        const note =
          pointing === 'nowhere'
            ? 'The phone had lost the setting (after a reset); Deskpilot set it again. '
            : '';
        health.listening(path.listeningOn, false, since, note);
        this.report?.reconcile();
        return;
      }
      health.listening(path.listeningOn, proven, since);
      // From here on every change needs an event: read what changed before.
      this.report?.reconcile();
    } catch (error) {
      // Unreachable now: checked again when the phone answers after the silence.
      if (!this.stopped) health.problem(`Not checked yet: ${toPhoneError(error).message}`);
    }
  }

  private deliver(events: readonly PushEvent[]): void {
    const report = this.report;
    if (report === null) return;
    const mac =
      this.options
        .macAddress()
        ?.replace(/[^0-9a-f]/gi, '')
        .toLowerCase() ?? '';
    let readCalls = false;
    for (const event of events) {
      // Another device at the phone's address (a replaced phone, a NAT) is not this phone.
      if (mac !== '' && event.macAddress !== '' && event.macAddress !== mac) continue;
      const reaction = reactionTo(event);
      this.options.health.eventArrived(
        reaction.readCalls ? (reaction.news?.handle ?? reaction.ended) : undefined,
      );
      if (event.kind === 'unknown') this.logUnknown(event.element);
      if (reaction.ended !== null) this.end(report, reaction.ended);
      if (reaction.news !== null) this.tell(report, reaction.news);
      if (reaction.readLines) this.options.linesChanged();
      readCalls ||= reaction.readCalls;
    }
    if (readCalls) this.readSoon(report);
  }

  private end(report: FeedReport, handle: string): void {
    this.ended.push(handle);
    if (this.ended.length > ENDED_MEMORY) this.ended.shift();
    report.callEnded(handle);
  }

  private tell(report: FeedReport, news: Parameters<FeedReport['callNews']>[0]): void {
    if (this.ended.includes(news.handle)) return;
    const known = this.options.findCall(news.handle);
    if (known !== undefined && news.state !== undefined) {
      if (PROGRESS[news.state] < PROGRESS[known.state]) return;
    }
    if (known === undefined && !this.mayAddCall()) return;
    report.callNews(news);
  }

  /** Whether news may add one more call this second (the read that follows shows the rest). */
  private mayAddCall(): boolean {
    const second = Math.floor(Date.now() / 1000);
    if (second !== this.newCalls.second) this.newCalls = { second, count: 0 };
    this.newCalls.count += 1;
    return this.newCalls.count <= MAX_NEW_CALLS_PER_SECOND;
  }

  /** One read for a burst of events (the queue merges it with any read still waiting). */
  private readSoon(report: FeedReport): void {
    if (this.readTimer !== null) return;
    const wait = Math.max(COALESCE_MS, this.lastReadAt + MIN_READ_GAP_MS - Date.now());
    this.readTimer = setTimeout(() => {
      this.readTimer = null;
      this.lastReadAt = Date.now();
      report.reconcile();
    }, wait);
  }

  private logUnknown(element: string): void {
    if (this.unknownLogged.has(element) || this.unknownLogged.size >= 20) return;
    this.unknownLogged.add(element);
    this.options.log(
      `Deskpilot: the phone sent an event Deskpilot does not know (${element}); the calls are read instead.`,
    );
  }
}
