import { randomUUID } from 'node:crypto';

import {
  connectingStatus,
  type PhoneEvent,
  type PhoneInfo,
  type PhoneSnapshot,
  type PushStatus,
} from '../../shared/domain';
import { PhoneSession } from '../session/phone-session';
import type { CaptureLedger } from '../session/screen/capture-switch';
import type { SecretStore } from '../settings/secret-store';
import {
  DEFAULT_POLL_INTERVAL_ACTIVE_MS,
  DEFAULT_POLL_INTERVAL_IDLE_MS,
  type StoredPhone,
  type StoredPush,
} from '../settings/settings-schema';
import type { SettingsStore } from '../settings/settings-store';
import { DeskpilotError } from '../ground/deskpilot-error';
import { OpeningConnects } from './opening-connects';

/** What it takes to add a phone; the password goes to the SecretStore, never to settings. */
export interface NewPhone {
  name: string;
  url: string;
  username: string;
  password: string;
  pinnedFingerprint: string | null;
  demo?: boolean;
  group?: string | null;
}

/** Editable fields of a configured phone. */
export interface PhonePatch {
  name?: string;
  url?: string;
  username?: string;
  password?: string;
  pinnedFingerprint?: string | null;
  pollIntervalIdleMs?: number;
  pollIntervalActiveMs?: number;
  /** null takes the phone out of its group. */
  group?: string | null;
}

/** What else must happen when a phone's session starts or the phone goes (instant call events). */
export interface SessionHooks {
  /** A session of a configured phone started. */
  started(phone: StoredPhone, session: PhoneSession): void;
  /** A configured phone is about to be removed; its session still runs. */
  removing(phone: StoredPhone, password: string | null, session: PhoneSession): Promise<void>;
}

export interface PhoneManagerOptions {
  settings: SettingsStore;
  secrets: SecretStore;
  /** Receives every event of every phone, plus 'phones-changed'. */
  emit: (event: PhoneEvent) => void;
  /** Start every configured phone's session at once (the app); false starts them on first use (CLI). */
  connect: boolean;
  hooks?: SessionHooks;
  /** Receives each new entry of every phone's log, named after its phone. */
  log?: (line: string) => void;
  /** Where each phone's session records the screen capture settings to put back. */
  captureLedger?: (phoneId: string) => CaptureLedger;
}

interface Entry {
  phone: StoredPhone;
  /** Kept out of settings: a one-off phone given on the CLI command line. */
  transient: boolean;
  password: string | null;
  session: PhoneSession | null;
  unsubscribe: () => void;
}

function secretKey(phoneId: string): string {
  return `phone:${phoneId}`;
}

/**
 * Owns the configured phones and one PhoneSession per phone: adds, edits and removes them,
 * keeps settings and secrets in step, forwards each session's events and emits 'phones-changed'.
 * Changes are made one at a time (names must stay unique across phones, and a change waits on
 * files), so two of them never interleave. Unknown phone ids are refused with DeskpilotError
 * 'unknown-phone'.
 */
export class PhoneManager {
  private readonly entries = new Map<string, Entry>();
  private changes: Promise<unknown> = Promise.resolve();
  private readonly opening = new OpeningConnects((id) =>
    this.entries.get(id)?.session === null ? this.session(id) : null,
  );

  private constructor(private readonly options: PhoneManagerOptions) {}

  /** Loads the configured phones (and their passwords) and, when `connect`, starts their sessions. */
  static async create(options: PhoneManagerOptions): Promise<PhoneManager> {
    const manager = new PhoneManager(options);
    for (const phone of options.settings.phones()) {
      const password = await options.secrets.get(secretKey(phone.id));
      manager.entries.set(phone.id, {
        phone,
        transient: false,
        password,
        session: null,
        unsubscribe: () => undefined,
      });
    }
    if (options.connect) void manager.opening.run([...manager.entries.keys()]);
    return manager;
  }

  /** Every configured phone, as the UI may see it (no password). */
  list(): PhoneInfo[] {
    return [...this.entries.values()].filter((entry) => !entry.transient).map(toInfo);
  }

  /** One phone as the UI may see it. */
  info(phoneId: string): PhoneInfo {
    return toInfo(this.entry(phoneId));
  }

  /** The phone called `name` (exact, then case-insensitive), or undefined. */
  findByName(name: string): PhoneInfo | undefined {
    const phones = this.list();
    const lower = name.toLowerCase();
    return (
      phones.find((phone) => phone.name === name) ??
      phones.find((phone) => phone.name.toLowerCase() === lower)
    );
  }

  /**
   * Uses `password` for this phone until the process ends, without storing it (the CLI's
   * `--password` for a phone whose stored password this process cannot read). Takes effect for a
   * session started afterwards.
   */
  usePasswordForNow(phoneId: string, password: string): void {
    const entry = this.entry(phoneId);
    if (entry.session !== null) {
      throw new DeskpilotError('internal', 'The password must be given before the phone connects.');
    }
    entry.password = password;
  }

  /** Everything known about every configured phone right now. */
  snapshots(): PhoneSnapshot[] {
    return [...this.entries.values()]
      .filter((entry) => !entry.transient)
      .map((entry) => this.snapshotOf(entry));
  }

  /** Everything known about one phone right now. */
  snapshot(phoneId: string): PhoneSnapshot {
    return this.snapshotOf(this.entry(phoneId));
  }

  /** The running session of a phone, started on first use. */
  session(phoneId: string): PhoneSession {
    const entry = this.entry(phoneId);
    if (entry.session !== null) return entry.session;
    const session = new PhoneSession({
      phoneId,
      url: entry.phone.url,
      username: entry.phone.username,
      password: entry.password ?? '',
      pinnedFingerprint: entry.phone.pinnedFingerprint,
      pollIntervalIdleMs: entry.phone.pollIntervalIdleMs,
      pollIntervalActiveMs: entry.phone.pollIntervalActiveMs,
      log: (line) => this.options.log?.(`Deskpilot, phone "${entry.phone.name}": ${line}`),
      captureLedger: this.options.captureLedger?.(phoneId),
    });
    entry.session = session;
    entry.unsubscribe = session.on(this.options.emit);
    session.start();
    if (!entry.transient) this.options.hooks?.started(entry.phone, session);
    return session;
  }

  /** A configured phone as stored (for what the UI never sees, like its event settings). */
  stored(phoneId: string): StoredPhone {
    return this.entry(phoneId).phone;
  }

  /** Whether the phone is a one-off of this process (a CLI `--url`), kept out of the settings. */
  isTransient(phoneId: string): boolean {
    return this.entry(phoneId).transient;
  }

  /** Stores a phone's instant call event settings (undefined: none left to undo). */
  savePush(phoneId: string, push: StoredPush | undefined): void {
    const entry = this.entry(phoneId);
    const phone: StoredPhone = { ...entry.phone, push };
    if (push === undefined) delete phone.push;
    entry.phone = phone;
    if (!entry.transient) this.options.settings.savePhone(entry.phone);
  }

  /** Adds a phone (already tested by the caller), stores its password apart, and connects. */
  add(input: NewPhone, options: { transient?: boolean } = {}): Promise<PhoneInfo> {
    return this.oneAtATime(() => this.addNow(input, options));
  }

  private async addNow(input: NewPhone, options: { transient?: boolean }): Promise<PhoneInfo> {
    const transient = options.transient ?? false;
    if (!transient) this.refuseDuplicateName(input.name, null);
    const phone: StoredPhone = {
      id: randomUUID(),
      name: input.name,
      url: input.url,
      username: input.username,
      pinnedFingerprint: input.pinnedFingerprint,
      pollIntervalIdleMs: DEFAULT_POLL_INTERVAL_IDLE_MS,
      pollIntervalActiveMs: DEFAULT_POLL_INTERVAL_ACTIVE_MS,
      demo: input.demo ?? false,
      ...(input.group == null ? {} : { group: input.group }),
    };
    if (!transient) {
      await this.options.secrets.set(secretKey(phone.id), input.password);
      this.options.settings.savePhone(phone);
    }
    this.entries.set(phone.id, {
      phone,
      transient,
      password: input.password,
      session: null,
      unsubscribe: () => undefined,
    });
    if (this.options.connect) this.session(phone.id);
    if (!transient) this.announce();
    return toInfo(this.entry(phone.id));
  }

  /**
   * Changes a phone's settings. A change to how it is reached (URL, user, password, certificate,
   * poll intervals) restarts its session, whose status then reports any problem in words.
   */
  update(phoneId: string, patch: PhonePatch): Promise<PhoneInfo> {
    return this.oneAtATime(() => this.updateNow(phoneId, patch));
  }

  private async updateNow(phoneId: string, patch: PhonePatch): Promise<PhoneInfo> {
    const entry = this.entry(phoneId);
    if (patch.name !== undefined) this.refuseDuplicateName(patch.name, phoneId);
    const { password, group, ...fields } = patch;
    if (
      patch.url !== undefined &&
      password === undefined &&
      new URL(patch.url).origin !== new URL(entry.phone.url).origin
    ) {
      // The stored password is only ever sent to the address it was entered for.
      throw new DeskpilotError(
        'invalid-argument',
        'Enter the password again when changing the phone address.',
      );
    }
    const defined = Object.fromEntries(
      Object.entries(fields).filter(([, value]) => value !== undefined),
    ) as Partial<StoredPhone>;
    const phone: StoredPhone = { ...entry.phone, ...defined };
    if (group === null) delete phone.group;
    else if (group !== undefined) phone.group = group;
    if (
      patch.url !== undefined &&
      patch.url !== entry.phone.url &&
      !('pinnedFingerprint' in defined)
    ) {
      // A certificate accepted for one address says nothing about another one.
      phone.pinnedFingerprint = null;
    }
    if (!entry.transient) {
      if (password !== undefined) await this.options.secrets.set(secretKey(phoneId), password);
      this.options.settings.savePhone(phone);
    }
    entry.phone = phone;
    if (password !== undefined) entry.password = password;
    const changed = Object.keys(defined).filter((key) => key !== 'name');
    if (entry.session !== null) {
      if (changed.length === 1 && changed[0] === 'pinnedFingerprint' && password === undefined) {
        // Only the certificate changed: the session reconnects and keeps its state.
        if (phone.pinnedFingerprint !== null)
          entry.session.setPinnedFingerprint(phone.pinnedFingerprint);
      } else if (changed.length > 0 || password !== undefined) {
        await this.stopSession(entry);
        this.session(phoneId);
      }
    }
    if (!entry.transient) this.announce();
    return toInfo(entry);
  }

  /**
   * Removes a phone: puts back what Deskpilot changed on it (or keeps that to do later), cancels
   * its queued requests, stops polling, forgets its password.
   */
  remove(phoneId: string): Promise<void> {
    return this.oneAtATime(() => this.removeNow(phoneId));
  }

  private async removeNow(phoneId: string): Promise<void> {
    const entry = this.entry(phoneId);
    if (!entry.transient && entry.phone.push !== undefined && this.options.hooks) {
      await this.options.hooks.removing(entry.phone, entry.password, this.session(phoneId));
    }
    this.entries.delete(phoneId);
    await this.stopSession(entry);
    if (!entry.transient) {
      this.options.settings.removePhone(phoneId);
      await this.options.secrets.delete(secretKey(phoneId));
      this.announce();
    }
  }

  /** Stops every session (queued work is cancelled). */
  async close(): Promise<void> {
    this.opening.close();
    await Promise.all([...this.entries.values()].map((entry) => this.stopSession(entry)));
  }

  /** Runs one change after those before it have ended, however they ended. */
  private oneAtATime<T>(change: () => Promise<T>): Promise<T> {
    const result = this.changes.then(change);
    this.changes = result.catch(() => undefined);
    return result;
  }

  private entry(phoneId: string): Entry {
    const entry = this.entries.get(phoneId);
    if (entry === undefined) {
      throw new DeskpilotError('unknown-phone', `There is no phone with id "${phoneId}".`);
    }
    return entry;
  }

  private refuseDuplicateName(name: string, exceptId: string | null): void {
    const clash = this.list().find(
      (phone) => phone.id !== exceptId && phone.name.toLowerCase() === name.toLowerCase(),
    );
    if (clash !== undefined) {
      throw new DeskpilotError(
        'invalid-argument',
        `A phone called "${clash.name}" already exists; choose another name.`,
      );
    }
  }

  private async stopSession(entry: Entry): Promise<void> {
    this.opening.stopped(entry.phone.id);
    const session = entry.session;
    entry.session = null;
    entry.unsubscribe();
    entry.unsubscribe = () => undefined;
    if (session !== null) await session.stop();
  }

  private snapshotOf(entry: Entry): PhoneSnapshot {
    const info = toInfo(entry);
    if (entry.session === null) {
      return {
        info,
        status: connectingStatus(info.id, 'Not connected yet.'),
        lines: [],
        calls: [],
        push: notFollowed(),
      };
    }
    return { info, ...entry.session.snapshot() };
  }

  private announce(): void {
    this.options.emit({ type: 'phones-changed', phones: this.list() });
  }
}

function toInfo(entry: Entry): PhoneInfo {
  const { phone } = entry;
  return {
    id: phone.id,
    name: phone.name,
    url: phone.url,
    username: phone.username,
    hasPassword: entry.password !== null && entry.password !== '',
    pinnedFingerprint: phone.pinnedFingerprint,
    pollIntervalIdleMs: phone.pollIntervalIdleMs,
    pollIntervalActiveMs: phone.pollIntervalActiveMs,
    demo: phone.demo,
    group: phone.group ?? null,
  };
}

function notFollowed(): PushStatus {
  return {
    phase: 'off',
    message: 'Not connected yet.',
    lastEventAt: null,
    listeningOn: null,
  };
}
