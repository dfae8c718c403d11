import { UsageError } from './cli-args';
import { aborted, type CliContext } from './cli-context';
import { prepareStoredPhone } from './phone-target';

/**
 * Prints the events of `phoneIds` as JSON lines, after one `snapshot` line per phone, until
 * Ctrl-C; with `named`, every line also carries the phone's name. A reader that falls behind by
 * more than the lines held gets an `events-dropped` line and fresh snapshots in place of what it
 * missed.
 */
async function watchPhones(context: CliContext, phoneIds: string[], named: boolean): Promise<void> {
  const { core, output, signal } = context;
  const watched = new Set(phoneIds);
  // The phone's name goes right after its id, where a person reading the stream looks for it.
  const line = ({ type, phoneId, ...rest }: { type: string; phoneId: string }) =>
    named
      ? { type, phoneId, phone: core.phones.info(phoneId).name, ...rest }
      : { type, phoneId, ...rest };
  const snapshot = (phoneId: string) =>
    line({ type: 'snapshot', phoneId, ...core.phones.snapshot(phoneId) });
  const lines = output.eventLines((dropped) => {
    lines.push({ type: 'events-dropped', count: dropped });
    for (const phoneId of phoneIds) lines.push(snapshot(phoneId));
  });
  const unsubscribe = core.subscribe('phone', (event) => {
    if ('phoneId' in event && watched.has(event.phoneId)) lines.push(line(event));
  });
  try {
    for (const phoneId of phoneIds) {
      core.phones.session(phoneId);
      lines.push(snapshot(phoneId));
    }
    await aborted(signal);
  } finally {
    unsubscribe();
  }
}

/**
 * `deskpilot watch`: prints the phone's events (status, lines, calls added/changed/removed,
 * incoming calls) as JSON lines, starting with its current snapshot, until Ctrl-C.
 */
export function watchPhone(context: CliContext, phoneId: string): Promise<void> {
  return watchPhones(context, [phoneId], false);
}

/**
 * `deskpilot watch --all`: every configured phone's events as JSON lines, each naming its phone
 * (`phoneId` and `phone`), after one snapshot line per phone, until Ctrl-C. A password given on
 * the command line or in DESKPILOT_PASSWORD is used for every phone, for this run only.
 */
export async function watchAllPhones(context: CliContext, args: string[]): Promise<void> {
  const { options, core } = context;
  if (args.length > 0) throw new UsageError('Usage: deskpilot watch --all');
  if (options.phone !== null || options.url !== null || options.acceptCertificate !== null) {
    throw new UsageError(
      'watch --all watches every configured phone: leave out --phone, --url and --accept-certificate.',
    );
  }
  const phones = core.phones.list();
  if (phones.length === 0) {
    throw new UsageError('No phone is configured: add one with "deskpilot phones add NAME URL".');
  }
  const phoneIds = await Promise.all(phones.map((phone) => prepareStoredPhone(context, phone.id)));
  await watchPhones(context, phoneIds, true);
}
