/**
 * The one door into a phone's live state. Every source of live facts — the poller today, the
 * phone's pushed events tomorrow, the session's own reads around an action — is a PhoneFeed: it
 * is handed a FeedReport when attached and reports what it saw through it; nothing else writes
 * the live state.
 */
import type { Call, Line, PhoneFeature } from '../../../shared/domain';
import type { PhoneError } from '../../vvx/phone-error';

/** A call as a feed read it (the live state stamps when). */
export type ReportedCall = Omit<Call, 'observedAt'>;

/**
 * What a feed learned about one call without reading the whole list: a push says "ringing, from
 * Ada Lovelace, 1001" before any callStatus read. Fields left out keep their known value (or a
 * neutral default for a call not seen before).
 */
export type CallNews = Pick<Call, 'handle'> & Partial<Omit<Call, 'handle' | 'observedAt'>>;

/** What the credentials may do, learned from the phone's answers. */
export type AccessLevel = 'unknown' | 'admin' | 'user';

export interface PhoneIdentity {
  model: string | null;
  firmware: string | null;
  macAddress: string | null;
}

/** Why a feed should read the phone afresh (see PhoneFeed.resync). */
export type ResyncReason = 'reboot' | 'back';

/** What a feed reports; see the module comment. */
export interface FeedReport {
  /**
   * The phone's whole call list, as read by a request sent at `readStartedAt`: calls not in it
   * are gone, except those a feed reported one by one since then (the read predates them).
   */
  calls(calls: readonly ReportedCall[], readStartedAt: number): void;
  /** News about one call: a new call is added (ringing in: announced), a known one updated. */
  callNews(news: CallNews): void;
  /** A call ended (`endedHere`: Deskpilot ended it, so it is no news to the user). */
  callEnded(handle: string, endedHere?: boolean): void;
  lines(lines: readonly Line[]): void;
  identity(identity: PhoneIdentity): void;
  access(level: AccessLevel): void;
  /** The phone lacks this feature (it answered 404 there while its REST API answers). */
  missing(feature: PhoneFeature): void;
  /** The phone answered a request: it is there. */
  answered(): void;
  /** A request failed; returns how long to leave the phone alone before asking again. */
  failed(problem: PhoneError): number;
  /** The phone accepted a restart: silence is expected for a while, then everything may differ. */
  rebootRequested(): void;
  /** The phone accepted a reset that puts its admin password back to the factory one. */
  passwordReset(): void;
  /** Asks the feeds that can read the phone to read its calls now (news lacked the full picture). */
  reconcile(): void;
}

/** A source of live facts about one phone. */
export interface PhoneFeed {
  /** Begins reporting through `report`; reports after `stop()` are ignored. */
  start(report: FeedReport): void;
  stop(): void;
  /** Reads the phone's calls now, if this feed can (another feed asked through `reconcile`). */
  reconcile?(): void;
  /**
   * The phone may have changed under the feed: it was told to restart ('reboot'), or answers
   * again after silence or a restart ('back'). Identity, lines and calls should be read afresh
   * (and a push subscription renewed).
   */
  resync?(reason: ResyncReason): void;
}
