/**
 * The `deskpilot` command as JavaScript (`npm run build:cli` → out/cli/deskpilot.mjs), so an
 * installed copy runs compiled code on plain Node; a source checkout runs the TypeScript through
 * tsx instead (see bin/deskpilot.mjs). Dependencies stay external: npm installs them.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const fromRoot = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  build: {
    ssr: fromRoot('./src/main/cli/main.ts'),
    outDir: fromRoot('./out/cli'),
    emptyOutDir: true,
    target: 'node20',
    rollupOptions: { output: { entryFileNames: 'deskpilot.mjs' } },
  },
});
