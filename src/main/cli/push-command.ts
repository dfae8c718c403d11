import type { PushPlan } from '../../shared/contract/push';
import type { PushStatus } from '../../shared/domain';
import { UsageError } from './cli-args';
import { aborted, call, type CliContext } from './cli-context';

/** How long `push on` waits for the first event unless `--wait` says otherwise. */
const DEFAULT_WAIT_SECONDS = 60;

function formatPlan(plan: PushPlan, phoneName: string): string {
  const lines = plan.changes.map(
    (change) =>
      `  ${change.name}: ${change.from === null || change.from === '' ? '(empty)' : change.from} -> ${change.to}`,
  );
  const unsupported =
    plan.unsupported.length > 0 ? `\n  (this firmware has no ${plan.unsupported.join(', ')})` : '';
  return `Deskpilot changes these settings on ${phoneName} (turning off puts them back):\n${lines.join('\n') || '  (nothing: already set)'}${unsupported}\nEvents come to this computer at ${plan.listeningOn}.`;
}

function formatPush(push: PushStatus): string {
  const last =
    push.lastEventAt === null ? '' : `\nLast event: ${new Date(push.lastEventAt).toISOString()}`;
  return `${push.phase}: ${push.message}${last}`;
}

/**
 * `deskpilot push on|off|status`: a phone's instant call events. `on` says what it changes,
 * changes it, then waits (`--wait SECONDS`, default 60; 0: not at all) for the first event to
 * prove the path; `off` puts the phone's previous settings back.
 */
export function pushCommand(
  context: CliContext,
  args: string[],
): (phoneId: string) => Promise<void> {
  const [verb] = args;
  if (args.length !== 1 || (verb !== 'on' && verb !== 'off' && verb !== 'status')) {
    throw new UsageError('Usage: deskpilot push on|off|status [--wait SECONDS]');
  }
  const { output } = context;
  return async (phoneId) => {
    if (verb === 'status') {
      const push = await call(context, 'push.status', { phoneId });
      output.result(push, () => formatPush(push));
      return;
    }
    if (verb === 'off') {
      const push = await call(context, 'push.disable', { phoneId });
      output.result(push, () => formatPush(push));
      return;
    }
    const plan = await call(context, 'push.plan', { phoneId });
    output.note(formatPlan(plan, context.core.phones.info(phoneId).name));
    const started = await call(context, 'push.enable', { phoneId });
    const push = started.phase === 'waiting' ? await firstEvent(context, phoneId) : started;
    output.result(push, () => formatPush(push));
  };
}

/** Waits for the phone's first event (or the time, or Ctrl-C); the status as it then stands. */
async function firstEvent(context: CliContext, phoneId: string): Promise<PushStatus> {
  const { core, output, options, signal } = context;
  const seconds = options.wait ?? DEFAULT_WAIT_SECONDS;
  const now = () => core.phones.snapshot(phoneId).push;
  if (seconds === 0) return now();
  output.note(
    `Waiting up to ${seconds} s for the first event: lift the handset and put it back, or make or take a call…`,
  );
  let unsubscribe = () => undefined as unknown;
  const working = new Promise<void>((resolve) => {
    unsubscribe = core.subscribe('phone', (event) => {
      if (
        event.type === 'push-status' &&
        event.phoneId === phoneId &&
        event.push.phase !== 'waiting'
      ) {
        resolve();
      }
    });
  });
  let timer: NodeJS.Timeout | undefined;
  const timeUp = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, seconds * 1000);
  });
  try {
    await Promise.race([working, timeUp, aborted(signal)]);
  } finally {
    clearTimeout(timer);
    unsubscribe();
  }
  const push = now();
  if (push.phase === 'waiting') {
    output.note(
      `No event arrived within ${seconds} s. Events stay on; if calls do not show at once, a firewall on this computer may be blocking ${push.listeningOn ?? 'the port'}.`,
    );
  }
  return push;
}
