import {
  CALL_OUTCOME_WORDS,
  CONFIG_EXPORT_TYPES,
  type CallLogKind,
  type PhoneStatus,
} from '../../shared/domain';
import type { RequestArgs } from '../../shared/contract';
import { UsageError } from './cli-args';
import { aborted, call, CommandFailed, type CliContext } from './cli-context';
import { formatCalls, formatStatus } from './phone-format';
import { expectCount } from './phones-command';
import { pushCommand } from './push-command';
import { watchPhone } from './watch-command';
import { currentCalls, waitForStatus } from './wait-for-status';
import { dialFailed, followDial } from './dial-outcome';
import { parseDestination } from '../ground/dial-destination';

/**
 * Waits for the call a dial placed and reports it: connected (then an extension is sent before
 * exiting), or why it failed, exiting non-zero.
 */
async function reportDial(
  context: CliContext,
  phoneId: string,
  handle: string,
  destination: string,
): Promise<void> {
  const outcome = await followDial(context, phoneId, handle);
  if (outcome.kind === 'ended' && dialFailed(outcome.outcome)) {
    const words = CALL_OUTCOME_WORDS[outcome.outcome];
    throw new CommandFailed({
      code: 'phone-error',
      message: `${words}: the call to ${destination} did not go through.`,
    });
  }
  const state =
    outcome.kind === 'connected'
      ? 'connected'
      : outcome.kind === 'ended'
        ? outcome.outcome
        : 'ringing';
  context.output.result({ handle, outcome: state }, () =>
    outcome.kind === 'connected'
      ? `Connected: call ${handle}`
      : outcome.kind === 'ended'
        ? `Call ${handle}: ${CALL_OUTCOME_WORDS[outcome.outcome]}`
        : `Call ${handle} is still ringing; stopped waiting.`,
  );
  if (outcome.kind === 'connected') await sendExtension(context);
  // The phone took the destination, so it parses.
  else if (outcome.kind === 'still-ringing' && parseDestination(destination).postDial) {
    context.output.note('Stopped before the call connected: the extension was not sent.');
  }
}

/**
 * An extension goes out as DTMF once the call connects: stays until it has been sent, or until
 * Ctrl-C (main.ts takes the signal over, so nothing else would stop the wait).
 */
async function sendExtension(context: CliContext): Promise<void> {
  const sent = await Promise.race([
    context.core.postDialsSettled().then(() => true),
    aborted(context.signal).then(() => false),
  ]);
  if (!sent) context.output.note('Stopped before the call connected: the extension was not sent.');
}

/** Runs a command on the resolved phone. */
type PhoneRun = (phoneId: string) => Promise<void>;
/**
 * Checks a command's arguments (throwing UsageError before any phone is contacted) and returns
 * what to run once the phone is known.
 */
type PhoneCommand = (context: CliContext, args: string[]) => PhoneRun;

const CALL_VERBS = ['answer', 'ignore', 'reject', 'hold', 'resume'] as const;
const LOG_KINDS: readonly string[] = ['missed', 'received', 'placed'] satisfies CallLogKind[];

/** Every command that acts on one phone, by its first word. */
export const PHONE_COMMANDS: Record<string, PhoneCommand> = {
  info: (context, args) => {
    expectCount(args, 0, 'info');
    return async (phoneId) =>
      context.output.result(await call(context, 'device.details', { phoneId }));
  },
  status: (context, args) => {
    expectCount(args, 0, 'status');
    return async (phoneId) => {
      const status = await requireOnline(context, phoneId);
      context.output.result(status, () => formatStatus(status));
    };
  },
  lines: (context, args) => {
    expectCount(args, 0, 'lines');
    return async (phoneId) =>
      context.output.result(await call(context, 'device.lines', { phoneId }));
  },
  calls: (context, args) => {
    expectCount(args, 0, 'calls');
    return async (phoneId) => {
      await requireOnline(context, phoneId);
      const calls = await currentCalls(context.core, phoneId);
      context.output.result(calls, () => formatCalls(calls));
    };
  },
  watch: (context, args) => {
    expectCount(args, 0, 'watch');
    return (phoneId) => watchPhone(context, phoneId);
  },
  push: pushCommand,
  dial: (context, args) => {
    expectCount(args, 1, 'dial NUMBER [--line N] [--no-wait]');
    const [destination = ''] = args;
    const { line } = context.options;
    return async (phoneId) => {
      // The session reads the calls already up before dialling, to tell which call the dial made.
      await requireOnline(context, phoneId);
      const { handle } = await call(context, 'calls.dial', {
        phoneId,
        destination,
        ...(line === null ? {} : { line }),
      });
      if (handle === null || context.options.noWait) {
        context.output.result({ handle, outcome: null }, () =>
          handle === null
            ? 'Dialled; the phone has not shown the call yet.'
            : `Dialled: call ${handle}`,
        );
        await sendExtension(context);
        return;
      }
      if (!context.options.json)
        context.output.note(`Dialled: call ${handle}. Waiting for an answer…`);
      await reportDial(context, phoneId, handle, destination);
    };
  },
  end: (context, args) => {
    if (args.length > 1) throw new UsageError('Usage: deskpilot end [HANDLE]');
    const [given] = args;
    return async (phoneId) => {
      const handle = given ?? (await currentCall(context, phoneId));
      await call(context, 'calls.end', { phoneId, handle });
      context.output.result(null, () => `Ended call ${handle}.`);
    };
  },
  mute: (context, args) => {
    const [state] = args;
    if (args.length !== 1 || (state !== 'on' && state !== 'off')) {
      throw new UsageError('Usage: deskpilot mute on|off');
    }
    return async (phoneId) =>
      context.output.result(await call(context, 'calls.mute', { phoneId, muted: state === 'on' }));
  },
  transfer: (context, args) => {
    expectCount(args, 2, 'transfer HANDLE NUMBER');
    const [handle = '', destination = ''] = args;
    return async (phoneId) =>
      context.output.result(
        await call(context, 'calls.transfer', { phoneId, handle, destination }),
      );
  },
  dtmf: (context, args) => {
    expectCount(args, 1, 'dtmf DIGITS');
    const [digits = ''] = args;
    return async (phoneId) =>
      context.output.result(await call(context, 'calls.sendDtmf', { phoneId, digits }));
  },
  logs: (context, args) => {
    const [kind] = args;
    if (args.length > 1 || (kind !== undefined && !LOG_KINDS.includes(kind))) {
      throw new UsageError('Usage: deskpilot logs [missed|received|placed]');
    }
    return async (phoneId) => {
      // The kind was checked against LOG_KINDS above; the dispatcher's schema checks it again.
      const request = {
        phoneId,
        ...(kind === undefined ? {} : { kind }),
      } as RequestArgs<'calls.logs'>;
      context.output.result(await call(context, 'calls.logs', request));
    };
  },
  config: (context, args) => {
    const [verb, ...names] = args;
    if (verb === 'get' && names.length > 0) {
      return async (phoneId) =>
        context.output.result(await call(context, 'config.get', { phoneId, names }));
    }
    if (verb === 'set' && names.length > 0) {
      const values = Object.fromEntries(names.map(splitAssignment));
      return async (phoneId) =>
        context.output.result(await call(context, 'config.set', { phoneId, values }));
    }
    throw new UsageError('Usage: deskpilot config get NAME... | config set NAME=VALUE...');
  },
  'export-config': (context, args) => {
    expectCount(args, 2, `export-config URL ${CONFIG_EXPORT_TYPES.join('|')}`);
    const [url, type] = args;
    return async (phoneId) => {
      // The dispatcher's schema checks the URL and the type and names what is wrong.
      const request = { phoneId, url, type } as RequestArgs<'config.export'>;
      context.output.result(await call(context, 'config.export', request));
    };
  },
  screen: (context, args) => {
    expectCount(args, 0, 'screen');
    return async (phoneId) => {
      const viewer = 'command-line';
      const screen = await call(context, 'screen.get', { phoneId, viewer });
      await call(context, 'screen.release', { phoneId, viewer });
      context.output.result(screen, () => screen.structure.xml);
    };
  },
  touch: (context, args) => {
    expectCount(args, 2, 'touch X Y');
    if (!args.every((value) => /^\d{1,4}$/.test(value))) {
      throw new UsageError('touch takes two pixel coordinates, like "touch 240 120".');
    }
    const [x = 0, y = 0] = args.map(Number);
    const positions = [{ x, y }];
    return async (phoneId) =>
      context.output.result(
        await call(context, 'screen.touch', { phoneId, type: 'Tap', positions }),
      );
  },
  restart: destructive('restart', (context, phoneId) =>
    call(context, 'device.restart', { phoneId }),
  ),
  reboot: destructive('reboot', (context, phoneId) => call(context, 'device.reboot', { phoneId })),
  'factory-reset': destructive('factory-reset', (context, phoneId) =>
    call(context, 'device.factoryReset', { phoneId, confirmation: 'FACTORY RESET' }),
  ),
  ...Object.fromEntries(CALL_VERBS.map((verb) => [verb, callVerb(verb)])),
};

function callVerb(verb: (typeof CALL_VERBS)[number]): PhoneCommand {
  return (context, args) => {
    if (args.length > 1) throw new UsageError(`Usage: deskpilot ${verb} [HANDLE]`);
    const [handle] = args;
    return async (phoneId) => {
      const target = { phoneId, ...(handle === undefined ? {} : { handle }) };
      context.output.result(await call(context, `calls.${verb}`, target));
    };
  };
}

function destructive(
  name: string,
  run: (context: CliContext, phoneId: string) => Promise<unknown>,
): PhoneCommand {
  return (context, args) => {
    expectCount(args, 0, `${name} --yes`);
    if (!context.options.yes) {
      throw new UsageError(`"${name}" interrupts the phone; confirm with --yes.`);
    }
    return async (phoneId) => {
      await run(context, phoneId);
      context.output.result(null);
    };
  };
}

/** `NAME=VALUE` as its two halves; anything else is a usage error. */
export function splitAssignment(assignment: string): [string, string] {
  const equals = assignment.indexOf('=');
  if (equals <= 0) throw new UsageError(`"${assignment}" is not NAME=VALUE.`);
  return [assignment.slice(0, equals), assignment.slice(equals + 1)];
}

/** The phone's status once it answered; a phone that is not online fails the command in words. */
async function requireOnline(context: CliContext, phoneId: string): Promise<PhoneStatus> {
  const status = await waitForStatus(context.core, phoneId);
  if (status.health !== 'online') {
    throw new CommandFailed({ code: status.attention ?? 'unreachable', message: status.message });
  }
  return status;
}

/** The call `end` acts on when no handle is given: the active call, or the only one. */
async function currentCall(context: CliContext, phoneId: string): Promise<string> {
  await requireOnline(context, phoneId);
  const calls = await currentCalls(context.core, phoneId);
  const chosen =
    calls.find((candidate) => candidate.active) ?? (calls.length === 1 ? calls[0] : undefined);
  if (chosen === undefined) {
    throw new CommandFailed({
      code: 'not-found',
      message:
        calls.length === 0
          ? 'There is no call to end.'
          : 'Several calls are up; name the one to end (see "deskpilot calls").',
    });
  }
  return chosen.handle;
}
