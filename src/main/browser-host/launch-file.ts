/**
 * The sign-in file: a private (0600) page in the data folder that sends a browser on to a fresh
 * sign-in link. The browser is opened on this file, so no secret ever appears on a command line,
 * where every local user can read it (`ps`); the file gets a new link after each use and before
 * the link expires, and is removed when the host stops.
 */
import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';

/** The sign-in file of a running host. */
export interface LaunchFile {
  readonly path: string;
  /** Writes a new link into the file (after one was used). */
  refresh(): Promise<void>;
  /** Stops refreshing and removes the file. */
  close(): Promise<void>;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

function page(link: string): string {
  const href = escapeHtml(link);
  return `<!doctype html>
<meta charset="utf-8">
<meta name="referrer" content="no-referrer">
<meta http-equiv="refresh" content="0;url=${href}">
<title>Opening Deskpilot</title>
<p>Opening Deskpilot… If nothing happens, <a href="${href}">continue here</a>.</p>
`;
}

/**
 * Writes the sign-in file at `path` with a link from `signInUrl`, and keeps it fresh every
 * `refreshEveryMs` (less than a link's lifetime).
 */
export async function writeLaunchFile(
  path: string,
  signInUrl: () => string,
  refreshEveryMs: number,
): Promise<LaunchFile> {
  let writing = Promise.resolve();
  const write = (): Promise<void> => {
    writing = writing.then(async () => {
      // Written beside it, private from the first byte, then moved over the old file at once.
      const draft = `${path}.${randomBytes(6).toString('hex')}.tmp`;
      await writeFile(draft, page(signInUrl()), { mode: 0o600, flag: 'wx' });
      await rename(draft, path);
    });
    return writing;
  };
  await write();
  const timer = setInterval(() => void write().catch(() => undefined), refreshEveryMs);
  timer.unref();
  return {
    path,
    refresh: write,
    async close() {
      clearInterval(timer);
      await writing.catch(() => undefined);
      await rm(path, { force: true });
    },
  };
}
