import type { ContractError } from '../../shared/contract/errors';
import { EventLines, type LineSink } from './event-lines';

/** Where the CLI writes; the process streams in production, anything writable in tests. */
export interface CliStreams {
  stdout: LineSink;
  stderr: { write(text: string): unknown };
}

/**
 * Prints results: JSON on stdout with `--json`, readable text otherwise. Errors always go to
 * stderr in words (and, with `--json`, also as `{"error": …}` on stdout for scripts).
 */
export class CliOutput {
  constructor(
    private readonly streams: CliStreams,
    private readonly json: boolean,
  ) {}

  /** Prints a command's result; `text` renders it for people (default: an indented outline). */
  result(value: unknown, text: (value: unknown) => string = outline): void {
    if (this.json) this.streams.stdout.write(`${JSON.stringify(value)}\n`);
    else this.streams.stdout.write(ensureNewline(text(value)));
  }

  /** JSON lines for `watch`, held for a slow reader up to a bound (see EventLines). */
  eventLines(onCaughtUp: (dropped: number) => void): EventLines {
    return new EventLines(this.streams.stdout, onCaughtUp);
  }

  /** Prints an informational note on stderr, so stdout stays machine-readable. */
  note(text: string): void {
    this.streams.stderr.write(ensureNewline(text));
  }

  /** Reports a failure in words. */
  error(error: ContractError): void {
    if (this.json) this.streams.stdout.write(`${JSON.stringify({ error })}\n`);
    this.streams.stderr.write(ensureNewline(`deskpilot: ${error.message} [${error.code}]`));
  }
}

function ensureNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}

/** A readable outline of any JSON-like value: nested keys indented, arrays as items. */
export function outline(value: unknown, indent = ''): string {
  if (value === null || value === undefined) return `${indent}Done.`;
  if (typeof value !== 'object') return `${indent}${String(value)}`;
  if (Array.isArray(value)) {
    if (value.length === 0) return `${indent}(none)`;
    // Each item is rendered one level deeper, then its first indent becomes the "- " bullet.
    return value
      .map((item) => `${indent}- ${outline(item, `${indent}  `).slice(indent.length + 2)}`)
      .join('\n');
  }
  const lines: string[] = [];
  for (const [key, item] of Object.entries(value)) {
    if (item !== null && typeof item === 'object') {
      lines.push(`${indent}${key}:`, outline(item, `${indent}  `));
    } else {
      lines.push(`${indent}${key}: ${item === null ? '-' : String(item)}`);
    }
  }
  return lines.length === 0 ? `${indent}(empty)` : lines.join('\n');
}
