/** Finds a dial request in a command line: `--dial NUMBER`, `--dial=NUMBER` or a bare link. */
import type { DialRequest } from '../../shared/contract/links';

const LINK_SCHEMES = ['tel:', 'callto:', 'sip:', 'sips:'];

/** The URL schemes Deskpilot registers as the operating system's handler for. */
export const DIAL_PROTOCOLS = ['tel', 'callto', 'sip'] as const;

/** Whether an argument is a click-to-dial link the OS handed us. */
function isDialLink(argument: string): boolean {
  const lower = argument.toLowerCase();
  return LINK_SCHEMES.some((scheme) => lower.startsWith(scheme));
}

/**
 * The raw dial request in `argv` (a process's or a second instance's), or null. The text is not
 * trusted: the core parses it and refuses anything that is not a number or SIP URI.
 */
export function findDialRequest(
  argv: readonly string[],
): { source: DialRequest['source']; raw: string } | null {
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index] ?? '';
    if (argument === '--dial') {
      const next = argv[index + 1];
      return next === undefined ? null : { source: 'command-line', raw: next };
    }
    if (argument.startsWith('--dial=')) {
      return { source: 'command-line', raw: argument.slice('--dial='.length) };
    }
    if (isDialLink(argument)) return { source: 'link', raw: argument };
  }
  return null;
}
