import { resolve } from 'node:path';

import type { ContractError } from '../../shared/contract/errors';
import { createCore, type Core } from '../core/create-core';
import { DeskpilotError } from '../ground/deskpilot-error';
import { defaultDataDir } from '../ground/data-dir';
import { createDispatcher } from '../ipc/dispatcher';
import { parseCommandLine, UsageError, type ParsedCommandLine } from './cli-args';
import { CommandFailed, type CliContext } from './cli-context';
import { CliOutput, type CliStreams } from './cli-output';
import { PHONE_COMMANDS } from './phone-commands';
import { resolvePhone } from './phone-target';
import { runPhonesCommand } from './phones-command';
import { USAGE } from './usage';
import { watchAllPhones } from './watch-command';

/** Exit statuses: documented in the usage text. */
const EXIT_OK = 0;
const EXIT_FAILED = 1;
const EXIT_USAGE = 2;

/**
 * Runs one `deskpilot` command line and returns its exit status. The core runs in this process
 * with the settings of `--data-dir` (phones connect only when a command needs them, and the demo
 * phone is never started here).
 */
export async function runCli(
  argv: string[],
  env: NodeJS.ProcessEnv,
  streams: CliStreams,
  signal: AbortSignal,
): Promise<number> {
  let commandLine: ParsedCommandLine;
  try {
    commandLine = parseCommandLine(argv, env);
  } catch (error) {
    return usageFailure(streams, error);
  }
  const { options, words } = commandLine;
  if (options.help || words.length === 0) {
    (options.help ? streams.stdout : streams.stderr).write(USAGE);
    return options.help ? EXIT_OK : EXIT_USAGE;
  }
  const output = new CliOutput(streams, options.json);
  let core: Core | null = null;
  try {
    core = await createCore({
      dataDir: resolve(options.dataDir ?? defaultDataDir(env)),
      demo: false,
      connect: false,
      log: (line) => output.note(line),
      // A phone is never moved to another port behind a running app's back: the port is kept.
      push: { fallback: false },
    });
    for (const warning of core.warnings) output.note(warning);
    const context: CliContext = {
      core,
      dispatcher: createDispatcher(core, (line) => output.note(line)),
      options,
      output,
      signal,
    };
    await runCommand(context, words);
    return EXIT_OK;
  } catch (error) {
    if (error instanceof UsageError) return usageFailure(streams, error);
    output.error(describeFailure(error));
    return EXIT_FAILED;
  } finally {
    await core?.close();
  }
}

async function runCommand(context: CliContext, words: string[]): Promise<void> {
  const [command = '', ...args] = words;
  if (context.options.all) {
    if (command !== 'watch') throw new UsageError('--all goes only with watch.');
    return watchAllPhones(context, args);
  }
  if (command === 'phones') return runPhonesCommand(context, args);
  const phoneCommand = Object.hasOwn(PHONE_COMMANDS, command) ? PHONE_COMMANDS[command] : undefined;
  if (phoneCommand === undefined) throw new UsageError(`Unknown command "${command}".`);
  const run = phoneCommand(context, args);
  await run(await resolvePhone(context));
}

function describeFailure(error: unknown): ContractError {
  if (error instanceof CommandFailed) return error.error;
  if (error instanceof DeskpilotError) {
    return { code: error.code, message: error.message };
  }
  return {
    code: 'internal',
    message: `Deskpilot hit an internal problem (${error instanceof Error ? error.name : 'error'}).`,
  };
}

function usageFailure(streams: CliStreams, error: unknown): number {
  const message = error instanceof Error ? error.message : String(error);
  streams.stderr.write(`deskpilot: ${message}\nRun "deskpilot --help" for usage.\n`);
  return EXIT_USAGE;
}
