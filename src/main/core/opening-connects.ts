import type { PhoneSession } from '../session/phone-session';

/**
 * How many phones connect at once when the app opens: each further phone starts once an earlier
 * one has had its first answer (or failed). A thousand phones connecting in the same instant meant
 * a thousand TLS handshakes at once, which outlasted the connect timeout and left most phones
 * "unreachable" until their retry came round.
 */
export const OPENING_CONNECTS = 32;

/**
 * Starts the configured phones' sessions when the app opens, `limit` waiting for a first answer
 * at a time, in order. The first `limit` start before `run` returns.
 */
export class OpeningConnects {
  /** Phones whose first answer is awaited, and how to stop waiting for it. */
  private readonly waiting = new Map<string, () => void>();
  private closed = false;

  /** `start`: starts a phone's session, or answers null when it runs already or is gone. */
  constructor(
    private readonly start: (phoneId: string) => PhoneSession | null,
    private readonly limit = OPENING_CONNECTS,
  ) {}

  /** Connects every phone of `phoneIds` in turn; answers when the last has started. */
  async run(phoneIds: readonly string[]): Promise<void> {
    // One iterator shared by every worker: each takes the next phone in turn.
    const queue = phoneIds.values();
    const worker = async (): Promise<void> => {
      for (const phoneId of queue) await this.connect(phoneId);
    };
    await Promise.all(Array.from({ length: Math.min(this.limit, phoneIds.length) }, worker));
  }

  /** The phone's session stopped: its turn is over. */
  stopped(phoneId: string): void {
    this.waiting.get(phoneId)?.();
  }

  /** Starts no further session and ends every wait. */
  close(): void {
    this.closed = true;
    for (const settle of [...this.waiting.values()]) settle();
  }

  /** Starts one session and answers once its first status is known. Never rejects. */
  private connect(phoneId: string): Promise<void> {
    const session = this.closed ? null : this.start(phoneId);
    if (session === null || session.snapshot().status.health !== 'connecting') {
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const settle = (): void => {
        unsubscribe();
        this.waiting.delete(phoneId);
        resolve();
      };
      const unsubscribe = session.on((event) => {
        if (event.type === 'phone-status' && event.status.health !== 'connecting') settle();
      });
      this.waiting.set(phoneId, settle);
    });
  }
}
