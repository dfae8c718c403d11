/**
 * The one entry point through which untrusted callers (Electron IPC, the browser host's
 * WebSocket) reach the core: channel check, schema parse, handler call, error mapping.
 * Every failure becomes an outcome value; nothing a caller sends can throw through here.
 */
import {
  argumentSchema,
  REQUEST_CHANNELS,
  type ContractHandlers,
  type RequestArgs,
  type RequestChannel,
} from '../../shared/contract';
import type { ContractError } from '../../shared/contract/errors';
import type { RequestOutcome } from '../../shared/contract/api';
import { findHostileShape } from './hostile-keys';
import { onBehalfOf } from '../ground/caller';
import { toContractError, type FailureLog } from '../ground/contract-error';
import { describeIssue } from '../ground/describe-issue';

/**
 * Validates and routes one request; shared by every transport. `caller` names the client (a
 * socket, a window, the command line) the work is done for, so that a phone's queue can take
 * turns between clients (see ground/caller.ts).
 */
export interface Dispatcher {
  /** A request from an untrusted caller (a window, a socket): anything may come in. */
  invoke(channel: unknown, args: unknown, caller: string): Promise<RequestOutcome<RequestChannel>>;
  /**
   * The same path for an in-process caller (the CLI, the Electron shell), typed by channel;
   * its work counts as the application's own unless `caller` says otherwise.
   */
  call<C extends RequestChannel>(
    channel: C,
    args: RequestArgs<C>,
    caller?: string,
  ): Promise<RequestOutcome<C>>;
}

const channels: ReadonlySet<string> = new Set(REQUEST_CHANNELS);

function isRequestChannel(value: unknown): value is RequestChannel {
  return typeof value === 'string' && channels.has(value);
}

function failure(error: ContractError): { ok: false; error: ContractError } {
  return { ok: false, error };
}

/**
 * Creates the dispatcher over the core's handlers. Unknown channels, arguments that fail the
 * channel's schema (or carry prototype-pollution keys) and handler failures all resolve to
 * `{ ok: false, error }`; errors that are not the core's own become a generic 'internal' error.
 */
export function createDispatcher(
  core: { handlers: ContractHandlers },
  log: FailureLog = (line) => console.error(line),
): Dispatcher {
  async function run<C extends RequestChannel>(
    channel: C,
    args: unknown,
  ): Promise<RequestOutcome<RequestChannel>> {
    const hostile = findHostileShape(args);
    if (hostile !== null) return failure({ code: 'invalid-argument', ...hostile });
    // Absent arguments mean "no options" for channels that take none.
    const parsed = argumentSchema(channel).safeParse(args ?? {});
    if (!parsed.success) {
      return failure({ code: 'invalid-argument', ...describeIssue(parsed.error.issues[0]) });
    }
    // The schema table and the handler table are keyed by the same channel; TypeScript cannot
    // correlate the two lookups, so the handler is called through its parsed-argument type.
    const handler = core.handlers[channel] as (value: unknown) => Promise<unknown>;
    try {
      const value = await handler(parsed.data);
      return { ok: true, value } as RequestOutcome<RequestChannel>;
    } catch (error) {
      return failure(toContractError(error, channel, log));
    }
  }

  return {
    invoke(channel, args, caller) {
      if (!isRequestChannel(channel)) {
        const name = typeof channel === 'string' ? `"${channel.slice(0, 64)}"` : typeof channel;
        return Promise.resolve(
          failure({ code: 'unknown-channel', message: `There is no request channel ${name}` }),
        );
      }
      return onBehalfOf(caller, () => run(channel, args));
    },
    call<C extends RequestChannel>(channel: C, args: RequestArgs<C>, caller = 'app') {
      // run() answers `channel` with its own handler's result.
      return onBehalfOf(caller, () => run(channel, args)) as Promise<RequestOutcome<C>>;
    },
  };
}
