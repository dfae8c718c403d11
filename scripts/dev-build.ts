/**
 * Builds what a source checkout runs when it is missing or older than its sources, so `npm start`,
 * `npm run web` and the end-to-end tests never serve a stale UI after a `git pull`.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as buildDesktop } from 'electron-vite';
import { build as buildUi } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));

/** A build: the file it writes last, and the sources it is made from. */
interface Build {
  marker: string;
  inputs: string[];
}

/** The built UI (vite.config.ts → out/renderer), served by the browser host. */
const UI: Build = {
  marker: join(root, 'out', 'renderer', 'index.html'),
  inputs: ['src/renderer', 'src/shared', 'vite.config.ts'].map((path) => join(root, path)),
};

/** The desktop app (electron.vite.config.ts → out/main, out/preload, out/renderer). */
const DESKTOP: Build = {
  marker: join(root, 'out', 'main', 'index.js'),
  inputs: ['src', 'electron.vite.config.ts', 'vite.config.ts', 'package.json'].map((path) =>
    join(root, path),
  ),
};

/** The built UI's folder. */
export const UI_DIR = join(root, 'out', 'renderer');

function newestModification(path: string): number {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path).reduce(
    (newest, entry) => Math.max(newest, newestModification(join(path, entry))),
    stats.mtimeMs,
  );
}

function isStale({ marker, inputs }: Build): boolean {
  if (!existsSync(marker)) return true;
  const builtAt = statSync(marker).mtimeMs;
  return inputs.some((input) => existsSync(input) && newestModification(input) > builtAt);
}

/**
 * Runs `work` as a production build: under Vitest NODE_ENV is 'test', which would bundle React's
 * development build (twice the size, and not what users run).
 */
async function asProduction(work: () => Promise<unknown>): Promise<void> {
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await work();
  } finally {
    process.env.NODE_ENV = previous;
  }
}

/** Builds the UI unless it is current; `say` reports that it builds. */
export async function ensureUiBuilt(say: (line: string) => void = () => undefined): Promise<void> {
  if (!isStale(UI)) return;
  say('Building the UI (it is missing or older than its sources)…');
  await asProduction(() =>
    buildUi({ configFile: join(root, 'vite.config.ts'), mode: 'production', logLevel: 'warn' }),
  );
}

/** Builds the desktop app unless it is current. */
export async function ensureDesktopBuilt(say: (line: string) => void): Promise<void> {
  if (!isStale(DESKTOP)) return;
  say('Building the desktop app (it is missing or older than its sources)…');
  await asProduction(() => buildDesktop({ root, logLevel: 'warn' }));
}
