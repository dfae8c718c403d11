/**
 * The Electron build (`npm run build`): main process, sandboxed preload and renderer into
 * out/main, out/preload and out/renderer (or under `--outDir`).
 * The renderer reuses vite.config.ts so the browser host and the window serve one identical UI.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';

import rendererConfig from './vite.config';

const fromRoot = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  main: {
    build: {
      // Dependencies are bundled so the packaged asar holds out/ and package.json only.
      externalizeDeps: false,
      rollupOptions: { input: { index: fromRoot('./src/main/electron/index.ts') } },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can only require('electron'): everything else is bundled in.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: fromRoot('./src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    ...rendererConfig,
    build: {
      ...rendererConfig.build,
      // electron-vite places it in <outDir>/renderer (out/renderer by default, as vite.config.ts).
      outDir: undefined,
      rollupOptions: { input: fromRoot('./src/renderer/index.html') },
    },
  },
});
