/**
 * The one live state kept per phone — connection health, lines, calls — and the typed events
 * that announce every change to it. Feeds write it only through the door of phone-feed.ts;
 * everyone else reads it. Listeners never see a password and cannot break the engine.
 */
import {
  connectingStatus,
  type Call,
  type Line,
  type PhoneEvent,
  type PhoneStatus,
} from '../../../shared/domain';
import { CallTracker } from './call-tracker';
import type { AccessLevel, FeedReport, PhoneFeed, ResyncReason } from './phone-feed';
import { PhoneHealth, type StatusPatch } from './phone-health';
import { RecentEndings } from './recent-endings';

/** Events a session emits: every PhoneEvent kind except the manager's 'phones-changed'. */
export type SessionEvent = Exclude<PhoneEvent, { type: 'phones-changed' }>;
export type SessionListener = (event: SessionEvent) => void;

/** What readers of the live state see. */
export interface LiveView {
  readonly status: PhoneStatus;
  readonly lines: readonly Line[];
  readonly calls: Call[];
  readonly access: AccessLevel;
  /** How the calls seen ending ended, for the call logs. */
  readonly endings: RecentEndings;
}

/** Health, lines and calls of one phone, with change events; see the module comment. */
export class LiveState implements LiveView {
  private current: PhoneStatus;
  private lineList: readonly Line[] = [];
  private accessLevel: AccessLevel = 'unknown';
  readonly endings = new RecentEndings();
  private readonly tracker = new CallTracker(this.endings);
  private readonly listeners = new Set<SessionListener>();
  private readonly feeds = new Set<PhoneFeed>();
  private readonly health: PhoneHealth;

  /** @param baseRetryMs the first wait after a failure, doubled per failure (the idle poll interval). */
  constructor(
    readonly phoneId: string,
    baseRetryMs: number,
  ) {
    this.current = connectingStatus(phoneId, 'Connecting to the phone…');
    this.health = new PhoneHealth(
      () => this.current,
      (patch) => this.setStatus(patch),
      baseRetryMs,
    );
  }

  get status(): PhoneStatus {
    return this.current;
  }

  get lines(): readonly Line[] {
    return this.lineList;
  }

  get calls(): Call[] {
    return this.tracker.list();
  }

  /** What the credentials may do, as the phone's answers showed. */
  get access(): AccessLevel {
    return this.accessLevel;
  }

  /** The current call with this handle, in any spelling. */
  findCall(handle: string): Call | undefined {
    return this.tracker.find(handle);
  }

  /** Subscribes; returns the unsubscribe function. */
  on(listener: SessionListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Starts `feed` reporting through the door; returns the function that stops and detaches it. */
  attach(feed: PhoneFeed): () => void {
    const door = { open: true };
    this.feeds.add(feed);
    feed.start(this.reportFor(door));
    return () => {
      door.open = false;
      this.feeds.delete(feed);
      feed.stop();
    };
  }

  /** The door one feed reports through; closed (reports ignored) once it is detached. */
  private reportFor(door: { open: boolean }): FeedReport {
    const phoneId = this.phoneId;
    const when = (work: () => void): void => {
      if (door.open) work();
    };
    return {
      calls: (calls, readStartedAt) =>
        when(() => this.emitAll(this.tracker.replace(phoneId, calls, readStartedAt, Date.now()))),
      callNews: (news) => when(() => this.emitAll(this.tracker.merge(phoneId, news, Date.now()))),
      callEnded: (handle, endedHere) =>
        when(() => this.emitAll(this.tracker.remove(phoneId, handle, endedHere))),
      lines: (lines) => when(() => this.setLines(lines)),
      identity: (identity) => when(() => this.setStatus(identity)),
      access: (level) =>
        when(() => {
          this.accessLevel = level;
        }),
      missing: (feature) =>
        when(() => {
          const { missing } = this.current;
          if (!missing.includes(feature)) this.setStatus({ missing: [...missing, feature] });
        }),
      answered: () =>
        when(() => {
          if (this.health.answered(Date.now()) === 'back') this.resync('back');
        }),
      // A closed door still answers: the caller needs a wait, even if nobody listens any more.
      failed: (problem) => (door.open ? this.health.failed(problem, Date.now()) : 0),
      rebootRequested: () =>
        when(() => {
          this.health.rebootRequested(Date.now());
          this.resync('reboot');
        }),
      passwordReset: () =>
        when(() => {
          this.health.passwordReset();
        }),
      reconcile: () =>
        when(() => {
          for (const feed of [...this.feeds]) feed.reconcile?.();
        }),
    };
  }

  private resync(reason: ResyncReason): void {
    // A restart may bring other firmware: what it lacked is learned again.
    if (reason === 'reboot' && this.current.missing.length > 0) this.setStatus({ missing: [] });
    for (const feed of [...this.feeds]) feed.resync?.(reason);
  }

  /** Merges a status change; emits 'phone-status' only when something a user sees changed. */
  private setStatus(patch: StatusPatch): void {
    const next = { ...this.current, ...patch };
    const visible = (status: PhoneStatus) => JSON.stringify({ ...status, lastSeenAt: null });
    const changed = visible(next) !== visible(this.current);
    this.current = next;
    if (changed) this.emit({ type: 'phone-status', phoneId: this.phoneId, status: next });
  }

  /** Replaces the lines; emits 'lines-changed' when they differ. */
  private setLines(lines: readonly Line[]): void {
    if (JSON.stringify(lines) === JSON.stringify(this.lineList)) return;
    this.lineList = lines;
    this.emit({ type: 'lines-changed', phoneId: this.phoneId, lines: [...lines] });
  }

  private emitAll(events: readonly SessionEvent[]): void {
    for (const event of events) this.emit(event);
  }

  private emit(event: SessionEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch {
        // A faulty listener (a closed window, a broken pipe in `watch`) must not stop the engine.
      }
    }
  }
}
