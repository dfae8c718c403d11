/** Where Deskpilot keeps phones, preferences and secrets when no directory is given. */
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The per-user data directory: `$DESKPILOT_DATA_DIR` if set, else the same folder Electron's
 * `userData` uses for an app named Deskpilot, so the desktop app and the browser host share
 * phones: `%APPDATA%\Deskpilot` on Windows, `~/Library/Application Support/Deskpilot` on macOS,
 * `$XDG_CONFIG_HOME/Deskpilot` (default `~/.config/Deskpilot`) elsewhere.
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
): string {
  if (env.DESKPILOT_DATA_DIR) return env.DESKPILOT_DATA_DIR;
  if (platform === 'win32')
    return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Deskpilot');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Deskpilot');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Deskpilot');
}
