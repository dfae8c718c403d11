import type { PhoneInfo } from '../../shared/domain';
import { DeskpilotError } from '../ground/deskpilot-error';
import type { DemoPhone } from '../demo/demo-phone';
import type { PhoneManager } from './phone-manager';

/** The name the demo phone gets in the phone list. */
const DEMO_PHONE_NAME = 'Demo phone';

/**
 * Runs the in-process demo phone for the core: starts the simulator once, then adds "Demo phone"
 * with its certificate pinned, or refreshes the stored demo phone (its address, certificate and
 * password change with every start).
 */
export class DemoLifecycle {
  private running: Promise<DemoPhone> | null = null;

  constructor(private readonly manager: PhoneManager) {}

  /** Whether a demo phone is configured (its simulator must run for it to answer). */
  configured(): boolean {
    return this.manager.list().some((phone) => phone.demo);
  }

  /** Makes sure the demo phone runs and is configured; returns it. */
  async ensure(): Promise<PhoneInfo> {
    // Loaded on demand: the simulator (and its certificate tooling) stays out of processes that
    // never run the demo, such as the CLI.
    this.running ??= import('../demo/demo-phone')
      .then(({ startDemoPhone }) => startDemoPhone())
      .catch((error: unknown) => {
        // Let a later request try again rather than keep a failed start forever.
        this.running = null;
        throw error;
      });
    const demo = await this.running;
    const connection = {
      url: demo.url,
      username: demo.username,
      password: demo.password,
      pinnedFingerprint: demo.fingerprint,
    };
    const existing = this.manager.list().find((phone) => phone.demo);
    if (existing !== undefined) return this.manager.update(existing.id, connection);
    return this.manager.add({ name: this.freeName(), demo: true, ...connection });
  }

  /** Has a demo caller ring the demo phone, so Answer, Reject and call waiting can be tried. */
  async ring(): Promise<null> {
    if (this.running === null || !this.configured()) {
      throw new DeskpilotError(
        'not-found',
        'The demo phone is not running: add it in Phones to try an incoming call.',
      );
    }
    await (await this.running).ring();
    return null;
  }

  /** Stops the demo phone's simulator, if it was started. */
  async close(): Promise<void> {
    const running = this.running;
    this.running = null;
    if (running !== null) await (await running).close();
  }

  private freeName(): string {
    const taken = new Set(this.manager.list().map((phone) => phone.name.toLowerCase()));
    let name = DEMO_PHONE_NAME;
    for (let n = 2; taken.has(name.toLowerCase()); n += 1) name = `${DEMO_PHONE_NAME} ${n}`;
    return name;
  }
}
