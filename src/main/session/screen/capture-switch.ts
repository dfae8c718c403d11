/**
 * Turning a phone's screen capture on for as long as someone views it, and back to what it was.
 *
 * Capture needs the admin's switch `up.screenCapture.enabled` and the phone user's own Screen
 * Capture setting, which a VVX from UC Software 5.7 takes from afar as `up.screenCapture.value`
 * and the Trio/CCX family as `up.screenCapture.allowed`; firmware without that name needs the
 * person at the phone to switch the setting. Deskpilot sets only what is off, only when the user
 * asks, after recording the values it replaces (the ledger: a file the core keeps, so a crash
 * cannot leave the phone changed), and sets those values back — not 0, which is what other tools
 * write — when the last viewer closes or stops answering, when the session stops (the app quits,
 * the phone is removed or edited), or when a later run finds the record.
 */
import type { CaptureChange, CaptureOffer } from '../../../shared/contract/screen';
import { PhoneError, toPhoneError } from '../../vvx/phone-error';
import type { QueuePriority } from '../../vvx/request-queue';
import type { PhoneLink } from '../phone-link';
import { captureFamily } from '../screen-facts';

export const CAPTURE_ENABLED = 'up.screenCapture.enabled';
const CAPTURE_VALUE = 'up.screenCapture.value';
const CAPTURE_ALLOWED = 'up.screenCapture.allowed';
const WEB_SERVER = 'httpd.enabled';

const LABELS: Record<string, string> = {
  [CAPTURE_ENABLED]: 'Screen capture (the administrator’s switch)',
  [CAPTURE_VALUE]: 'The phone user’s Screen Capture setting, switched from afar',
  [CAPTURE_ALLOWED]: 'Screen capture allowed for the phone user, switched from afar',
};

/** What the person at the phone presses (vendor's and public tools' wording of the menu). */
export const AT_THE_PHONE =
  'At the phone, press Home (the house key), then Settings → Basic → Preferences → Screen Capture, and choose Enabled. The phone forgets this setting whenever it restarts.';

/** A viewer that has not been heard of for this long is taken as closed (a hidden window still says so every half minute). */
export const VIEWER_LEASE_MS = 3 * 60_000;

/** How long a failed restore waits before it is tried again. */
const RETRY_MS = 30_000;

/** Where a session records what it changed, so that it is put back even after a crash. */
export interface CaptureLedger {
  /** What an earlier run recorded and did not put back, or null. */
  pending(): Record<string, string> | null;
  /** Before Deskpilot changes the phone: the values to put back. */
  record(values: Record<string, string>): void;
  /** Everything was put back. */
  clear(): void;
}

/** A ledger that keeps nothing (the CLI and tests, which never open a viewer). */
export const NO_LEDGER: CaptureLedger = {
  pending: () => null,
  record: () => undefined,
  clear: () => undefined,
};

/** The capture switches of one phone; see the module comment. */
export class CaptureSwitch {
  /** The values to put back, while Deskpilot has the capture on. */
  private restoreValues: Record<string, string> | null = null;
  private changedValues: CaptureChange[] = [];
  private readonly viewers = new Map<string, number>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private restoring: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly link: PhoneLink,
    private readonly ledger: CaptureLedger,
  ) {
    const left = ledger.pending();
    if (left !== null && Object.keys(left).length > 0) {
      this.restoreValues = { ...left };
      this.changedValues = Object.entries(left).map(([name, from]) => change(name, from));
    }
  }

  /** What Deskpilot set for the current viewing (empty when it changed nothing). */
  get changed(): CaptureChange[] {
    return this.changedValues;
  }

  /** Whether values wait to be put back. */
  get pending(): boolean {
    return this.restoreValues !== null;
  }

  /** A viewer is open (it read, asked to keep, or turned the capture on). */
  hold(viewer: string): void {
    this.viewers.set(viewer, Date.now() + VIEWER_LEASE_MS);
    this.schedule();
  }

  /** A viewer closed; the last one to go has what Deskpilot changed put back. */
  async release(viewer: string): Promise<void> {
    this.viewers.delete(viewer);
    if (this.viewers.size === 0) await this.restore();
  }

  /**
   * What turning the capture on would take, read from the phone (one config read, at the
   * screen's priority while the view merely shows it, ahead of it when the user asked).
   */
  async offer(reason: string, priority: QueuePriority): Promise<CaptureOffer> {
    const { link } = this;
    if (link.live.access === 'user') {
      return {
        reason,
        changes: [],
        atThePhone: null,
        blocked:
          'Turning it on needs the phone’s admin password; the account set up for this phone is a user-level one.',
      };
    }
    const remote = remoteSwitch(link.live.status.model ?? '');
    const values = await link.admin(() =>
      link.read(
        () => link.client.getConfig([CAPTURE_ENABLED, remote, WEB_SERVER]),
        'capture-settings',
        priority,
      ),
    );
    if (values[WEB_SERVER]?.value.trim() === '0') {
      return {
        reason,
        changes: [],
        atThePhone: null,
        blocked: `The phone’s web server is off (${WEB_SERVER} is 0), and the screen capture is part of it. Deskpilot leaves that setting to you.`,
      };
    }
    const changes: CaptureChange[] = [];
    const enabled = values[CAPTURE_ENABLED]?.value.trim() ?? '0';
    if (enabled !== '1') changes.push(change(CAPTURE_ENABLED, enabled));
    const user = values[remote];
    // A firmware that does not know the remote switch (a VVX before 5.7) needs the person.
    if (user !== null && user !== undefined && user.value.trim() !== '1') {
      changes.push(change(remote, user.value.trim()));
    }
    const needsPerson = user === null || user === undefined || changes.length === 0;
    return { reason, changes, atThePhone: needsPerson ? AT_THE_PHONE : null, blocked: null };
  }

  /**
   * Turns the capture on for the viewers: reads what is off, records the values it replaces,
   * then sets them in one request. Returns what the person at the phone must still do, if
   * anything.
   */
  async enable(viewer: string): Promise<string | null> {
    this.hold(viewer);
    const offer = await this.offer('', 'interactive');
    if (offer.blocked !== null) throw new PhoneError('insufficient-access', offer.blocked);
    if (offer.changes.length === 0) return offer.atThePhone;
    const previous = Object.fromEntries(offer.changes.map((c) => [c.name, c.from]));
    const wanted = Object.fromEntries(offer.changes.map((c) => [c.name, c.to]));
    // Recorded first: whatever happens next, the old values are known to a later run.
    this.restoreValues = { ...this.restoreValues, ...previous };
    this.changedValues = [
      ...this.changedValues.filter((c) => !(c.name in previous)),
      ...offer.changes,
    ];
    this.ledger.record(this.restoreValues);
    const { link } = this;
    try {
      const { unknown } = await link.admin(async () => {
        let skipped: { unknown: string[] } = { unknown: [] };
        await link.action(async () => {
          skipped = await link.client.setConfig(wanted);
        }, false);
        return skipped;
      });
      if (unknown.length > 0) this.forgetValues(unknown);
      link.log.note(`Turned the screen capture on for viewing: ${describe(this.changedValues)}.`);
    } catch (error) {
      // Refused outright: nothing changed. Unknown outcome: keep the record to put back.
      if (toPhoneError(error).code !== 'outcome-unknown') this.forgetValues(Object.keys(wanted));
      throw error;
    }
    return offer.atThePhone;
  }

  /**
   * Puts back what Deskpilot changed, unless a viewer still holds it (`force`: the session is
   * stopping). A failure keeps the record, to be tried again (`retry`), and is thrown.
   */
  async restore(force = false): Promise<void> {
    if (this.restoreValues === null || (!force && this.viewers.size > 0)) return;
    this.restoring ??= this.putBack().finally(() => {
      this.restoring = null;
    });
    return this.restoring;
  }

  /**
   * Puts back what is waiting (an earlier run's record, or a restore that failed) while no
   * viewer holds it, trying again every half minute until it is done or the session stops.
   */
  retry(): void {
    if (this.restoreValues === null || this.viewers.size > 0 || this.stopped) return;
    this.restore().catch(() => {
      if (this.stopped) return;
      this.timer = setTimeout(() => {
        this.timer = null;
        this.retry();
      }, RETRY_MS);
      this.timer.unref?.();
    });
  }

  /**
   * The session stops (the app quits, the phone is removed or edited): puts the values back
   * whatever viewers remain; a failure keeps the record for the next run.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.viewers.clear();
    await this.restore(true).catch(() => undefined);
  }

  private async putBack(): Promise<void> {
    const values = this.restoreValues;
    if (values === null) return;
    const { link } = this;
    try {
      await link.admin(() =>
        link.action(async () => {
          await link.client.setConfig(values);
        }, false),
      );
    } catch (error) {
      const problem = toPhoneError(error);
      link.log.note(
        `Could not put back the screen capture settings (${describe(this.changedValues, true)}), and will try again: ${problem.message}`,
      );
      throw problem;
    }
    link.log.note(`Put the screen capture settings back: ${describe(this.changedValues, true)}.`);
    this.restoreValues = null;
    this.changedValues = [];
    this.ledger.clear();
  }

  private forgetValues(names: readonly string[]): void {
    if (this.restoreValues === null) return;
    const rest = Object.entries(this.restoreValues).filter(([name]) => !names.includes(name));
    this.changedValues = this.changedValues.filter((c) => !names.includes(c.name));
    this.restoreValues = rest.length === 0 ? null : Object.fromEntries(rest);
    if (this.restoreValues === null) this.ledger.clear();
    else this.ledger.record(this.restoreValues);
  }

  /** Drops viewers not heard of within their lease; the last one gone puts the values back. */
  private schedule(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (this.viewers.size === 0) return;
    const next = Math.min(...this.viewers.values());
    this.timer = setTimeout(
      () => {
        this.timer = null;
        const now = Date.now();
        for (const [viewer, until] of this.viewers) if (until <= now) this.viewers.delete(viewer);
        if (this.viewers.size === 0) this.retry();
        else this.schedule();
      },
      Math.max(0, next - Date.now()),
    );
    this.timer.unref?.();
  }
}

/** The name that switches the user's setting from afar on this model's family. */
function remoteSwitch(model: string): string {
  return captureFamily(model) === 'vvx' ? CAPTURE_VALUE : CAPTURE_ALLOWED;
}

/** Changes in words: "up.screenCapture.enabled 0 → 1", or back ("… 1 → 0"). */
function describe(changes: readonly CaptureChange[], back = false): string {
  return changes
    .map(({ name, from, to }) => `${name} ${back ? to : from} → ${back ? from : to}`)
    .join(', ');
}

function change(name: string, from: string): CaptureChange {
  return { name, label: LABELS[name] ?? name, from, to: '1' };
}
