/**
 * Instant call events for every configured phone: one receiver for the process (started when a
 * phone needs it, on the port of the settings), the secret of each phone's event URL, and the
 * phone's own values Deskpilot changed — stored before the phone is changed and dropped only
 * once they are back, so turning the feature off, removing the phone, or a crash in between
 * always ends with the phone as it was (when it answers again, for a phone that was away).
 */
import { randomBytes } from 'node:crypto';

import type { PushPlan } from '../../shared/contract/push';
import type { PushStatus } from '../../shared/domain';
import type { AppSettings } from '../../shared/settings';
import { DeskpilotError } from '../ground/deskpilot-error';
import { PushReceiver } from '../push/push-receiver';
import type { PushInbox } from '../session/push/push-feed';
import type { PushSubscription } from '../session/push/push-control';
import { PhoneSession } from '../session/phone-session';
import type { SecretStore } from '../settings/secret-store';
import type { PendingRestore, StoredPhone, StoredPush } from '../settings/settings-schema';
import type { SettingsStore } from '../settings/settings-store';
import { toPhoneError } from '../vvx/phone-error';
import type { PhoneManager, SessionHooks } from './phone-manager';

/** How often removed phones that did not answer are tried again. */
const RESTORE_RETRY_MS = 10 * 60_000;

export interface PushServiceOptions {
  settings: SettingsStore;
  secrets: SecretStore;
  /** The port to listen on instead of the settings' (tests: 0, any free port). */
  port?: number;
  /** Take a free port when the port is taken (the app); the CLI refuses instead. */
  fallback: boolean;
  log: (line: string) => void;
}

function restoreKey(phoneId: string): string {
  return `push-restore:${phoneId}`;
}

function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Instant call events of every phone; see the module comment. */
export class PushService implements SessionHooks {
  private receiver: PushReceiver | null = null;
  /** The port the receiver was asked for (the settings' when it started). */
  private receiverPort = 0;
  private manager: PhoneManager | null = null;
  private readonly followed = new Map<string, PhoneSession>();
  private readonly restoring = new Set<string>();
  /** Per phone, the unsubscribe of the watch that stores the first event's proof. */
  private readonly proofWatches = new Map<string, () => void>();
  private retryTimer: NodeJS.Timeout | null = null;
  private closed = false;
  /** The stored password of a restored phone being deleted: no write may outlive close(). */
  private forgetting: Promise<void> = Promise.resolve();

  constructor(private readonly options: PushServiceOptions) {}

  /** Hands over the phones (the manager is made after the hooks it calls). */
  bind(manager: PhoneManager): void {
    this.manager = manager;
  }

  /** Where sessions receive events: the receiver, started on first use. */
  private get inbox(): PushInbox {
    if (this.receiver === null) {
      this.receiverPort = this.options.port ?? this.options.settings.appSettings().pushPort;
      this.receiver = new PushReceiver({
        port: this.receiverPort,
        fallback: this.options.fallback,
        log: this.options.log,
      });
    }
    return this.receiver;
  }

  // ---- the session hooks ----------------------------------------------------------------------

  started(phone: StoredPhone, session: PhoneSession): void {
    const { push } = phone;
    if (push === undefined) return;
    if (push.state === 'on') this.follow(phone, session, push);
    else void this.restoreOnPhone(phone.id, session, push);
  }

  async removing(phone: StoredPhone, password: string | null, session: PhoneSession) {
    const { push } = phone;
    if (push === undefined) return;
    this.unfollow(phone.id, session);
    try {
      if (await session.push.restore(push.previous, push.token)) return;
      this.options.log(
        `Deskpilot: ${phone.name}'s event address had been changed by someone else; it was left as it is.`,
      );
    } catch {
      // Kept to do later: the phone goes from the list now, its previous values come back later.
      await this.options.secrets.set(restoreKey(phone.id), password ?? '');
      const { settings } = this.options;
      const { id, name, url, username, pinnedFingerprint } = phone;
      const { token, previous } = push;
      settings.savePushRestores([
        ...settings.pushRestores().filter((entry) => entry.id !== id),
        { id, name, url, username, pinnedFingerprint, token, previous },
      ]);
      this.scheduleRetry();
    }
  }

  // ---- the contract's verbs -------------------------------------------------------------------

  /** What turning events on would change on the phone; changes nothing. */
  async plan(phoneId: string): Promise<PushPlan> {
    const { session, phone } = this.configured(phoneId);
    const prepared = await session.push.prepare(this.subscription(phone, false));
    return prepared.plan;
  }

  /** Points the phone at this computer (its previous values stored first) and follows it. */
  async enable(phoneId: string): Promise<PushStatus> {
    const { session, phone } = this.configured(phoneId);
    const subscription = this.subscription(phone, false);
    const prepared = await session.push.prepare(subscription);
    // The oldest previous values win: turning on again never takes Deskpilot's own as the phone's.
    const previous = { ...prepared.values.current, ...phone.push?.previous };
    this.save(phoneId, { token: subscription.token, state: 'on', previous, proven: false });
    try {
      await session.push.turnOn(prepared, subscription);
      this.followed.set(phoneId, session);
      this.rememberProof(phoneId, session);
      await session.push.checked();
    } catch (error) {
      const problem = toPhoneError(error);
      // Whatever the phone did take is put back before saying why it failed.
      await this.putBack(phoneId, session).catch(() => undefined);
      session.push.problem(`Could not turn instant call events on: ${problem.message}`);
      throw problem;
    }
    return session.push.status();
  }

  /** Stops following the phone and puts its previous values back (later, if it is away). */
  async disable(phoneId: string): Promise<PushStatus> {
    const { session, phone } = this.configured(phoneId);
    if (phone.push === undefined) {
      session.push.stopFollowing();
      return session.push.status();
    }
    this.save(phoneId, { ...phone.push, state: 'restoring' });
    this.unfollow(phoneId, session);
    await this.restoreOnPhone(phoneId, session, { ...phone.push, state: 'restoring' });
    this.closeIdleReceiver();
    return session.push.status();
  }

  /** How events stand, once the session has checked where the phone points. */
  async status(phoneId: string): Promise<PushStatus> {
    const { session } = this.configured(phoneId);
    await session.push.checked();
    return session.push.status();
  }

  // ---- app-wide -------------------------------------------------------------------------------

  /** The listening port changed: every followed phone is pointed at the new one. */
  settingsChanged(next: AppSettings): void {
    const old = this.receiver;
    if (this.options.port !== undefined || old === null || next.pushPort === this.receiverPort) {
      return;
    }
    this.receiver = null;
    for (const [phoneId, session] of this.followed) {
      const phone = this.manager?.stored(phoneId);
      if (phone?.push?.state === 'on') this.follow(phone, session, phone.push);
    }
    void old.close();
  }

  /** Tries the removed phones whose previous values are not back yet, now and every 10 minutes. */
  async restoreRemoved(): Promise<void> {
    const { settings, secrets } = this.options;
    for (const pending of settings.pushRestores()) {
      if (this.closed) return;
      const password = (await secrets.get(restoreKey(pending.id))) ?? '';
      const outcome = await restoreRemovedPhone(pending, password);
      // Closed meanwhile (the app quits): the settings are no longer this run's to write; the
      // next start tries again, and putting the same values back twice is harmless.
      if (this.closed) return;
      if (outcome === 'later') continue;
      if (outcome === 'never') {
        this.options.log(
          `Deskpilot: the previous event settings of the removed phone ${pending.name} cannot be put back (the phone refuses the stored password); set apps.telNotification.URL on it by hand.`,
        );
      }
      settings.savePushRestores(settings.pushRestores().filter((p) => p.id !== pending.id));
      this.forgetting = secrets.delete(restoreKey(pending.id));
      await this.forgetting;
    }
    if (!this.closed && settings.pushRestores().length > 0) this.scheduleRetry();
  }

  /** Stops listening and retrying (the sessions are stopped by the manager). */
  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    await this.forgetting;
    await this.receiver?.close();
    this.receiver = null;
  }

  // ---- inside ---------------------------------------------------------------------------------

  private configured(phoneId: string): { session: PhoneSession; phone: StoredPhone } {
    const manager = this.phones();
    if (manager.isTransient(phoneId)) {
      throw new DeskpilotError(
        'not-supported',
        'Instant call events need a phone kept in the settings (add it with "phones add").',
      );
    }
    return { session: manager.session(phoneId), phone: manager.stored(phoneId) };
  }

  private phones(): PhoneManager {
    if (this.manager === null) throw new DeskpilotError('internal', 'The phones are not ready.');
    return this.manager;
  }

  private subscription(phone: StoredPhone, proven: boolean): PushSubscription {
    return { inbox: this.inbox, token: phone.push?.token ?? newToken(), proven };
  }

  private save(phoneId: string, push: StoredPush | undefined): void {
    this.phones().savePush(phoneId, push);
  }

  private follow(phone: StoredPhone, session: PhoneSession, push: StoredPush): void {
    session.push.follow(this.subscription({ ...phone, push }, push.proven));
    this.followed.set(phone.id, session);
    if (!push.proven) this.rememberProof(phone.id, session);
  }

  /** Stores that the path works once the first event arrived, so the next start trusts it. */
  private rememberProof(phoneId: string, session: PhoneSession): void {
    this.proofWatches.get(phoneId)?.();
    const off = session.push.onStatus((status) => {
      if (status.phase !== 'working') return;
      off();
      this.proofWatches.delete(phoneId);
      const push = this.manager?.stored(phoneId).push;
      if (push?.state === 'on' && !push.proven) this.save(phoneId, { ...push, proven: true });
    });
    this.proofWatches.set(phoneId, off);
  }

  private unfollow(phoneId: string, session: PhoneSession): void {
    this.followed.delete(phoneId);
    session.push.stopFollowing("Off: putting the phone's previous settings back…");
  }

  /** Puts the stored previous values back now; until it works, again whenever the phone answers. */
  private async restoreOnPhone(phoneId: string, session: PhoneSession, push: StoredPush) {
    if (this.restoring.has(phoneId)) return;
    this.restoring.add(phoneId);
    try {
      const untouched = await session.push.restore(push.previous, push.token);
      this.save(phoneId, undefined);
      session.push.stopFollowing(
        untouched
          ? undefined
          : "Off. The phone's event address had been changed by someone else since; Deskpilot left it as it is.",
      );
    } catch (error) {
      session.push.stopFollowing(
        `Off, but the phone's previous settings could not be put back yet (${toPhoneError(error).message}). Deskpilot puts them back when the phone answers again.`,
      );
      const off = session.on((event) => {
        if (event.type !== 'phone-status' || event.status.health !== 'online') return;
        off();
        const stored = this.manager?.stored(phoneId).push;
        if (stored?.state === 'restoring') void this.restoreOnPhone(phoneId, session, stored);
      });
    } finally {
      this.restoring.delete(phoneId);
    }
  }

  /** After a failed turn-on: the phone's previous values back, nothing kept. */
  private async putBack(phoneId: string, session: PhoneSession): Promise<void> {
    const push = this.phones().stored(phoneId).push;
    session.push.stopFollowing();
    this.followed.delete(phoneId);
    if (push === undefined) return;
    // Deskpilot itself just changed these: they go back wherever the phone now points.
    await session.push.restore(push.previous, push.token, { whereverPointing: true });
    this.save(phoneId, undefined);
  }

  private closeIdleReceiver(): void {
    if (this.receiver !== null && this.receiver.openPaths === 0) {
      void this.receiver.close();
      this.receiver = null;
    }
  }

  private scheduleRetry(): void {
    if (this.closed || this.retryTimer !== null) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.restoreRemoved();
    }, RESTORE_RETRY_MS);
    this.retryTimer.unref();
  }
}

/**
 * Connects once to a removed phone to put its previous values back: 'done', 'later' (it did not
 * answer), or 'never' (it refuses the stored password or no longer has the API).
 */
async function restoreRemovedPhone(
  pending: PendingRestore,
  password: string,
): Promise<'done' | 'later' | 'never'> {
  const session = new PhoneSession({
    phoneId: pending.id,
    url: pending.url,
    username: pending.username,
    password,
    pinnedFingerprint: pending.pinnedFingerprint,
    pollIntervalIdleMs: 3000,
    pollIntervalActiveMs: 1000,
  });
  try {
    await session.push.restore(pending.previous, pending.token);
    return 'done';
  } catch (error) {
    const { code } = toPhoneError(error);
    const hopeless = ['wrong-credentials', 'insufficient-access', 'api-disabled', 'not-supported'];
    return hopeless.includes(code) ? 'never' : 'later';
  } finally {
    await session.stop();
  }
}
