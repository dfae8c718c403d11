/** The phone's call lists (placed, received, missed), newest first, as callLogs returns them. */
export type CallLogKind = 'missed' | 'received' | 'placed';

export interface CallLogRecord {
  line: number;
  startedAt: number;
  remoteName: string;
  remoteNumber: string;
  /** How the number was dialled or offered (SIP/TEL/H323): decides how a real phone prints it. */
  dialType: string;
  /** Whether the call was ever connected (a missed or unanswered call has no duration). */
  connected: boolean;
  durationSeconds: number;
}

/** How many entries each list keeps, like the phone's bounded call lists. */
const LIMIT = 100;

/** The three bounded call lists of one phone. */
export class CallLogs {
  private readonly lists: Record<CallLogKind, CallLogRecord[]> = {
    missed: [],
    received: [],
    placed: [],
  };

  /** Records a finished call at the head of its list. */
  add(kind: CallLogKind, record: CallLogRecord): void {
    const list = this.lists[kind];
    list.unshift(record);
    if (list.length > LIMIT) list.length = LIMIT;
  }

  /** The entries of one list, newest first. */
  list(kind: CallLogKind): readonly CallLogRecord[] {
    return this.lists[kind];
  }

  /** Empties every list (factory reset, simulator reset). */
  clear(): void {
    for (const list of Object.values(this.lists)) list.length = 0;
  }
}

/** `2026-11-27T21:45:07`: the phone's local-time format without zone, as the reference shows. */
export function phoneTimestamp(epochMs: number): string {
  const d = new Date(epochMs);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}` +
    `T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
  );
}
