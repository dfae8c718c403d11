import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

import type {
  ContractError,
  ContractHandlers,
  DialRequest,
  EventChannel,
  EventPayloads,
  RequestOutcome,
} from '../../shared/contract';
import { parseDialTarget } from '../../shared/dial-target';
import { ContactsStore } from '../contacts/contacts-store';
import { FileSecretStore, type SecretStore } from '../settings/secret-store';
import { SettingsStore } from '../settings/settings-store';
import { toContractError } from '../ground/contract-error';
import { createAppHandlers } from './app-handlers';
import { createCallHandlers } from './call-handlers';
import { DeskpilotError } from '../ground/deskpilot-error';
import { DemoLifecycle } from './demo-lifecycle';
import { mustConfirmDial } from './dial-safety';
import { createDeviceHandlers } from './device-handlers';
import { EventBus } from './event-bus';
import { createPhoneHandlers } from './phone-handlers';
import { PhoneManager } from './phone-manager';
import { dialParsed, PendingPostDials } from './post-dial';

export interface CoreOptions {
  /** Absolute directory for settings.json, secrets.json (if no secretStore) and contacts. */
  dataDir: string;
  /** Where passwords go; default: FileSecretStore in `<dataDir>/secrets.json` (mode 0600). */
  secretStore?: SecretStore;
  /**
   * true: run the in-process demo phone (adding it if needed). false: never start it.
   * Default: run it when a demo phone is configured, and add it on a first run (no settings yet).
   */
  demo?: boolean;
  /** Start polling every configured phone now (default). The CLI passes false: phones connect on first use. */
  connect?: boolean;
  /** Where unexpected listener failures are reported; default: stderr. Never receives secrets. */
  log?: (line: string) => void;
}

/** What `requestDial` did: dialled (or failed to), or asked the UI to confirm first. */
export type DialRequestOutcome = RequestOutcome<'calls.dial'> | { ok: true; value: 'confirm' };

export interface Core {
  handlers: ContractHandlers;
  subscribe<E extends EventChannel>(
    event: E,
    listener: (payload: EventPayloads[E]) => void,
  ): () => void;
  /**
   * A tel:/sip: link, `--dial` or the shortcut asks to call `rawLink`. Invalid links are refused
   * (nothing reaches a phone); with `clickToDial: 'confirm'`, or for an emergency or very short
   * number (at most 3 digits) whatever the setting, a 'dial-request' event is emitted and
   * `'confirm'` returned; otherwise the default phone (or the first one) dials at once.
   */
  requestDial(source: DialRequest['source'], rawLink: string): Promise<DialRequestOutcome>;
  /** Problems found at start-up (a damaged settings file set aside, a demo that failed), in words. */
  warnings: string[];
  /** Phones and sessions, for the CLI (one-off phones, lookup by name). */
  phones: PhoneManager;
  /**
   * Resolves once the extensions of calls dialled so far have been sent (or given up: the call
   * ended or never connected), so the CLI can exit without cutting them off.
   */
  postDialsSettled(): Promise<void>;
  /** Stops every session and the demo simulator. Settings are written as they change. */
  close(): Promise<void>;
}

/**
 * Builds the core the Electron shell, the browser host and the CLI all serve: settings and
 * secrets, one PhoneSession per phone, contacts, the demo phone and every contract handler.
 */
export async function createCore(options: CoreOptions): Promise<Core> {
  const log = options.log ?? ((line: string) => console.error(line));
  await mkdir(options.dataDir, { recursive: true });
  const firstRun = !existsSync(join(options.dataDir, 'settings.json'));
  const settings = new SettingsStore(options.dataDir);
  const secrets = options.secretStore ?? new FileSecretStore(join(options.dataDir, 'secrets.json'));
  const bus = new EventBus((error) =>
    log(`Deskpilot: an event listener failed (${error instanceof Error ? error.name : 'error'})`),
  );
  // Everything that can fail on bad files comes before the sessions start, so a failed start
  // leaves nothing running.
  const contacts = new ContactsStore({ dataDir: options.dataDir });
  const manager = await PhoneManager.create({
    settings,
    secrets,
    emit: (event) => bus.emit('phone', event),
    connect: options.connect ?? true,
  });
  const unsubscribeContacts = contacts.onChange((list) => bus.emit('contacts-changed', list));
  const demo = new DemoLifecycle(manager);
  const warnings = [...settings.warnings];

  const wantDemo = options.demo ?? (demo.configured() || (firstRun && manager.list().length === 0));
  if (wantDemo) {
    try {
      await demo.ensure();
    } catch (error) {
      // The app stays usable with real phones; the user can retry with phones.addDemo.
      warnings.push(
        `The demo phone could not start (${error instanceof Error ? error.message : 'unknown error'}).`,
      );
    }
  }

  const postDials = new PendingPostDials();
  const handlers: ContractHandlers = {
    ...createPhoneHandlers(manager, demo),
    ...createCallHandlers(manager, log, postDials),
    ...createDeviceHandlers(manager),
    ...createAppHandlers({
      contacts,
      settings,
      manager,
      emitSettings: (next) => bus.emit('settings-changed', next),
    }),
  };

  const refused = (error: unknown): { ok: false; error: ContractError } => ({
    ok: false,
    error: toContractError(error, 'calls.dial', log),
  });

  async function requestDial(
    source: DialRequest['source'],
    rawLink: string,
  ): Promise<DialRequestOutcome> {
    const parsed = parseDialTarget(rawLink);
    if (!parsed.ok) return refused(new DeskpilotError('invalid-argument', parsed.message));
    const app = settings.appSettings();
    // Emergency and very short numbers always ask: a stray click must not call for help.
    if (app.clickToDial === 'confirm' || mustConfirmDial(parsed.value)) {
      bus.emit('dial-request', { source, link: parsed.value });
      return { ok: true, value: 'confirm' };
    }
    const phones = manager.list();
    const phone = phones.find((candidate) => candidate.id === app.defaultPhoneId) ?? phones[0];
    if (phone === undefined) {
      return refused(new DeskpilotError('unknown-phone', 'No phone is configured yet: add one first.'));
    }
    try {
      const value = await dialParsed(manager.session(phone.id), parsed.value, {
        log,
        pending: postDials,
      });
      return { ok: true, value };
    } catch (error) {
      return refused(error);
    }
  }

  return {
    handlers,
    subscribe: (event, listener) => bus.subscribe(event, listener),
    requestDial,
    warnings,
    phones: manager,
    postDialsSettled: () => postDials.settled(),
    async close() {
      unsubscribeContacts();
      await manager.close();
      await demo.close();
    },
  };
}
