import {
  createDeskpilotApi,
  type ContractTransport,
  type DeskpilotApi,
  type RequestOutcome,
} from '../../../src/shared/contract/api';
import type { ContractError } from '../../../src/shared/contract/errors';
import type { EventChannel, EventPayloads } from '../../../src/shared/contract/events';
import type { RequestArgs, RequestChannel, RequestResults } from '../../../src/shared/contract';
import type { DialRequest } from '../../../src/shared/contract/links';
import { dialTextOf } from '../../../src/shared/dial-target';
import type { FleetInventoryRow } from '../../../src/shared/contract/fleet';
import type { Call, PhoneSnapshot } from '../../../src/shared/domain';
import type { AppSettings } from '../../../src/shared/settings';

type Result<C extends RequestChannel> = RequestResults[C] | ContractError;
/** An answer now, or later (a fleet job the test ends, or cancels, while the view shows it). */
type Answer<C extends RequestChannel> = (args: RequestArgs<C>) => Result<C> | Promise<Result<C>>;
export type Answers = { [C in RequestChannel]?: Answer<C> };

export interface TestCore {
  api: DeskpilotApi;
  /** Every request made, in order, with its arguments. */
  requests: { channel: RequestChannel; args: unknown }[];
  /** Pushes an event to every subscriber, as the core would. */
  emit<E extends EventChannel>(event: E, payload: EventPayloads[E]): void;
  /** Replaces or adds answers while a test runs. */
  answer<C extends RequestChannel>(channel: C, handler: Answer<C>): void;
  /** The arguments of every request made on `channel`, in order. */
  callsTo(channel: RequestChannel): unknown[];
}

function isContractError(value: unknown): value is ContractError {
  return typeof value === 'object' && value !== null && 'code' in value && 'message' in value;
}

/**
 * The one stand-in for the core in renderer tests: an in-test transport that answers each channel
 * from a table (a ContractError value becomes an error outcome) and lets the test push events.
 * Channels without an answer fail with 'internal', so a test notices an unexpected request.
 *
 * Dial requests behave as in the core: an emitted 'dial-request' is held by its id, and
 * confirming it dials its link as a `calls.dial` request (recorded, and answered from the table)
 * on the phone the window named.
 */
export function createTestCore(initial: Answers = {}): TestCore {
  const held = new Map<string, DialRequest>();
  const requests: TestCore['requests'] = [];
  const answers: Answers = {
    'links.confirmDial': ({ id, phoneId = '' }) => {
      const request = held.get(id);
      if (request === undefined) return { code: 'not-found', message: `no dial request ${id}` };
      held.delete(id);
      const dial = { phoneId, destination: dialTextOf(request.link) };
      requests.push({ channel: 'calls.dial', args: dial });
      const answer = answers['calls.dial'];
      return answer ? answer(dial) : { code: 'internal', message: 'no answer for calls.dial' };
    },
    'links.dismissDial': ({ id }) => {
      held.delete(id);
      return null;
    },
    ...initial,
  };
  const listeners = new Map<EventChannel, Set<(payload: never) => void>>();

  const transport: ContractTransport = {
    async invoke<C extends RequestChannel>(
      channel: C,
      args: RequestArgs<C>,
    ): Promise<RequestOutcome<C>> {
      requests.push({ channel, args });
      const handler = answers[channel] as Answer<C> | undefined;
      if (!handler)
        return { ok: false, error: { code: 'internal', message: `no answer for ${channel}` } };
      const result = await handler(args);
      return isContractError(result) ? { ok: false, error: result } : { ok: true, value: result };
    },
    subscribe(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: never) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (payload: never) => void);
    },
  };

  return {
    api: createDeskpilotApi(transport),
    requests,
    emit(event, payload) {
      if (event === 'dial-request') {
        const request = payload as DialRequest;
        held.set(request.id, request);
      }
      for (const listener of listeners.get(event) ?? [])
        (listener as (value: typeof payload) => void)(payload);
    },
    answer(channel, handler) {
      (answers as Record<string, unknown>)[channel] = handler;
    },
    callsTo: (channel) =>
      requests.filter((request) => request.channel === channel).map((request) => request.args),
  };
}

/** A call as the core reports it, with sensible defaults. */
export function makeCall(overrides: Partial<Call> = {}): Call {
  return {
    handle: '0x1',
    line: 1,
    state: 'Connected',
    direction: 'Outgoing',
    remoteName: 'Ada Lovelace',
    remoteNumber: '1001',
    durationSeconds: 5,
    observedAt: Date.now(),
    muted: false,
    active: true,
    appearance: '1',
    sequence: 1,
    protocol: 'SIP',
    heldByFarEnd: false,
    ...overrides,
  };
}

/** One online phone with a registered and an unregistered line. */
export function makeSnapshot(overrides: Partial<PhoneSnapshot> = {}): PhoneSnapshot {
  return {
    info: {
      id: 'p1',
      name: 'Desk phone',
      url: 'https://127.0.0.1:8443',
      username: 'Polycom',
      hasPassword: true,
      pinnedFingerprint: null,
      pollIntervalIdleMs: 5000,
      pollIntervalActiveMs: 1000,
      demo: false,
      group: null,
    },
    status: {
      phoneId: 'p1',
      health: 'online',
      attention: null,
      message: 'Online',
      presentedFingerprint: null,
      model: 'VVX601',
      firmware: '5.8.0',
      macAddress: '0004F2000001',
      lastSeenAt: Date.now(),
      missing: [],
    },
    lines: [
      { line: 1, label: '1001', address: '1001@pbx', registration: 'Registered', protocol: 'SIP' },
      {
        line: 2,
        label: '1002',
        address: '1002@pbx',
        registration: 'Unregistered',
        protocol: 'SIP',
      },
    ],
    calls: [],
    push: {
      phase: 'off',
      message: 'Off: Deskpilot asks the phone about its calls every 5 s.',
      lastEventAt: null,
      listeningOn: null,
    },
    ...overrides,
  };
}

/** The settings the test core reports. */
export const TEST_SETTINGS: AppSettings = {
  clickToDial: 'confirm',
  notifications: true,
  globalShortcut: '',
  theme: 'system',
  startAtLogin: false,
  defaultPhoneId: null,
  pushPort: 8489,
};

/** What every window asks on start: the phones, the contacts and the settings. */
export function startupAnswers(phones: PhoneSnapshot[]): Answers {
  return {
    'phones.snapshots': () => phones,
    'contacts.list': () => [],
    'settings.get': () => TEST_SETTINGS,
  };
}

/** One phone of a fleet inventory, read without a problem. */
export function makeInventoryRow(overrides: Partial<FleetInventoryRow> = {}): FleetInventoryRow {
  return {
    phoneId: 'p1',
    name: 'Desk 1',
    group: null,
    url: 'https://127.0.0.1:8443',
    model: 'VVX601',
    firmware: '5.8.0',
    macAddress: '0004F2000001',
    lines: [{ line: 1, address: '1001@pbx', registration: 'Registered' }],
    uptimeSeconds: 3600,
    problem: null,
    ...overrides,
  };
}
