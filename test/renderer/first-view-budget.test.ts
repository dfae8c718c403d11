import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ensureUiBuilt, UI_DIR } from '../../scripts/dev-build';

/** What the window may load before it shows anything: a budget that keeps start-up quick. */
const FIRST_VIEW_BYTES = 300_000;
const FIRST_VIEW_GZIP_BYTES = 100_000;

/** The scripts index.html loads at once (its entry and what it preloads), not the lazy views. */
async function firstViewScripts(): Promise<string[]> {
  const html = await readFile(join(UI_DIR, 'index.html'), 'utf8');
  const sources = [
    ...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ].map((match) => match[1] ?? '');
  return Promise.all(sources.map((source) => readFile(join(UI_DIR, source), 'utf8')));
}

describe('the built UI', () => {
  it('loads its first view within 300 KB of JavaScript, 100 KB gzipped', async () => {
    await ensureUiBuilt();
    const scripts = await firstViewScripts();
    expect(scripts.length).toBeGreaterThan(0);
    const bytes = scripts.reduce((sum, script) => sum + Buffer.byteLength(script), 0);
    const gzipped = scripts.reduce((sum, script) => sum + gzipSync(script).length, 0);
    expect(bytes).toBeLessThanOrEqual(FIRST_VIEW_BYTES);
    expect(gzipped).toBeLessThanOrEqual(FIRST_VIEW_GZIP_BYTES);
  });

  it('ships no test tooling: the accessibility audit stays in the tests', async () => {
    await ensureUiBuilt();
    const assets = await readdir(join(UI_DIR, 'assets'));
    for (const asset of assets.filter((name) => name.endsWith('.js'))) {
      const code = await readFile(join(UI_DIR, 'assets', asset), 'utf8');
      // Every axe-core rule links to its help on dequeuniversity.com.
      expect({ asset, axe: code.includes('dequeuniversity.com') }).toEqual({ asset, axe: false });
    }
  });
});
