/**
 * Whether a phone's instant call events can be trusted, and so how fast the poller must go.
 * Events are hints and the phone stays the truth: while they arrive ("working") the poller
 * slows right down; a poll that finds calls changed with no event announcing it, on a path
 * that was listening, means events are not arriving, and polling goes back to its usual pace
 * until the next event proves the path again.
 */
import type { PushPhase, PushStatus } from '../../../shared/domain';
import { pushedHandle } from '../../push/push-event';

/** How many times slower the poller goes while events arrive. */
export const PUSH_SLOWDOWN = 10;
/** How long after a poll saw a change its event may still arrive (the phone posts on its own time). */
const GRACE_MS = 1500;
/** Calls whose last event is remembered (a phone holds at most a few dozen). */
const HEARD_MEMORY = 64;

export interface PushHealthOptions {
  /** The usual idle poll interval, for the words. */
  idleMs: number;
  /** Called with every change a user would see. */
  onChange: (status: PushStatus) => void;
  /** Events stopped arriving: the poller should go back to its usual pace now. */
  onDistrust: () => void;
}

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

/** One phone's push health; see the module comment. */
export class PushHealth {
  private phase: PushPhase = 'off';
  private message: string;
  private lastEventAt: number | null = null;
  private listeningOn: string | null = null;
  /** Since when the path has been open and the phone pointed at it (changes before are no evidence). */
  private listeningSince = Infinity;
  private graceTimer: NodeJS.Timeout | null = null;
  /** Changes a poll found that no event named yet, in the order found, each with its deadline. */
  private unheard: { from: number; handles: readonly string[]; due: number }[] = [];
  /** When an event last named each call (by handle as a number). */
  private readonly heardOf = new Map<string, number>();
  /** When an event about calls that names none (an incoming event, on/off hook) last came. */
  private lastUnnamedAt = 0;
  /** The phone names calls in its events (so an unnamed event announces no particular call). */
  private namesCalls = false;

  constructor(private readonly options: PushHealthOptions) {
    this.message = this.offWords();
  }

  /** What a user sees. */
  get status(): PushStatus {
    const { phase, message, lastEventAt, listeningOn } = this;
    return { phase, message, lastEventAt, listeningOn };
  }

  /** How many times slower than usual the poller may go. */
  slowdown(): number {
    return this.phase === 'working' ? PUSH_SLOWDOWN : 1;
  }

  /** Off (with the given words, or the usual ones). */
  off(message = this.offWords()): void {
    this.listeningSince = Infinity;
    this.cancelGrace();
    this.set('off', message, null);
  }

  /** Setting up or undoing failed; the poller goes at its usual pace. */
  problem(message: string): void {
    this.listeningSince = Infinity;
    this.cancelGrace();
    this.set('problem', message, this.listeningOn);
  }

  /**
   * The phone points at the open path on `listeningOn` from `since`: working when events have
   * come through this path before (`proven`), else waiting for the first one.
   */
  listening(listeningOn: string, proven: boolean, since = Date.now(), note = ''): void {
    this.listeningSince = since;
    this.listeningOn = listeningOn;
    if (proven && this.phase !== 'not-arriving')
      this.set('working', this.workingWords(), listeningOn);
    else if (!proven) this.set('waiting', `${note}${this.waitingWords()}`, listeningOn);
  }

  /**
   * An event arrived: the path works. `call`: the handle it named, null for an event about
   * calls that names none, undefined for an event about something else.
   */
  eventArrived(call?: string | null, now = Date.now()): void {
    this.lastEventAt = now;
    const key = call === undefined || call === null ? null : pushedHandle(call);
    if (key !== null) {
      this.namesCalls = true;
      this.heardOf.delete(key);
      this.heardOf.set(key, now);
      if (this.heardOf.size > HEARD_MEMORY) {
        const oldest = this.heardOf.keys().next().value;
        if (oldest !== undefined) this.heardOf.delete(oldest);
      }
    } else if (call === null) {
      this.lastUnnamedAt = now;
    }
    if (this.phase === 'off' || this.phase === 'problem') return;
    if (this.phase !== 'working') this.set('working', this.workingWords(), this.listeningOn);
  }

  /**
   * A poll found these calls changed since `since` (when the previous look was sent). Unless
   * events named each of them since then (or do within the grace period), events are not
   * arriving. A phone whose events name no calls is judged by any call event since then.
   */
  changeFound(since: number, handles: readonly string[]): void {
    if (this.phase !== 'working' && this.phase !== 'waiting') return;
    // Only what changed while the phone pointed here needed an event.
    const from = Math.max(since, this.listeningSince);
    if (this.announced(from, handles)) return;
    // Every change waits its own grace: one found while another waits is not forgotten.
    this.unheard.push({ from, handles, due: Date.now() + GRACE_MS });
    if (this.graceTimer === null) this.judgeAt(GRACE_MS);
  }

  /** Judges the changes whose grace is over at `delayMs` from now, and waits for the rest. */
  private judgeAt(delayMs: number): void {
    this.graceTimer = setTimeout(() => {
      this.graceTimer = null;
      const now = Date.now();
      const due = this.unheard.filter((change) => change.due <= now);
      this.unheard = this.unheard.filter((change) => change.due > now);
      const [next] = this.unheard;
      if (next !== undefined) this.judgeAt(next.due - now);
      if (due.every((change) => this.announced(change.from, change.handles))) return;
      if (this.phase !== 'working' && this.phase !== 'waiting') return;
      this.set('not-arriving', this.notArrivingWords(), this.listeningOn);
      this.options.onDistrust();
    }, delayMs);
    this.graceTimer.unref();
  }

  private announced(since: number, handles: readonly string[]): boolean {
    if (!this.namesCalls) return this.lastUnnamedAt >= since;
    return handles.every((handle) => {
      const key = pushedHandle(handle);
      return key !== null && (this.heardOf.get(key) ?? 0) >= since;
    });
  }

  /** Stops the pending check (the session stops). */
  dispose(): void {
    this.cancelGrace();
  }

  private cancelGrace(): void {
    if (this.graceTimer !== null) clearTimeout(this.graceTimer);
    this.graceTimer = null;
    this.unheard = [];
  }

  private set(phase: PushPhase, message: string, listeningOn: string | null): void {
    const changed =
      phase !== this.phase || message !== this.message || listeningOn !== this.listeningOn;
    this.phase = phase;
    this.message = message;
    this.listeningOn = listeningOn;
    if (changed) this.options.onChange(this.status);
  }

  private offWords(): string {
    return `Off: Deskpilot asks the phone about its calls every ${seconds(this.options.idleMs)}.`;
  }

  private waitingWords(): string {
    return 'Waiting for the first event from the phone: lift the handset and put it back, or make or take a call, to check. Until one arrives Deskpilot keeps polling as usual.';
  }

  private workingWords(): string {
    return `Working: the phone tells Deskpilot about calls at once, so Deskpilot checks it only every ${seconds(this.options.idleMs * PUSH_SLOWDOWN)}.`;
  }

  private notArrivingWords(): string {
    const port = /:(\d+)$/.exec(this.listeningOn ?? '')?.[1] ?? 'its';
    return `Not arriving: calls changed on the phone but no event reached ${this.listeningOn ?? 'this computer'}, so Deskpilot polls as usual again. Likely cause: a firewall on this computer blocking incoming connections on port ${port}, or a network between the phone and this computer that does not let them through. Deskpilot trusts events again as soon as one arrives.`;
  }
}
