/**
 * One phone's live session, composed of parts that match the contract's namespaces: the phone
 * link (client, serial queue, live state), call control (`calls`), the remote screen
 * (`screen`), device administration (`device`), configuration (`config`) and instant call
 * events (`push`), with the poller as the live state's feed and the phone's pushed events as a
 * second one while they are on. Plain Node: no electron.
 */
import type { Call, Line, PhoneStatus, PushStatus } from '../../shared/domain';
import type { RequestQueue } from '../vvx/request-queue';
import type { EndpointTimeouts } from '../vvx/vvx-client';
import { CallControl } from './call-control';
import { DeviceAdmin } from './device-admin';
import type { SessionListener } from './live/live-state';
import type { PhoneFeed } from './live/phone-feed';
import { PhoneConfig } from './phone-config';
import { PhoneLink } from './phone-link';
import { PollFeed } from './poll/poll-feed';
import { PushControl } from './push/push-control';
import { ScreenControl } from './screen-control';
import type { CaptureLedger } from './screen/capture-switch';

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
  /** Receives each new entry of the phone's log (the core's log), and notes about its pushed events. */
  log?: (line: string) => void;
  /** Where the capture settings to put back are recorded (default: nowhere, for the CLI). */
  captureLedger?: CaptureLedger;
}

/** A phone's live session; see the module comment. */
export class PhoneSession {
  readonly calls: CallControl;
  readonly screen: ScreenControl;
  readonly device: DeviceAdmin;
  readonly config: PhoneConfig;
  readonly push: PushControl;
  private readonly link: PhoneLink;
  private readonly poller: PollFeed;
  private readonly detachers: (() => void)[] = [];

  constructor(options: PhoneSessionOptions) {
    this.link = new PhoneLink({ ...options, baseRetryMs: options.pollIntervalIdleMs });
    this.calls = new CallControl(this.link);
    this.config = new PhoneConfig(this.link);
    const { live } = this.link;
    this.push = new PushControl({
      phoneUrl: options.url,
      config: this.config,
      idleMs: options.pollIntervalIdleMs,
      attach: (feed) => this.attach(feed),
      findCall: (handle) => live.findCall(handle),
      macAddress: () => live.status.macAddress,
      distrust: () => this.poller.paceDropped(),
      linesChanged: () => this.poller.linesChanged(),
      log: options.log ?? (() => undefined),
    });
    const { health } = this.push;
    this.poller = new PollFeed({
      link: this.link,
      live,
      idleMs: options.pollIntervalIdleMs,
      activeMs: options.pollIntervalActiveMs,
      pace: {
        slowdown: () => health.slowdown(),
        changeFound: (since, handles) => health.changeFound(since, handles),
      },
    });
    this.screen = new ScreenControl(this.link, this.config, options.captureLedger);
    this.device = new DeviceAdmin(this.link);
  }

  /** Begins adaptive polling. */
  start(): void {
    this.attach(this.poller);
    this.screen.start();
  }

  /**
   * Lets another feed (the phone's pushed events) report into this phone's live state until the
   * returned function is called or the session stops.
   */
  attach(feed: PhoneFeed): () => void {
    const detach = this.link.live.attach(feed);
    this.detachers.push(detach);
    return detach;
  }

  /**
   * Puts back what the remote screen changed, then cancels queued work (PhoneError
   * 'cancelled'), stops every feed and closes the connection.
   */
  async stop(): Promise<void> {
    await this.screen.stop();
    for (const detach of this.detachers.splice(0)) detach();
    this.push.health.dispose();
    await this.link.close();
  }

  /** The phone's state right now. */
  snapshot(): { status: PhoneStatus; lines: Line[]; calls: Call[]; push: PushStatus } {
    const { live } = this.link;
    return {
      status: live.status,
      lines: [...live.lines],
      calls: live.calls,
      push: this.push.status(),
    };
  }

  /** Subscribes to this phone's events; returns the unsubscribe function. */
  on(listener: SessionListener): () => void {
    const { phoneId } = this.link.live;
    const offLive = this.link.live.on(listener);
    const offPush = this.push.onStatus((push) => {
      try {
        listener({ type: 'push-status', phoneId, push });
      } catch {
        // As for the live state's events: a faulty listener must not stop the engine.
      }
    });
    return () => {
      offLive();
      offPush();
    };
  }

  /**
   * Reads the phone's calls now (at interactive priority, merged with a pending poll) and returns
   * them, so a command that starts a session need not wait for the poller's first reads.
   */
  async refresh(): Promise<Call[]> {
    await this.link.readCalls('interactive');
    return this.link.live.calls;
  }

  /** Accept a new certificate after the user confirmed its fingerprint (reconnects). */
  setPinnedFingerprint(fingerprint: string): void {
    this.link.setPinnedFingerprint(fingerprint);
    this.poller.wake();
  }

  /** Requests and statistics so far, for tests and benchmarks. */
  get diagnostics(): { connectionsOpened: number; queue: RequestQueue['stats'] } {
    return { connectionsOpened: this.link.client.connectionsOpened, queue: this.link.queue.stats };
  }
}
