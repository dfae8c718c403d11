/**
 * One phone's log: what Deskpilot noticed about this phone that a user or an administrator may
 * want to know later, above all what the phone answered that could not be read (the endpoint
 * and the raw fragment, so a firmware's new dialect can be taught), logged once per kind however
 * often the phone repeats it, and every setting Deskpilot changed on its own and put back. The
 * log keeps the latest entries only.
 */
import type { PhoneLogEntry } from '../../shared/contract/device';
import type { UnreadableAnswer } from '../vvx/vvx-endpoints';

/** How many entries the log keeps (the oldest go first). */
export const PHONE_LOG_ENTRIES = 200;
/** How many kinds of entry it remembers having logged, so a repeat is not logged again. */
const REMEMBERED_KINDS = 1000;

/** The same thing seen again: digit runs (indexes, counts, times) do not make it new. */
const kindOf = (text: string): string => text.replace(/\d+/g, '#');

/** One phone's log; see the module comment. */
export class PhoneLog {
  private readonly entries: PhoneLogEntry[] = [];
  private readonly logged = new Set<string>();

  /**
   * @param write also receives each new entry about an unreadable answer (the core's log:
   * stderr for the CLI); what the user was told in an error already is not repeated there.
   */
  constructor(private readonly write: (line: string) => void = () => undefined) {}

  /** Logs what Deskpilot changed on the phone or failed to put back, every time (the core's log too). */
  note(text: string): void {
    this.add(text);
    this.write(text);
  }

  private add(text: string): void {
    this.entries.push({ at: Date.now(), text });
    if (this.entries.length > PHONE_LOG_ENTRIES) this.entries.shift();
  }

  /** Logs `text` unless an entry of the same `kind` was logged before; true if it was new. */
  private once(kind: string, text: string): boolean {
    if (this.logged.has(kind)) return false;
    this.logged.add(kind);
    if (this.logged.size > REMEMBERED_KINDS) {
      const oldest = this.logged.values().next().value;
      if (oldest !== undefined) this.logged.delete(oldest);
    }
    this.add(text);
    return true;
  }

  /** Logs an answer the readers could not read, once per endpoint, field and form. */
  unreadable({ endpoint, field, fragment }: UnreadableAnswer): void {
    const text = `The phone's answer to ${endpoint} held something Deskpilot cannot read, at ${field}: ${fragment}. It was left out or read as empty.`;
    if (this.once(`unreadable|${endpoint}|${kindOf(field)}|${kindOf(fragment)}`, text)) {
      this.write(text);
    }
  }

  /** Logs, once per path, that the phone lacks an endpoint (`words` say what that means). */
  missing(path: string, words: string): void {
    this.once(`missing|${path.toLowerCase()}`, `${words} (HTTP 404 for ${path})`);
  }

  /** The entries, oldest first. */
  list(): PhoneLogEntry[] {
    return [...this.entries];
  }
}
