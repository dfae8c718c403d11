/** Opens a page (an address or a file) in the user's default browser, best effort. */
import { spawn } from 'node:child_process';

/**
 * Asks the desktop to open `target` (an address or a file path; it is on the opener's command
 * line, so never a secret); resolves false when no opener is available (a server, a container),
 * in which case the printed address is all the user needs.
 */
export function openInBrowser(target: string, platform = process.platform): Promise<boolean> {
  const [command, args] =
    platform === 'win32'
      ? ['cmd', ['/c', 'start', '""', target]]
      : platform === 'darwin'
        ? ['open', [target]]
        : ['xdg-open', [target]];
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.once('error', () => resolve(false));
    child.once('spawn', () => {
      child.unref();
      resolve(true);
    });
  });
}
