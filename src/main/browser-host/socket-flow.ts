/**
 * Flow control of one contract socket, so that a client cannot make the host hold more for it
 * than a few requests and a bounded amount of unsent answers: at most `maxInFlight` requests in
 * progress, and reading stops there, so TCP holds the client back (the requests already read
 * off the connection wait their turn, up to MAX_WAITING); reading, and starting waiting
 * requests, also stop while answers wait unsent above `bufferBytes`; a socket whose unsent
 * answers stay above that mark for `stallMs`, or pass `maxBufferBytes`, is dropped.
 */
import type { WebSocket } from 'ws';

export interface SocketLimits {
  /** Requests of one socket in progress at once. */
  maxInFlight: number;
  /** Unsent bytes above which the socket counts as not reading. */
  bufferBytes: number;
  /** Unsent bytes at which the socket is dropped at once. */
  maxBufferBytes: number;
  /** How long a socket may stay above `bufferBytes` before it is dropped. */
  stallMs: number;
}

/**
 * A browser asks a few things at a time and reads every answer as it comes; a contacts list of
 * 10,000 entries is the largest answer (about 3 MB), so twice the hard bound still fits one.
 */
export const DEFAULT_SOCKET_LIMITS: SocketLimits = {
  maxInFlight: 16,
  bufferBytes: 1024 * 1024,
  maxBufferBytes: 16 * 1024 * 1024,
  stallMs: 15_000,
};

/** How often a stalled socket is looked at again. */
const STALL_CHECK_MS = 1000;

/**
 * Requests read off the connection after reading stopped (one network read holds at most a
 * few thousand small ones); beyond it a request is refused at once.
 */
const MAX_WAITING = 4096;

/** The flow control of one socket; see the module comment. */
export class SocketFlow {
  private inFlight = 0;
  private readonly waiting: (() => Promise<void>)[] = [];
  private stalledSince: number | null = null;
  private stallTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly socket: WebSocket,
    private readonly limits: SocketLimits,
  ) {}

  /**
   * Runs one request's work now, or once an earlier request of this socket ends; false (nothing
   * will run) when even the waiting list is full.
   */
  admit(work: () => Promise<void>): boolean {
    if (this.inFlight < this.limits.maxInFlight) {
      this.start(work);
      return true;
    }
    if (this.waiting.length >= MAX_WAITING) return false;
    this.waiting.push(work);
    return true;
  }

  /** Sends one message if the socket is open, then looks at what waits unsent. */
  send(data: string): void {
    if (this.socket.readyState !== this.socket.OPEN) return;
    this.socket.send(data);
    this.checkBuffer();
  }

  /** Stops watching and forgets waiting requests (the socket closed). */
  stop(): void {
    this.waiting.length = 0;
    this.stopWatching();
  }

  private start(work: () => Promise<void>): void {
    this.inFlight += 1;
    this.steer();
    const done = (): void => {
      this.inFlight -= 1;
      this.pump();
    };
    work().then(done, done);
  }

  /** Starts waiting requests while there is room and the client takes its answers. */
  private pump(): void {
    while (this.inFlight < this.limits.maxInFlight && this.stalledSince === null) {
      const next = this.waiting.shift();
      if (next === undefined) break;
      this.start(next);
    }
    this.steer();
  }

  private stopWatching(): void {
    if (this.stallTimer !== null) clearInterval(this.stallTimer);
    this.stallTimer = null;
  }

  private checkBuffer(): void {
    const unsent = this.socket.bufferedAmount;
    if (unsent > this.limits.maxBufferBytes) return this.drop();
    if (unsent <= this.limits.bufferBytes) {
      if (this.stalledSince === null) return;
      this.stalledSince = null;
      this.stopWatching();
      this.pump();
    } else if (this.stalledSince === null) {
      this.stalledSince = Date.now();
      this.stallTimer = setInterval(() => this.checkBuffer(), STALL_CHECK_MS);
      this.steer();
    } else if (Date.now() - this.stalledSince >= this.limits.stallMs) {
      this.drop();
    }
  }

  /** Reads while the socket has room for more requests and takes its answers. */
  private steer(): void {
    const hold =
      this.inFlight >= this.limits.maxInFlight ||
      this.waiting.length > 0 ||
      this.stalledSince !== null;
    if (hold && !this.socket.isPaused) this.socket.pause();
    else if (!hold && this.socket.isPaused) this.socket.resume();
  }

  private drop(): void {
    this.stop();
    this.socket.terminate();
  }
}
