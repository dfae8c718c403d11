/** Entry point of the Electron main process (built by electron-vite to out/main/index.js). */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, dialog } from 'electron';

import { startDesktopApp } from './desktop-app';

const fromBuild = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));

startDesktopApp({
  rendererDir: fromBuild('../renderer'),
  preload: fromBuild('../preload/index.cjs'),
  trayIcon: join(app.getAppPath(), 'assets', 'tray.png'),
}).catch((error: unknown) => {
  dialog.showErrorBox(
    'Deskpilot could not start',
    error instanceof Error ? error.message : String(error),
  );
  app.exit(1);
});
