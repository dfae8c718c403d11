/**
 * The `push` part of a phone session: turning the phone's instant call events on and off and
 * following them. The core decides the secret and keeps the phone's previous values (it owns
 * the settings); this part does the phone's side — plan, set and read back, attach the feed,
 * put the previous values back — and tells every listener how events stand.
 */
import type { PushPlan } from '../../../shared/contract/push';
import type { Call, PushStatus } from '../../../shared/domain';
import type { PhoneFeed } from '../live/phone-feed';
import type { PhoneConfig } from '../phone-config';
import { PushFeed, type PushInbox } from './push-feed';
import { PushHealth } from './push-health';
import { PushSetup, type PushValues } from './push-setup';

/** What the core hands over to receive a phone's events. */
export interface PushSubscription {
  inbox: PushInbox;
  token: string;
  /** Events have come through before (so slow polling may start at once). */
  proven: boolean;
}

/** What a prepared setup would change: shown to the user, then applied as it is. */
export interface PreparedPush {
  plan: PushPlan;
  values: PushValues;
  url: string;
}

export interface PushControlOptions {
  phoneUrl: string;
  config: PhoneConfig;
  idleMs: number;
  attach: (feed: PhoneFeed) => () => void;
  findCall: (handle: string) => Call | undefined;
  macAddress: () => string | null;
  /** Events stopped arriving: the poller goes back to its usual pace now. */
  distrust: () => void;
  linesChanged: () => void;
  log: (line: string) => void;
}

type StatusListener = (status: PushStatus) => void;

/** One phone's instant call events; see the module comment. */
export class PushControl {
  readonly health: PushHealth;
  private readonly setup: PushSetup;
  private readonly listeners = new Set<StatusListener>();
  private detach: (() => void) | null = null;
  private ready: Promise<void> = Promise.resolve();

  constructor(private readonly options: PushControlOptions) {
    this.setup = new PushSetup(options.config);
    this.health = new PushHealth({
      idleMs: options.idleMs,
      onChange: (status) => {
        for (const listener of [...this.listeners]) listener(status);
      },
      onDistrust: options.distrust,
    });
  }

  /** How events stand now. */
  status(): PushStatus {
    return this.health.status;
  }

  /** Follows every change of the status; returns the unsubscribe. */
  onStatus(listener: StatusListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Finds where this computer receives the phone's events and reads what pointing the phone
   * there would change. Nothing on the phone changes.
   */
  async prepare(subscription: PushSubscription): Promise<PreparedPush> {
    const { inbox, token } = subscription;
    const path = await inbox.locate({ phoneUrl: this.options.phoneUrl, token });
    const values = await this.setup.values(path.url);
    return {
      plan: {
        changes: this.setup.changes(values, token),
        listeningOn: path.listeningOn,
        unsupported: values.unsupported,
      },
      values,
      url: path.url,
    };
  }

  /** Points the phone at Deskpilot (set, read back), then follows its events. */
  async turnOn(prepared: PreparedPush, subscription: PushSubscription): Promise<void> {
    this.unfollow();
    await this.setup.apply(prepared.values.target);
    this.follow(subscription);
  }

  /** Follows the phone's events (they were turned on before): checks the phone still points here. */
  follow(subscription: PushSubscription): void {
    this.unfollow();
    const { options } = this;
    const feed = new PushFeed({
      inbox: subscription.inbox,
      phoneUrl: options.phoneUrl,
      token: subscription.token,
      proven: subscription.proven,
      health: this.health,
      setup: this.setup,
      findCall: options.findCall,
      macAddress: options.macAddress,
      linesChanged: options.linesChanged,
      log: options.log,
    });
    this.detach = options.attach(feed);
    this.ready = feed.ready;
  }

  /** Settles once the phone's setting has been checked after `follow` (at once when not following). */
  checked(): Promise<void> {
    return this.ready;
  }

  /** Stops following the phone's events (the phone keeps its setting until `restore`). */
  stopFollowing(message?: string): void {
    this.unfollow();
    this.health.off(message);
  }

  private unfollow(): void {
    this.detach?.();
    this.detach = null;
  }

  /**
   * Puts the phone's previous values back if it still points at Deskpilot (false when someone
   * else pointed it elsewhere since, which is left alone), or in any case `whereverPointing`
   * (a change Deskpilot just made and must undo).
   */
  restore(
    previous: Record<string, string>,
    token: string,
    options: { whereverPointing?: boolean } = {},
  ): Promise<boolean> {
    return this.setup.restore(previous, token, options.whereverPointing ?? false);
  }

  /** Says a setup problem in words (the poller goes at its usual pace). */
  problem(message: string): void {
    this.health.problem(message);
  }
}
