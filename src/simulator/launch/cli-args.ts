import { listDialects } from '../dialects/dialects';
import type { SimulatorOptions } from './options';

export type ParsedArgs =
  { ok: true; options: SimulatorOptions; help: boolean } | { ok: false; message: string };

/** The CLI's help text, printed for --help and after a bad flag. */
export const USAGE = `Usage: npm run sim -- [options]

  --port P             first port (default 8080); phone k listens on P+k-1; 0 = any free port
  --phones N           number of phones (default 1)
  --https              serve HTTPS with a self-signed certificate per phone
  --model M            VVX model, e.g. VVX601 or 601 (default VVX601)
  --dialect D          how the phones answer (default reference; see Dialects below)
  --admin-password PW  admin password (default deskpilot)
  --user-password PW   user password (default 123)
  --latency MS         processing time added to each request (default 0)
  --control-token T    bearer token of the /__sim/ control API (default random)
  --digest             ask for HTTP Digest instead of Basic
  --queue              queue a request that arrives during another instead of answering 403
  --later-firmware     also serve simulateKeyEvent and simulateTextInput
  --firmware V         report firmware version V instead of the dialect's (e.g. 5.6.1.1234)
  --screen-capture     start with screen capture on (as provisioned by an admin)
  --modules N          expansion modules per phone, 0-3 (models that take them)
  --api-disabled       start with the REST API disabled (apps.restapi.enabled=0)
  --far-end-answer MS  how long the far end takes to answer (default 1500)
  --reboot MS          how long a reboot keeps the phone unreachable (default 3000)
  --help               show this text

Dialects:
${listDialects()
  .map((d) => `  ${d.name.padEnd(20)} ${d.summary}`)
  .join('\n')}`;

const NUMBER_FLAGS: Record<string, keyof SimulatorOptions> = {
  '--port': 'port',
  '--phones': 'phones',
  '--latency': 'latencyMs',
  '--far-end-answer': 'farEndAnswerMs',
  '--reboot': 'rebootMs',
  '--modules': 'expansionModules',
};
const TEXT_FLAGS: Record<string, keyof SimulatorOptions> = {
  '--model': 'model',
  '--dialect': 'dialect',
  '--admin-password': 'adminPassword',
  '--user-password': 'userPassword',
  '--control-token': 'controlToken',
  '--firmware': 'firmware',
};
const SWITCHES: Record<string, keyof SimulatorOptions> = {
  '--https': 'https',
  '--digest': 'digest',
  '--queue': 'queueParallel',
  '--later-firmware': 'laterFirmware',
  '--screen-capture': 'screenCapture',
};

/** Parses the CLI's flags (`--flag value` or `--flag=value`); the CLI's default port is 8080. */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const options: Record<string, string | number | boolean> = { port: 8080 };
  let help = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if (flag === '--help' || flag === '-h') {
      help = true;
      continue;
    }
    if (flag === '--api-disabled') {
      options.restApiEnabled = false;
      continue;
    }
    const switchName = SWITCHES[flag];
    if (switchName) {
      options[switchName] = true;
      continue;
    }
    const numberName = NUMBER_FLAGS[flag];
    const textName = TEXT_FLAGS[flag];
    if (!numberName && !textName) return { ok: false, message: `unknown option ${arg}` };
    const value = eq > 0 ? arg.slice(eq + 1) : argv[(i += 1)];
    if (value === undefined || (eq < 0 && value.startsWith('--'))) {
      return { ok: false, message: `${flag} needs a value` };
    }
    if (numberName) {
      if (!/^\d+$/.test(value))
        return { ok: false, message: `${flag} takes a whole number, not "${value}"` };
      options[numberName] = Number(value);
    } else if (textName) {
      options[textName] = value;
    }
  }
  return { ok: true, options: options as SimulatorOptions, help };
}
