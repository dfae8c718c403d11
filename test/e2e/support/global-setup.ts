import { ensureUiBuilt } from '../../../scripts/dev-build';

/**
 * Vitest global setup: builds the renderer once before any test file runs, so the end-to-end
 * tests (and `npm test` on a clean clone) always serve the current UI.
 */
export default async function setup(): Promise<void> {
  await ensureUiBuilt();
}
