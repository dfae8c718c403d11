import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const rendererRoot = fileURLToPath(new URL('./src/renderer', import.meta.url));
const outDir = fileURLToPath(new URL('./out/renderer', import.meta.url));

/**
 * The renderer build: src/renderer/index.html → out/renderer. The browser host serves that folder
 * and electron-vite reuses this config for the Electron window, so there is one renderer build.
 * `base: './'` keeps asset URLs relative, which works under both http://127.0.0.1 and app://.
 */
export default defineConfig({
  root: rendererRoot,
  base: './',
  plugins: [react()],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    // The CSP forbids inline scripts and data: URLs for scripts; keep every asset a real file.
    assetsInlineLimit: 0,
    reportCompressedSize: true,
  },
});
