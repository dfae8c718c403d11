/**
 * Why a call ended, read where the phone shows it: the REST API lists an ended call as
 * `Disconnected` for a moment and never says why, while the phone's screen (uixml) shows the
 * reason beside the call ("Busy", "Number not found"). Read once per ended call, at a user's
 * pace; no element names are relied on (no real sample exists), only the words on screen. With a
 * user-level account, or where the screen cannot be read, the call's course says what it can.
 */
import type { Call, CallOutcome } from '../../shared/domain';
import type { PhoneLink } from './phone-link';

/** Words a phone shows for an ended call, and what each means; the first that matches wins. */
const REASON_WORDS: readonly (readonly [RegExp, CallOutcome])[] = [
  [/\bbusy\b/i, 'busy'],
  [/not found|unknown number|invalid number|does not exist/i, 'not-found'],
  [/\bdeclined?\b|\brejected?\b/i, 'declined'],
  [/no answer|not answered|timed? ?out/i, 'no-answer'],
  [/far end|other (side|party)|remote (party )?hung up|ended by/i, 'ended-by-other-side'],
];

/** The texts of a screen: element texts and attribute values, each a separate chunk. */
function screenTexts(xml: string): string[] {
  const attributes = [...xml.matchAll(/="([^"]*)"/g)].map((match) => match[1] ?? '');
  const texts = xml.split(/<[^>]*>/);
  return [...attributes, ...texts].map((text) => text.trim()).filter((text) => text !== '');
}

/** The digits of a number, or its SIP user part. */
function numberKey(number: string): string {
  const user = number.replace(/^(sips?:|tel:)/i, '').split('@')[0] ?? '';
  return user.replace(/\D/g, '') || user;
}

/**
 * The outcome the screen shows for `call`: words in a text that names the call's number, or
 * (when it is the only ended call) anywhere on the screen. Null when the screen says nothing.
 */
export function reasonOnScreen(xml: string, call: Call, onlyEnded: boolean): CallOutcome | null {
  const texts = screenTexts(xml);
  const key = numberKey(call.remoteNumber);
  const near = key === '' ? [] : texts.filter((text) => text.includes(key));
  for (const candidates of onlyEnded ? [near, texts] : [near]) {
    for (const [words, outcome] of REASON_WORDS) {
      if (candidates.some((text) => words.test(text))) return outcome;
    }
  }
  return null;
}

/** Reads the reason of each call the phone shows ended, once; see the module comment. */
export class EndReasons {
  private readonly asked = new Set<string>();

  constructor(
    private readonly link: PhoneLink,
    private readonly report: (call: Call, outcome: CallOutcome) => void,
  ) {}

  /** Looks at the current calls: an ended call not yet explained has its reason read. */
  look(calls: readonly Call[]): void {
    for (const handle of this.asked) {
      if (!calls.some((call) => call.handle === handle)) this.asked.delete(handle);
    }
    if (this.link.live.access === 'user') return;
    const ended = calls.filter((call) => call.state === 'Disconnected');
    const unexplained = ended.filter(
      (call) => call.outcome === undefined && !this.asked.has(call.handle),
    );
    if (unexplained.length === 0) return;
    for (const call of unexplained) this.asked.add(call.handle);
    void this.read(unexplained, ended.length === 1);
  }

  private async read(calls: readonly Call[], onlyEnded: boolean): Promise<void> {
    let xml: string;
    try {
      xml = await this.link.read(() => this.link.client.uixml(), 'uixml');
    } catch {
      // No screen to read (older firmware, a busy phone): the call's course will have to do.
      return;
    }
    for (const call of calls) {
      const outcome = reasonOnScreen(xml, call, onlyEnded);
      if (outcome !== null) this.report(call, outcome);
    }
  }
}
