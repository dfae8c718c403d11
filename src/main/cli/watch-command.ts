import { aborted, type CliContext } from './cli-context';

/**
 * `deskpilot watch`: prints the phone's events (status, lines, calls added/changed/removed,
 * incoming calls) as JSON lines, starting with its current snapshot, until Ctrl-C.
 */
export async function watchPhone(context: CliContext, phoneId: string): Promise<void> {
  const { core, output, signal } = context;
  const unsubscribe = core.subscribe('phone', (event) => {
    if ('phoneId' in event && event.phoneId === phoneId) output.line(event);
  });
  try {
    core.phones.session(phoneId);
    output.line({ type: 'snapshot', phoneId, ...core.phones.snapshot(phoneId) });
    await aborted(signal);
  } finally {
    unsubscribe();
  }
}
