/**
 * The serial request queue, one per phone. A VVX phone processes one request at a time (a second
 * one gets HTTP 403 or waits), so never more than one request is in flight. Users' actions go
 * before interactive reads, which go before background polls, which go before the remote
 * screen's reads (a capture is the largest answer a phone sends, so a user action waits behind
 * at most the one in flight) — but polls, which keep the live state (an incoming call) current,
 * get every POLL_SHARE-th turn while they wait, however busy the other lanes are. Within a lane,
 * clients (windows, sockets, the command line: the caller of ground/caller.ts) take turns, and
 * none may hold more than `perCallerLimit` waiting requests. Identical pending reads share one
 * request; busy answers are retried with backoff and jitter only when the phone did nothing.
 */
import { currentCaller } from '../ground/caller';
import { PhoneError, toPhoneError } from './phone-error';

export type QueuePriority = 'action' | 'interactive' | 'poll' | 'screen';

const RANK: Record<QueuePriority, number> = { action: 0, interactive: 1, poll: 2, screen: 3 };

/**
 * A waiting poll is sent after at most POLL_SHARE - 1 other requests went before it: with a
 * phone taking 100 ms a request, a round of polls (two reads) takes under a second however
 * many reads clients keep asking for.
 */
const POLL_SHARE = 4;

/** The caller of work nobody asked for (the poller, the core's own follow-ups). */
const CORE = '';

/** Clients whose last turn is remembered; a forgotten one simply counts as served long ago. */
const MAX_REMEMBERED_CALLERS = 64;

export interface QueueTask<T> {
  priority: QueuePriority;
  /** Reads with the same key that are still waiting are merged into one request. */
  mergeKey?: string;
  /** What the task does to the phone: decides whether a busy answer may be retried. */
  effect: 'read' | 'write';
  run: () => Promise<T>;
  /** Who asked (default: the caller the running work belongs to, see ground/caller.ts). */
  caller?: string;
}

export interface RequestQueueOptions {
  /** Most tasks waiting at once (not counting the one in flight); beyond it: 'queue-full'. */
  limit?: number;
  /** Most tasks one client may have waiting at once; beyond it: 'queue-full' for that client. */
  perCallerLimit?: number;
  /** Attempts for a task the phone answered "busy" (HTTP 403 / Status 4001). */
  maxAttempts?: number;
  /** First retry delay; doubles per attempt, with up to 50 % random jitter. */
  backoffMs?: number;
  /** Attempts for a read that failed in transit (connection dropped, timed out). */
  readAttempts?: number;
}

interface Entry {
  rank: number;
  order: number;
  caller: string;
  mergeKey: string | undefined;
  effect: 'read' | 'write';
  run: () => Promise<unknown>;
  attempt: number;
  notBefore: number;
  settle: { resolve: (value: unknown) => void; reject: (error: PhoneError) => void };
}

/** Counters a test or benchmark can read. */
export interface QueueStats {
  sent: number;
  merged: number;
  retried: number;
  rejectedFull: number;
  maxInFlight: number;
}

/** Runs tasks one at a time in priority order; see the module comment for the rules. */
export class RequestQueue {
  private readonly waiting: Entry[] = [];
  private readonly merged = new Map<string, { entry: Entry; promise: Promise<unknown> }>();
  private readonly limit: number;
  private readonly perCallerLimit: number;
  private readonly maxAttempts: number;
  private readonly backoffMs: number;
  private readonly readAttempts: number;
  private inFlight = 0;
  private order = 0;
  /** Requests sent while a ready poll waited, since a poll was last sent. */
  private pollsPassedOver = 0;
  /** When each client was last served (a send count); the longest unserved goes first. */
  private readonly lastServed = new Map<string, number>();
  private closed: PhoneError | null = null;
  private wakeTimer: NodeJS.Timeout | null = null;
  readonly stats: QueueStats = { sent: 0, merged: 0, retried: 0, rejectedFull: 0, maxInFlight: 0 };

  constructor(options: RequestQueueOptions = {}) {
    this.limit = options.limit ?? 100;
    this.perCallerLimit = options.perCallerLimit ?? 25;
    this.maxAttempts = options.maxAttempts ?? 5;
    this.backoffMs = options.backoffMs ?? 150;
    this.readAttempts = options.readAttempts ?? 2;
  }

  /** Queues a task; resolves or rejects exactly once with its result or a PhoneError. */
  enqueue<T>(task: QueueTask<T>): Promise<T> {
    if (this.closed !== null) return Promise.reject(this.closed);
    const key = task.effect === 'read' ? task.mergeKey : undefined;
    const existing = key === undefined ? undefined : this.merged.get(key);
    if (existing !== undefined) {
      this.stats.merged += 1;
      // An action waiting on a poll's read must not wait at poll priority.
      existing.entry.rank = Math.min(existing.entry.rank, RANK[task.priority]);
      return existing.promise as Promise<T>;
    }
    const caller = task.caller ?? currentCaller() ?? CORE;
    const full = this.refusal(caller);
    if (full !== null) {
      this.stats.rejectedFull += 1;
      return Promise.reject(full);
    }
    let settle: Entry['settle'] | undefined;
    const promise = new Promise<unknown>((resolve, reject) => {
      settle = { resolve, reject };
    });
    if (settle === undefined) throw new Error('Promise executor did not run');
    const entry: Entry = {
      rank: RANK[task.priority],
      order: this.order++,
      caller,
      mergeKey: key,
      effect: task.effect,
      run: task.run,
      attempt: 1,
      notBefore: 0,
      settle,
    };
    this.waiting.push(entry);
    if (key !== undefined) this.merged.set(key, { entry, promise });
    this.pump();
    return promise as Promise<T>;
  }

  /** Rejects every waiting task with 'cancelled' and refuses new ones (the phone was removed). */
  close(reason = 'The phone was removed or disconnected; the request was cancelled.'): void {
    if (this.closed !== null) return;
    this.closed = new PhoneError('cancelled', reason);
    if (this.wakeTimer !== null) clearTimeout(this.wakeTimer);
    const cancelled = this.waiting.splice(0);
    this.merged.clear();
    for (const entry of cancelled) entry.settle.reject(this.closed);
  }

  private pump(): void {
    if (this.inFlight > 0 || this.closed !== null) return;
    const now = Date.now();
    const next = this.nextReady(now);
    if (next === null) {
      this.scheduleWake(now);
      return;
    }
    this.waiting.splice(this.waiting.indexOf(next), 1);
    this.noteTurn(next, now);
    // Once sent, a read is no longer "pending": a later identical read gets fresh data.
    if (next.mergeKey !== undefined) this.merged.delete(next.mergeKey);
    this.inFlight += 1;
    this.stats.sent += 1;
    this.stats.maxInFlight = Math.max(this.stats.maxInFlight, this.inFlight);
    void this.execute(next);
  }

  private async execute(entry: Entry): Promise<void> {
    let outcome: { ok: true; value: unknown } | { ok: false; error: PhoneError };
    try {
      outcome = { ok: true, value: await entry.run() };
    } catch (error) {
      outcome = { ok: false, error: toPhoneError(error) };
    }
    this.inFlight -= 1;
    // Closing the connection under a read in flight is a cancellation, not an outage; a write
    // keeps its 'outcome-unknown', because the phone may have acted on it.
    if (!outcome.ok && this.closed !== null && entry.effect === 'read') {
      outcome = { ok: false, error: this.closed };
    }
    if (outcome.ok) entry.settle.resolve(outcome.value);
    else if (this.shouldRetry(entry, outcome.error)) this.requeue(entry);
    else entry.settle.reject(outcome.error);
    this.pump();
  }

  private shouldRetry(entry: Entry, error: PhoneError): boolean {
    if (this.closed !== null) return false;
    // Busy means the phone refused before doing anything: safe for writes too.
    if (error.busy) return entry.attempt < this.maxAttempts;
    // A read that was lost in transit cannot have changed anything; a write might have.
    return (
      entry.effect === 'read' && error.code === 'unreachable' && entry.attempt < this.readAttempts
    );
  }

  private requeue(entry: Entry): void {
    const base = this.backoffMs * 2 ** (entry.attempt - 1);
    entry.notBefore = Date.now() + base + Math.random() * base * 0.5;
    entry.attempt += 1;
    this.stats.retried += 1;
    this.waiting.push(entry);
  }

  /** Why a new task of `caller` is refused, or null when there is room for it. */
  private refusal(caller: string): PhoneError | null {
    if (this.waiting.length >= this.limit) {
      return new PhoneError(
        'queue-full',
        `Too many requests are waiting for this phone (${this.limit}); wait for them to finish and try again.`,
      );
    }
    const own = this.waiting.filter((entry) => entry.caller === caller).length;
    if (caller !== CORE && own >= this.perCallerLimit) {
      return new PhoneError(
        'queue-full',
        `You already have ${own} requests waiting for this phone; wait for them to finish and try again.`,
      );
    }
    return null;
  }

  /**
   * The next task to send: a poll when polls have been passed over long enough, else the most
   * urgent lane, and in it the client served longest ago (then the oldest task).
   */
  private nextReady(now: number): Entry | null {
    const ready = this.waiting.filter((entry) => entry.notBefore <= now);
    const poll = ready.find((entry) => entry.rank === RANK.poll);
    if (poll !== undefined && this.pollsPassedOver >= POLL_SHARE - 1) return poll;
    let best: Entry | null = null;
    for (const entry of ready) {
      if (best === null || this.before(entry, best)) best = entry;
    }
    return best;
  }

  private before(entry: Entry, other: Entry): boolean {
    if (entry.rank !== other.rank) return entry.rank < other.rank;
    const served = this.lastServed.get(entry.caller) ?? -1;
    const otherServed = this.lastServed.get(other.caller) ?? -1;
    return served !== otherServed ? served < otherServed : entry.order < other.order;
  }

  /** Keeps the books of turns: whose turn it was, and whether a ready poll was passed over. */
  private noteTurn(sent: Entry, now: number): void {
    if (sent.rank === RANK.poll) this.pollsPassedOver = 0;
    else if (this.waiting.some((entry) => entry.rank === RANK.poll && entry.notBefore <= now)) {
      this.pollsPassedOver += 1;
    }
    this.lastServed.delete(sent.caller);
    this.lastServed.set(sent.caller, this.stats.sent);
    // Clients come and go (sockets): forget those served longest ago once there are many.
    for (const caller of this.lastServed.keys()) {
      if (this.lastServed.size <= MAX_REMEMBERED_CALLERS) break;
      this.lastServed.delete(caller);
    }
  }

  private scheduleWake(now: number): void {
    if (this.wakeTimer !== null) clearTimeout(this.wakeTimer);
    this.wakeTimer = null;
    if (this.waiting.length === 0) return;
    const earliest = Math.min(...this.waiting.map((entry) => entry.notBefore));
    this.wakeTimer = setTimeout(
      () => {
        this.wakeTimer = null;
        this.pump();
      },
      Math.max(0, earliest - now),
    );
  }
}
