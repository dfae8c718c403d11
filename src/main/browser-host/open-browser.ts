/** Opens a URL in the user's default browser, best effort. */
import { spawn } from 'node:child_process';

/**
 * Asks the desktop to open `url`; resolves false when no opener is available (a server, a
 * container), in which case the printed address is all the user needs.
 */
export function openInBrowser(url: string, platform = process.platform): Promise<boolean> {
  const [command, args] =
    platform === 'win32'
      ? ['cmd', ['/c', 'start', '""', url]]
      : platform === 'darwin'
        ? ['open', [url]]
        : ['xdg-open', [url]];
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.once('error', () => resolve(false));
    child.once('spawn', () => {
      child.unref();
      resolve(true);
    });
  });
}
