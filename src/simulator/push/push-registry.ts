import type { SimulatedPhone } from '../phone/phone';
import { PhonePusher } from './phone-pusher';

/**
 * The telephony notifications of every phone of one simulator process. Phones of a process
 * change each other (a call between them), so after anything happens every phone looks at
 * itself; a phone without an event URL returns at once.
 */
export class PushRegistry {
  private readonly pushers: PhonePusher[] = [];
  private closed = false;

  /** Adds a phone listening on `phoneIp`. */
  add(phone: SimulatedPhone, phoneIp: string): void {
    this.pushers.push(new PhonePusher(phone, phoneIp, () => this.changed()));
  }

  /** Something may have changed on any phone: each sends the events for it. */
  changed(now = Date.now()): void {
    if (this.closed) return;
    for (const pusher of this.pushers) pusher.check(now);
  }

  /** Stops every timer and post (the simulator closes). */
  close(): void {
    this.closed = true;
    for (const pusher of this.pushers) pusher.close();
  }
}
