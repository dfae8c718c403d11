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
  phone: string | null;
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
  /** `watch --all`: every configured phone. */
  all: boolean;
  help: boolean;
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
        phone: { type: 'string' },
        url: { type: 'string' },
        user: { type: 'string' },
        password: { type: 'string' },
        'accept-certificate': { type: 'string' },
        line: { type: 'string' },
        wait: { type: 'string' },
        'no-wait': { type: 'boolean' },
        yes: { type: 'boolean' },
        all: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  return {
    words: positionals,
    options: {
      dataDir: values['data-dir'] ?? (env.DESKPILOT_DATA_DIR || null),
      json: values.json ?? false,
      phone: values.phone ?? null,
      url: values.url ?? null,
      user: values.user ?? null,
      password: values.password ?? (env.DESKPILOT_PASSWORD || null),
      acceptCertificate: values['accept-certificate'] ?? null,
      line: values.line === undefined ? null : parseLine(values.line),
      wait: values.wait === undefined ? null : parseWait(values.wait),
      noWait: values['no-wait'] ?? false,
      yes: values.yes ?? false,
      all: values.all ?? false,
      help: values.help ?? false,
    },
  };
}

function parseWait(text: string): number {
  const seconds = Number(text);
  if (!/^\d+$/.test(text) || seconds > 600) {
    throw new UsageError(`--wait takes seconds from 0 to 600, not "${text}".`);
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
