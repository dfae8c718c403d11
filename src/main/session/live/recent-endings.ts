/**
 * How the calls Deskpilot saw end ended, kept so the phone's call logs (which never say) can be
 * shown with the reason: a placed call to a busy number reads "Busy" in History, not "Placed".
 * Kept in memory, bounded, per phone.
 */
import type { CallLogEntry, CallOutcome } from '../../../shared/domain';

const LIMIT = 200;
/** How far a log's start time may be from when a feed first saw the call (polls lag). */
const MATCH_WINDOW_MS = 15_000;

interface Ending {
  remoteNumber: string;
  line: number;
  startedAt: number;
  outcome: CallOutcome;
}

/** The digits (or SIP user) of a number, for matching the same number written differently. */
function comparable(number: string): string {
  const user = number.replace(/^(sips?:|tel:)/i, '').split('@')[0] ?? '';
  const digits = user.replace(/\D/g, '');
  return digits === '' ? user.toLowerCase() : digits;
}

/** The phone's local-time stamp (`2026-11-27T21:45:07`, no zone) as epoch ms; NaN if unreadable. */
function logStart(entry: CallLogEntry): number {
  return new Date(entry.startTime).getTime();
}

/** The recent endings of one phone's calls; see the module comment. */
export class RecentEndings {
  private readonly endings: Ending[] = [];

  /** Remembers how a call that started at `startedAt` ended. */
  record(ending: Ending): void {
    this.endings.unshift(ending);
    if (this.endings.length > LIMIT) this.endings.length = LIMIT;
  }

  /** The entries with the outcome of the call each one logs, where it was seen to end. */
  annotate(entries: readonly CallLogEntry[]): CallLogEntry[] {
    const used = new Set<Ending>();
    return entries.map((entry) => {
      const start = logStart(entry);
      const number = comparable(entry.remoteNumber);
      const match = this.endings.find(
        (ending) =>
          !used.has(ending) &&
          ending.line === entry.line &&
          comparable(ending.remoteNumber) === number &&
          Math.abs(ending.startedAt - start) <= MATCH_WINDOW_MS,
      );
      if (match === undefined) return entry;
      used.add(match);
      return { ...entry, outcome: match.outcome };
    });
  }
}
