/** Serves the built UI (out/renderer) without ever leaving that directory. */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** A file to send, or why not. */
export type StaticLookup =
  | { kind: 'file'; body: Buffer; contentType: string }
  | { kind: 'not-found' }
  | { kind: 'not-built'; message: string };

/** Whether the UI has been built into `rootDir`. */
export async function isRendererBuilt(rootDir: string): Promise<boolean> {
  try {
    return (await stat(join(rootDir, 'index.html'))).isFile();
  } catch {
    return false;
  }
}

/** The message shown when the UI has not been built yet. */
export function notBuiltMessage(rootDir: string): string {
  return `The Deskpilot UI is not built (no ${join(rootDir, 'index.html')}): run "npm run build:web" first.`;
}

/**
 * Finds the file for a URL path under `rootDir`. Paths without an extension fall back to
 * index.html (the UI routes in the browser); paths that escape the root are not found.
 */
export async function lookupStaticFile(rootDir: string, urlPath: string): Promise<StaticLookup> {
  if (!(await isRendererBuilt(rootDir)))
    return { kind: 'not-built', message: notBuiltMessage(rootDir) };
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { kind: 'not-found' };
  }
  if (decoded.includes('\0')) return { kind: 'not-found' };
  const root = resolve(rootDir);
  const relative = decoded === '/' || extname(decoded) === '' ? '/index.html' : decoded;
  const target = resolve(root, `.${normalize(relative)}`);
  if (target !== root && !target.startsWith(root + sep)) return { kind: 'not-found' };
  try {
    const body = await readFile(target);
    const contentType = CONTENT_TYPES[extname(target).toLowerCase()] ?? 'application/octet-stream';
    return { kind: 'file', body, contentType };
  } catch {
    return { kind: 'not-found' };
  }
}
