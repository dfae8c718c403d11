/** Parses `npm run web -- [--port P] [--demo] [--data-dir D] [--no-open]`. */
import { parseArgs } from 'node:util';

export interface WebCliOptions {
  port: number;
  demo: boolean;
  dataDir: string | null;
  open: boolean;
}

export const WEB_USAGE =
  'Usage: npm run web -- [--port P] [--demo] [--data-dir D] [--no-open]\n' +
  '  --port P      listen on 127.0.0.1:P (default: a free port)\n' +
  '  --demo        start the built-in demo phone\n' +
  '  --data-dir D  keep phones and settings in D (default: your per-user Deskpilot folder)\n' +
  '  --no-open     do not open a browser';

/**
 * Returns the options, `{ help: true }` for --help, or a message naming the bad flag (the caller
 * exits with code 2).
 */
export function parseWebCliOptions(
  argv: string[],
): WebCliOptions | { help: true } | { error: string } {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        demo: { type: 'boolean', default: false },
        'data-dir': { type: 'string' },
        'no-open': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  if (values.help) return { help: true };
  const port = values.port === undefined ? 0 : Number(values.port);
  // Digits only: Number() would also take "", " 80" and "0x50" as ports.
  if ((values.port !== undefined && !/^\d+$/.test(values.port)) || port > 65535) {
    return { error: `--port must be a whole number from 0 to 65535, not "${values.port}"` };
  }
  return {
    port,
    demo: values.demo,
    dataDir: values['data-dir'] ?? null,
    open: !values['no-open'],
  };
}
