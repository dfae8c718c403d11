import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    // Builds the renderer once (if stale) for the end-to-end tests, so `npm test` works on a clean clone.
    globalSetup: ['test/e2e/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Each file starts its own simulator phones on ephemeral ports; two cores here.
    fileParallelism: true,
    maxWorkers: 2,
    // Inlined so that its own `import electron from 'electron'` meets the tests' stand-in.
    server: { deps: { inline: ['electron-store'] } },
  },
});
