/**
 * The app preferences the operating system carries out: the global shortcut that dials the
 * clipboard and starting at login, applied at start and again whenever the settings change.
 */
import { app } from 'electron';

import type { AppSettings } from '../../../shared/settings';
import { applyClipboardShortcut } from '../clipboard-shortcut';
import type { ShellCore } from './shell-core';

export interface PreferenceActions {
  dialClipboard(text: string): void;
  notify(title: string, body: string): void;
}

/** Applies the current settings and follows their changes; returns the settings getter. */
export async function followPreferences(
  core: ShellCore,
  actions: PreferenceActions,
): Promise<() => AppSettings> {
  const loaded = await core.dispatcher.call('settings.get', {});
  if (!loaded.ok) throw new Error(`The settings could not be read: ${loaded.error.message}`);
  let settings = loaded.value;
  const applyShortcut = (accelerator: string, previous: string): void => {
    const problem = applyClipboardShortcut(accelerator, previous, actions.dialClipboard);
    if (problem !== null) actions.notify('Deskpilot shortcut', problem);
  };
  applyShortcut(settings.globalShortcut, '');
  app.setLoginItemSettings({ openAtLogin: settings.startAtLogin });
  core.subscribe('settings-changed', (next) => {
    if (next.globalShortcut !== settings.globalShortcut) {
      applyShortcut(next.globalShortcut, settings.globalShortcut);
    }
    if (next.startAtLogin !== settings.startAtLogin) {
      app.setLoginItemSettings({ openAtLogin: next.startAtLogin });
    }
    settings = next;
  });
  return () => settings;
}
