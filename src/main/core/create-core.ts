import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

import type { RequestOutcome } from '../../shared/contract/api';
import type { ContractHandlers } from '../../shared/contract';
import type { EventChannel, EventPayloads } from '../../shared/contract/events';
import type { DialRequestSource } from '../../shared/contract/links';
import { ContactsStore } from '../contacts/contacts-store';
import { CaptureLedgerFile } from '../session/screen/capture-ledger-file';
import type { ConfOpener } from '../ground/conf-file';
import { toContractError } from '../ground/contract-error';
import { FileSecretStore, type SecretStore } from '../settings/secret-store';
import { SettingsStore } from '../settings/settings-store';
import { createAppHandlers } from './app-handlers';
import { createDialHandler } from './call-handlers';
import { DemoLifecycle } from './demo-lifecycle';
import { DialRequests } from './dial-requests';
import { EventBus } from './event-bus';
import { createFleetService } from './fleet/fleet-handlers';
import { createPassThroughHandlers } from './pass-through';
import { createPhoneHandlers } from './phone-handlers';
import { PhoneManager } from './phone-manager';
import { dialParsed, PendingPostDials } from './post-dial';
import { createPushHandlers } from './push-handlers';
import { PushService } from './push-service';

export interface CoreOptions {
  /** Absolute directory for settings.json, secrets.json (if no secretStore) and contacts. */
  dataDir: string;
  /** Where passwords go; default: FileSecretStore in `<dataDir>/secrets.json` (mode 0600). */
  secretStore?: SecretStore;
  /** How the settings and contacts files are opened; default: conf (the shell: electron-store). */
  openConf?: ConfOpener;
  /**
   * true: run the in-process demo phone (adding it if needed). false: never start it.
   * Default: run it when a demo phone is configured, and add it on a first run (no settings yet).
   */
  demo?: boolean;
  /** Start polling every configured phone now (default). The CLI passes false: phones connect on first use. */
  connect?: boolean;
  /** Where unexpected listener failures are reported; default: stderr. Never receives secrets. */
  log?: (line: string) => void;
  /**
   * Where phones' instant call events are received: `port` instead of the settings' (tests: 0,
   * any free port); `fallback` false refuses a taken port instead of taking another (the CLI,
   * which must not move a phone away from a running app).
   */
  push?: { port?: number; fallback?: boolean };
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
   * A tel:/sip: link, `--dial` or the shortcut asks to call `rawLink` (the `links.request`
   * channel, as an outcome). Invalid links are refused (nothing reaches a phone); with
   * `clickToDial: 'confirm'`, or for an emergency or very short number (at most 3 digits)
   * whatever the setting, the request is held, a 'dial-request' event is emitted and `'confirm'`
   * returned; otherwise the default phone (or the first one) dials at once.
   */
  requestDial(source: DialRequestSource, rawLink: string): Promise<DialRequestOutcome>;
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
  // Phones, contacts and the browser host's sign-in file are nobody else's business.
  await mkdir(options.dataDir, { recursive: true, mode: 0o700 });
  const firstRun = !existsSync(join(options.dataDir, 'settings.json'));
  const settings = new SettingsStore(options.dataDir, options.openConf);
  const secrets = options.secretStore ?? new FileSecretStore(join(options.dataDir, 'secrets.json'));
  const bus = new EventBus((error) =>
    log(`Deskpilot: an event listener failed (${error instanceof Error ? error.name : 'error'})`),
  );
  // Everything that can fail on bad files comes before the sessions start, so a failed start
  // leaves nothing running.
  const contacts = new ContactsStore({ dataDir: options.dataDir, open: options.openConf });
  const push = new PushService({
    settings,
    secrets,
    ...(options.push?.port === undefined ? {} : { port: options.push.port }),
    fallback: options.push?.fallback ?? true,
    log,
  });
  const captureLedger = new CaptureLedgerFile(
    join(options.dataDir, 'screen-capture-restore.json'),
    log,
  );
  const manager = await PhoneManager.create({
    settings,
    secrets,
    emit: (event) => bus.emit('phone', event),
    connect: options.connect ?? true,
    hooks: push,
    log,
    captureLedger: (phoneId) => captureLedger.forPhone(phoneId),
  });
  push.bind(manager);
  // Removed phones that were away when removed get their previous event settings back.
  void push.restoreRemoved();
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
  const dialRequests = new DialRequests({
    phones: () => manager.list(),
    settings: () => settings.appSettings(),
    announce: (request) => bus.emit('dial-request', request),
    dial: (phoneId, link) =>
      dialParsed(manager.session(phoneId), link, { log, pending: postDials }),
  });
  const fleet = createFleetService(
    manager,
    (progress) => bus.emit('fleet-progress', progress),
    log,
  );
  const handlers: ContractHandlers = {
    ...createPhoneHandlers(manager, demo),
    ...createPassThroughHandlers((phoneId) => manager.session(phoneId)),
    ...createDialHandler(manager, log, postDials),
    ...createPushHandlers(push),
    ...fleet.handlers,
    ...createAppHandlers({
      contacts,
      settings,
      manager,
      dialRequests,
      emitSettings: (next) => {
        bus.emit('settings-changed', next);
        push.settingsChanged(next);
      },
    }),
  };

  async function requestDial(
    source: DialRequestSource,
    rawLink: string,
  ): Promise<DialRequestOutcome> {
    try {
      const value = await dialRequests.request(source, rawLink);
      // Two returns: TypeScript gives each branch its own outcome type.
      if (value === 'confirm') return { ok: true, value };
      return { ok: true, value };
    } catch (error) {
      return { ok: false, error: toContractError(error, 'links.request', log) };
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
      fleet.close();
      await manager.close();
      await push.close();
      await demo.close();
    },
  };
}
