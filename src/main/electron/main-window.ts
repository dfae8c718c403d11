/** The main window: locked-down web preferences and a remembered size and position. */
import { BrowserWindow, screen } from 'electron';

import { DEFAULT_WINDOW_SIZE, loadWindowState, saveWindowState } from './window-state';

/**
 * Creates the (hidden until ready) main window. The web preferences are written out literally so
 * reviewers and electronegativity see them at the constructor: isolated, sandboxed, no Node, no
 * webviews, no middle-click windows.
 */
export async function createMainWindow(preload: string, stateFile: string): Promise<BrowserWindow> {
  const state = await loadWindowState(
    stateFile,
    screen.getAllDisplays().map((display) => display.workArea),
  );
  const window = new BrowserWindow({
    ...(state?.bounds ?? DEFAULT_WINDOW_SIZE),
    minWidth: 800,
    minHeight: 560,
    show: false,
    title: 'Deskpilot',
    webPreferences: {
      // Reviewed: the one sandboxed preload, exposing only the contract's verbs via contextBridge.
      preload /* eng-disable PRELOAD_JS_CHECK */,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  if (state?.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    void saveWindowState(stateFile, {
      bounds: window.getNormalBounds(),
      maximized: window.isMaximized(),
    });
  });
  return window;
}
