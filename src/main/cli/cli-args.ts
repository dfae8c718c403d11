import { parseArgs } from 'node:util';

/** A mistake in how the CLI was called: printed with the usage hint, exit status 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The options every command understands, after parsing. */
export interface CliOptions {
  dataDir: string | null;
  json: boolean;
  /** The one phone of a phone command (`--phone`); null when none or several were given. */
  phone: string | null;
  /** Every `--phone` given (fleet commands take several). */
  phones: string[];
  url: string | null;
  user: string | null;
  password: string | null;
  acceptCertificate: string | null;
  line: number | null;
  /** Seconds `push on` waits for the first event (null: its default). */
  wait: number | null;
  /** `dial` reports as soon as the phone shows the call, without waiting for an answer. */
  noWait: boolean;
  yes: boolean;
  help: boolean;
  /** Fleet: `--group G` (the phones of a group; for an import, the group of rows without one). */
  group: string | null;
  /** Fleet: say what would happen, change nothing. */
  dryRun: boolean;
  /** Fleet import: certificate fingerprints accepted (`--accept`, repeatable). */
  accept: string[];
  /** Fleet import: accept every certificate the preview lists, after printing them. */
  acceptListedCertificates: boolean;
  /** Read the password from the first line of standard input. */
  passwordStdin: boolean;
  /** Fleet restart: reboot instead of restarting the phone application. */
  reboot: boolean;
  /** Fleet restart: seconds between two phones (null: the default). */
  stagger: number | null;
  /** Fleet restart: restart phones in a call too. */
  includeInCall: boolean;
  /** Fleet inventory: print CSV instead of a table. */
  csv: boolean;
}

export interface ParsedCommandLine {
  options: CliOptions;
  /** The command words and their arguments, e.g. ['dial', '5551234']. */
  words: string[];
}

/**
 * Parses the command line: options may appear anywhere; unknown options and malformed values are
 * usage errors naming the problem. `DESKPILOT_PASSWORD` and `DESKPILOT_DATA_DIR` fill in the
 * password and data directory when the options are absent, so passwords need not appear in `ps`.
 */
export function parseCommandLine(argv: string[], env: NodeJS.ProcessEnv): ParsedCommandLine {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        'data-dir': { type: 'string' },
        json: { type: 'boolean' },
        phone: { type: 'string', multiple: true },
        url: { type: 'string' },
        user: { type: 'string' },
        password: { type: 'string' },
        'accept-certificate': { type: 'string' },
        line: { type: 'string' },
        wait: { type: 'string' },
        'no-wait': { type: 'boolean' },
        yes: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        group: { type: 'string' },
        'dry-run': { type: 'boolean' },
        accept: { type: 'string', multiple: true },
        'accept-listed-certificates': { type: 'boolean' },
        'password-stdin': { type: 'boolean' },
        reboot: { type: 'boolean' },
        stagger: { type: 'string' },
        'include-in-call': { type: 'boolean' },
        csv: { type: 'boolean' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const phones = values.phone ?? [];
  return {
    words: positionals,
    options: {
      dataDir: values['data-dir'] ?? (env.DESKPILOT_DATA_DIR || null),
      json: values.json ?? false,
      phone: phones.length === 1 ? (phones[0] ?? null) : null,
      phones,
      url: values.url ?? null,
      user: values.user ?? null,
      password: values.password ?? (env.DESKPILOT_PASSWORD || null),
      acceptCertificate: values['accept-certificate'] ?? null,
      line: values.line === undefined ? null : parseLine(values.line),
      wait: values.wait === undefined ? null : parseSeconds('--wait', values.wait),
      noWait: values['no-wait'] ?? false,
      yes: values.yes ?? false,
      help: values.help ?? false,
      group: values.group ?? null,
      dryRun: values['dry-run'] ?? false,
      accept: values.accept ?? [],
      acceptListedCertificates: values['accept-listed-certificates'] ?? false,
      passwordStdin: values['password-stdin'] ?? false,
      reboot: values.reboot ?? false,
      stagger: values.stagger === undefined ? null : parseSeconds('--stagger', values.stagger),
      includeInCall: values['include-in-call'] ?? false,
      csv: values.csv ?? false,
    },
  };
}

/** Seconds from 0 to 600, as `--wait` and `--stagger` take them. */
function parseSeconds(option: string, text: string): number {
  const seconds = Number(text);
  if (!/^\d+$/.test(text) || seconds > 600) {
    throw new UsageError(`${option} takes seconds from 0 to 600, not "${text}".`);
  }
  return seconds;
}

function parseLine(text: string): number {
  const line = Number(text);
  if (!/^\d+$/.test(text) || line < 1 || line > 48) {
    throw new UsageError(`--line takes a line number from 1 to 48, not "${text}".`);
  }
  return line;
}
