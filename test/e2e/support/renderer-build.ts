import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
/** The built UI the browser host serves. */
export const RENDERER_OUT_DIR = join(repoRoot, 'out', 'renderer');
const BUILT_MARKER = join(RENDERER_OUT_DIR, 'index.html');
const RENDERER_INPUTS = [
  join(repoRoot, 'src', 'renderer'),
  join(repoRoot, 'src', 'shared'),
  join(repoRoot, 'vite.config.ts'),
];

function newestModification(path: string): number {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path).reduce(
    (newest, entry) => Math.max(newest, newestModification(join(path, entry))),
    stats.mtimeMs,
  );
}

/** Whether out/renderer is missing or older than any renderer source. */
export function rendererIsStale(): boolean {
  if (!existsSync(BUILT_MARKER)) return true;
  const builtAt = statSync(BUILT_MARKER).mtimeMs;
  return RENDERER_INPUTS.some((input) => existsSync(input) && newestModification(input) > builtAt);
}

/** Builds the renderer with vite's JS API (the repository's vite.config.ts) unless it is fresh. */
export async function ensureRendererBuilt(): Promise<void> {
  if (!rendererIsStale()) return;
  // Vitest sets NODE_ENV=test, which would make vite bundle React's development build (twice the
  // size, and not what users run); build exactly what `npm run build:web` builds.
  const testEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: join(repoRoot, 'vite.config.ts'),
      mode: 'production',
      logLevel: 'warn',
    });
  } finally {
    process.env.NODE_ENV = testEnv;
  }
}
