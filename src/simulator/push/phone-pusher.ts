import type { SimulatedPhone } from '../phone/phone';
import { PushSender } from './push-sender';
import { EVENT_FLAGS, eventsBetween, RegisteredLines, viewOf, type PhoneView } from './push-watch';
import { renderEvent } from './push-xml';

const URL_NAME = 'apps.telNotification.URL';
const SLOT_URL = /^apps\.telNotification\.\d+\.URL$/;

/** Where the phone's events go and which it sends, as its configuration says. */
interface Targets {
  urls: string[];
  flags: Set<string>;
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * One phone's telephony notifications: what changed since the last look becomes events, posted
 * to `apps.telNotification.URL` (and any indexed `.x.URL`) for each switch that is on. A phone
 * without a URL costs nothing; one with a URL wakes itself when the far end's next step is due
 * or a reboot ends, so its events go out on time even when nobody asks it anything.
 */
export class PhonePusher {
  private readonly sender: PushSender;
  private view: PhoneView | null = null;
  private configVersion = -1;
  private targets: Targets = { urls: [], flags: new Set() };
  private timer: NodeJS.Timeout | null = null;
  private readonly lines = new RegisteredLines();

  /** `phoneIp`: the address the phone listens on (its `PhoneIP`); `wake`: look at every phone now. */
  constructor(
    private readonly phone: SimulatedPhone,
    private readonly phoneIp: string,
    private readonly wake: () => void,
  ) {
    this.sender = new PushSender(phone);
  }

  /** Sends the events for what changed since the last look. */
  check(now: number): void {
    const targets = this.currentTargets();
    if (targets.urls.length === 0) {
      this.view = null;
      this.clearTimer();
      return;
    }
    this.phone.settle(now);
    const view = viewOf(this.phone, now, this.lines);
    // Switched on just now: what is there already is no event.
    const events = this.view === null ? [] : eventsBetween(this.view, view);
    this.view = view;
    for (const event of events) {
      if (!targets.flags.has(EVENT_FLAGS[event.name])) continue;
      const xml = renderEvent(this.phone, this.phoneIp, event, now);
      for (const url of targets.urls) this.sender.send(url, xml, event.name);
    }
    this.scheduleWake(now);
  }

  /** Stops every timer and post. */
  close(): void {
    this.clearTimer();
    this.sender.close();
  }

  private currentTargets(): Targets {
    const { config } = this.phone;
    if (config.version === this.configVersion) return this.targets;
    this.configVersion = config.version;
    const names = [URL_NAME, ...config.setNames(SLOT_URL)];
    const urls = names.map((name) => config.get(name).trim()).filter(isHttpUrl);
    const flags = new Set(
      Object.values(EVENT_FLAGS).filter((flag) => config.enabled(`apps.telNotification.${flag}`)),
    );
    this.targets = { urls: [...new Set(urls)], flags };
    return this.targets;
  }

  private scheduleWake(now: number): void {
    const { phone } = this;
    const times = [
      phone.calls.nextStepAt(),
      phone.unreachable(now) ? phone.unreachableUntil : null,
    ];
    const next = Math.min(...times.map((time) => time ?? Infinity));
    this.clearTimer();
    if (next === Infinity) return;
    this.timer = setTimeout(
      () => {
        this.timer = null;
        this.wake();
      },
      Math.max(0, next - now) + 1,
    );
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
