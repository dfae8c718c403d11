/** The global shortcut that dials the number on the clipboard (configurable in settings). */
import { clipboard, globalShortcut } from 'electron';

/**
 * Registers `accelerator` (empty: none) to call `dial` with the clipboard's text, replacing the
 * previous registration. Returns a message when the OS refuses it (taken by another app, or not
 * a valid accelerator), null otherwise.
 */
export function applyClipboardShortcut(
  accelerator: string,
  previous: string,
  dial: (text: string) => void,
): string | null {
  if (previous !== '' && globalShortcut.isRegistered(previous)) globalShortcut.unregister(previous);
  if (accelerator === '') return null;
  let registered: boolean;
  try {
    registered = globalShortcut.register(accelerator, () => void clipboard.readText().then(dial));
  } catch {
    registered = false;
  }
  return registered
    ? null
    : `The shortcut ${accelerator} could not be registered (another app may use it); choose another in Settings.`;
}
