/**
 * `deskpilot fleet import|inventory|config-set|restart`: many phones at once, through the same
 * fleet channels as the window. Each runs as a job: progress on stderr when a person watches it,
 * Ctrl-C cancels the job after the phones in hand and prints what was done. Exit status 0 when
 * everything asked was done, 1 otherwise (with the report).
 */
import { randomUUID } from 'node:crypto';
import { open } from 'node:fs/promises';

import { MAX_FLEET_CSV_BYTES, MAX_FLEET_CSV_CHARS } from '../../shared/fleet-limits';
import { inventoryCsv } from '../../shared/fleet-inventory';
import { isPlainHttp } from '../../shared/plain-http';
import { UsageError } from './cli-args';
import { call, CommandFailed, CommandIncomplete, type CliContext } from './cli-context';
import {
  formatConfigPlan,
  formatConfigReport,
  formatImportPreview,
  formatImportReport,
  formatInventory,
  formatRestartReport,
} from './fleet-format';
import { splitAssignment } from './phone-commands';
import { DEFAULT_USERNAME, warnIfPlainHttp } from './phone-target';

/** Seconds between two phones of a restart when `--stagger` is not given. */
const DEFAULT_STAGGER_SECONDS = 10;

const FLEET_USAGE =
  'Usage: deskpilot fleet import FILE | inventory | config-set NAME=VALUE... | restart';

/** Runs one `fleet` subcommand. */
export async function runFleetCommand(context: CliContext, args: string[]): Promise<void> {
  const [verb, ...rest] = args;
  switch (verb) {
    case 'import':
      if (rest.length !== 1) throw new UsageError('Usage: deskpilot fleet import FILE');
      return importPhones(context, rest[0] ?? '');
    case 'inventory':
      if (rest.length !== 0) throw new UsageError('Usage: deskpilot fleet inventory');
      return inventory(context);
    case 'config-set':
      if (rest.length === 0)
        throw new UsageError('Usage: deskpilot fleet config-set NAME=VALUE...');
      return configSet(context, Object.fromEntries(rest.map(splitAssignment)));
    case 'restart':
      if (rest.length !== 0) throw new UsageError('Usage: deskpilot fleet restart');
      return restart(context);
    default:
      throw new UsageError(FLEET_USAGE);
  }
}

/**
 * Runs one fleet job: its progress drawn on stderr, Ctrl-C turned into a cancel of this job
 * (the request then answers with what was done).
 */
async function asJob<T>(context: CliContext, run: (jobId: string) => Promise<T>): Promise<T> {
  const jobId = `cli-${randomUUID()}`;
  const { output, signal } = context;
  // Ctrl-C before this job began (during the one before it) starts nothing more.
  if (signal.aborted) throw new CommandIncomplete('Cancelled.');
  const off = context.core.subscribe('fleet-progress', (progress) => {
    if (progress.jobId !== jobId) return;
    output.progress(
      progress.ended ? null : `[${progress.done}/${progress.total}] ${progress.current ?? ''}`,
    );
  });
  const cancel = () => void context.dispatcher.call('fleet.cancel', { jobId });
  signal.addEventListener('abort', cancel, { once: true });
  try {
    return await run(jobId);
  } finally {
    signal.removeEventListener('abort', cancel);
    off();
    output.progress(null);
  }
}

/** The phone ids of `--phone NAME` (repeatable), `--group G`, or every configured phone. */
function selection(context: CliContext): string[] {
  const { options, core } = context;
  // In name order ("Desk 2" before "Desk 10"), as a person reading the report expects.
  const all = core.phones
    .list()
    .sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
  if (options.phones.length > 0 && options.group !== null) {
    throw new UsageError('Give either --phone or --group, not both.');
  }
  let chosen = all;
  if (options.phones.length > 0) {
    chosen = options.phones.map((name) => {
      const phone = core.phones.findByName(name);
      if (phone === undefined) {
        throw new CommandFailed({
          code: 'unknown-phone',
          message: `No phone is called "${name}".`,
        });
      }
      return phone;
    });
  } else if (options.group !== null) {
    const group = options.group.trim().toLowerCase();
    chosen = all.filter((phone) => phone.group?.toLowerCase() === group);
    if (chosen.length === 0) {
      const groups = [...new Set(all.flatMap((phone) => phone.group ?? []))];
      throw new CommandFailed({
        code: 'invalid-argument',
        message: `No phone is in the group "${options.group}" (groups: ${groups.map((name) => `"${name}"`).join(', ') || 'none'}).`,
      });
    }
  }
  if (chosen.length === 0) {
    throw new UsageError('No phone is configured: add them with "deskpilot fleet import FILE".');
  }
  // A password given for this run serves the phones whose stored password this process cannot read.
  if (options.password !== null) {
    for (const phone of chosen) {
      if (!phone.hasPassword) core.phones.usePasswordForNow(phone.id, options.password);
    }
  }
  // Said once, however many of the phones use plain HTTP.
  const plain = chosen.find((phone) => isPlainHttp(phone.url));
  if (plain !== undefined) warnIfPlainHttp(context, plain.url);
  return chosen.map((phone) => phone.id);
}

async function importPhones(context: CliContext, file: string): Promise<void> {
  const { options, output } = context;
  const csv = await readImportFile(file);
  // Rows over plain HTTP get the password in the clear when they are tried.
  const plain = /\bhttp:\/\/[^\s,;|"]+/i.exec(csv);
  if (plain !== null) warnIfPlainHttp(context, plain[0]);
  const request = {
    csv,
    username: options.user ?? DEFAULT_USERNAME,
    ...(await sharedPassword(context)),
    ...(options.group === null ? {} : { group: options.group }),
  };
  if (options.dryRun) {
    const preview = await asJob(context, (jobId) =>
      call(context, 'fleet.previewImport', {
        ...request,
        jobId,
        acceptFingerprints: options.accept,
      }),
    );
    output.result(preview, () => formatImportPreview(preview));
    if (preview.cancelled) throw new CommandIncomplete('Cancelled.');
    return;
  }
  let acceptFingerprints = options.accept;
  if (options.acceptListedCertificates) {
    const preview = await asJob(context, (jobId) =>
      call(context, 'fleet.previewImport', { ...request, jobId, acceptFingerprints }),
    );
    if (preview.cancelled) throw new CommandIncomplete('Cancelled before anything was added.');
    // Shown before they are accepted, so the log of the run says which certificates were trusted.
    output.note('Accepting the certificates listed, as --accept-listed-certificates asks:');
    for (const { name, url, fingerprint } of preview.certificates) {
      output.note(`  ${name}  ${url}  ${fingerprint}`);
    }
    acceptFingerprints = [
      ...acceptFingerprints,
      ...preview.certificates.map((certificate) => certificate.fingerprint),
    ];
  }
  const report = await asJob(context, (jobId) =>
    call(context, 'fleet.import', { ...request, jobId, acceptFingerprints }),
  );
  output.result(report, () => formatImportReport(report));
  if (report.cancelled) {
    throw new CommandIncomplete('Cancelled: rows after the ones in hand were not added.');
  }
  if (report.skipped.length > 0) {
    throw new CommandIncomplete(
      `${counted(report.skipped.length, 'row')} not added; the reasons are above.`,
    );
  }
}

/** "1 phone", "3 phones". */
function counted(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Reads the import file, refusing one larger than an import takes before reading it all. */
async function readImportFile(path: string): Promise<string> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : 'error';
    throw new CommandFailed({
      code: 'invalid-argument',
      message: `The import file "${path}" cannot be read (${code}).`,
    });
  }
  try {
    // Characters are at most four bytes each: a larger file is refused without reading it.
    const { size } = await handle.stat();
    const text = size > MAX_FLEET_CSV_BYTES ? null : await handle.readFile('utf8');
    if (text === null || text.length > MAX_FLEET_CSV_CHARS) {
      throw new CommandFailed({
        code: 'invalid-argument',
        message: `The import file is too large: an import takes at most ${MAX_FLEET_CSV_CHARS.toLocaleString('en')} characters.`,
      });
    }
    return text;
  } finally {
    await handle.close();
  }
}

/** The shared password: the first line of stdin (`--password-stdin`), --password, the env, or none. */
async function sharedPassword(context: CliContext): Promise<{ password?: string }> {
  const { options } = context;
  if (!options.passwordStdin) {
    return options.password === null ? {} : { password: options.password };
  }
  const stdin = context.stdin();
  if (stdin === undefined) throw new UsageError('--password-stdin: there is no standard input.');
  let text = '';
  for await (const chunk of stdin) {
    text += chunk.toString();
    // The first line is all that is read, and a bounded amount of it.
    if (text.includes('\n') || text.length > 1024) break;
  }
  const password = text.split(/\r?\n/)[0] ?? '';
  if (password === '') {
    throw new UsageError('--password-stdin: the first line of standard input is empty.');
  }
  return { password };
}

async function inventory(context: CliContext): Promise<void> {
  const phoneIds = selection(context);
  const result = await asJob(context, (jobId) =>
    call(context, 'fleet.inventory', { jobId, phoneIds }),
  );
  context.output.result(result, () =>
    context.options.csv ? inventoryCsv(result.rows) : formatInventory(result),
  );
  const unread = result.rows.filter((row) => row.problem !== null).length;
  if (result.cancelled) throw new CommandIncomplete('Cancelled.');
  if (unread > 0) throw new CommandIncomplete(`${counted(unread, 'phone')} could not be read.`);
}

async function configSet(context: CliContext, values: Record<string, string>): Promise<void> {
  const phoneIds = selection(context);
  const { output, options } = context;
  const plan = await asJob(context, (jobId) =>
    call(context, 'fleet.previewConfig', { jobId, phoneIds, values }),
  );
  if (options.dryRun) {
    output.result(plan, () => formatConfigPlan(plan));
    if (plan.cancelled) throw new CommandIncomplete('Cancelled.');
    return;
  }
  if (plan.cancelled) throw new CommandIncomplete('Cancelled before anything was changed.');
  // What will change is said before it changes (the report follows on stdout).
  if (!options.json) output.note(formatConfigPlan(plan));
  const report = await asJob(context, (jobId) =>
    call(context, 'fleet.applyConfig', { jobId, phoneIds, values }),
  );
  output.result(report, () => formatConfigReport(report));
  if (report.failed !== null) {
    throw new CommandIncomplete(`Stopped at ${report.failed.name}: ${report.failed.message}`);
  }
  if (report.cancelled) throw new CommandIncomplete('Cancelled.');
}

async function restart(context: CliContext): Promise<void> {
  const phoneIds = selection(context);
  const { options, output } = context;
  const kind = options.reboot ? 'reboot' : 'restart';
  const report = await asJob(context, (jobId) =>
    call(context, 'fleet.restart', {
      jobId,
      phoneIds,
      kind,
      staggerSeconds: options.stagger ?? DEFAULT_STAGGER_SECONDS,
      includeInCall: options.includeInCall,
      dryRun: options.dryRun,
    }),
  );
  output.result(report, () => formatRestartReport(report, kind));
  if (report.cancelled) throw new CommandIncomplete('Cancelled.');
  if (report.failed.length > 0) {
    throw new CommandIncomplete(`${counted(report.failed.length, 'phone')} failed.`);
  }
  if (report.skippedInCall.length > 0 && !report.dryRun) {
    throw new CommandIncomplete(
      `${counted(report.skippedInCall.length, 'phone')} in a call left alone.`,
    );
  }
}
