import type { ContractError } from '../../shared/contract/errors';
import type { RequestArgs, RequestChannel, RequestResults } from '../../shared/contract';
import type { Core } from '../core/create-core';
import type { Dispatcher } from '../ipc/dispatcher';
import type { CliOptions } from './cli-args';
import type { CliOutput } from './cli-output';

/** A command that failed in a way the core or the phone explained: exit status 1. */
export class CommandFailed extends Error {
  constructor(readonly error: ContractError) {
    super(error.message);
    this.name = 'CommandFailed';
  }
}

/**
 * A command that printed its report but did not do everything asked (a phone failed, rows were
 * skipped, the user pressed Ctrl-C): exit status 1, with `message` on stderr only, so the
 * report stays the one thing on stdout.
 */
export class CommandIncomplete extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CommandIncomplete';
  }
}

/** Everything a command needs. */
export interface CliContext {
  core: Core;
  dispatcher: Dispatcher;
  options: CliOptions;
  output: CliOutput;
  /** Standard input, for `--password-stdin` (opened only when asked for). */
  stdin: () => AsyncIterable<string | Buffer> | undefined;
  /** Aborted on Ctrl-C / SIGTERM (ends `watch`, and `dial`'s wait for an extension). */
  signal: AbortSignal;
}

/** Resolves once `signal` is aborted (at once if it already is). */
export function aborted(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) =>
    signal.addEventListener('abort', () => resolve(), { once: true }),
  );
}

/**
 * Calls one contract channel through the same dispatcher the app uses (schema-checked
 * arguments, errors mapped to words) and returns its value, or throws CommandFailed.
 */
export async function call<C extends RequestChannel>(
  context: CliContext,
  channel: C,
  args: RequestArgs<C>,
): Promise<RequestResults[C]> {
  const outcome = await context.dispatcher.call(channel, args);
  if (!outcome.ok) throw new CommandFailed(outcome.error);
  return outcome.value;
}
