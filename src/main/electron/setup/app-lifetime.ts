/**
 * How the app stays and goes: closing the window hides it (the tray keeps Deskpilot running for
 * incoming calls and click-to-dial; Quit is in its menu), and quitting releases the shortcuts
 * and the tray and closes the core (every phone session) before the process exits.
 */
import { app, globalShortcut, type BrowserWindow } from 'electron';

import type { ShellCore } from './shell-core';

/** Wires the window's close and the app's quit; `release` undoes the tray and the like. */
export function manageLifetime(window: BrowserWindow, core: ShellCore, release: () => void): void {
  let quitting = false;
  let closed = false;
  window.on('close', (event) => {
    if (!quitting) {
      event.preventDefault();
      window.hide();
    }
  });
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('will-quit', (event) => {
    if (closed) return;
    closed = true;
    globalShortcut.unregisterAll();
    release();
    event.preventDefault();
    void core.close().finally(() => app.exit(0));
  });
}
