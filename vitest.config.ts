import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Each file starts its own simulator phones on ephemeral ports; two cores here.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
