/**
 * `npm start` (run as `node --import tsx scripts/start.ts`): the Electron app where Electron can
 * be had (fetching its binary on first run, building the app when it is missing or older than
 * its sources), otherwise — as on machines without the Electron download — one line saying so
 * and the browser host with the demo phone. Extra arguments go to the browser host (e.g.
 * `npm start -- --no-open`). DESKPILOT_NO_ELECTRON=1 skips the Electron attempt;
 * DESKPILOT_DATA_DIR chooses the data folder.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { ensureDesktopBuilt } from './dev-build';
import { stopWithParent } from './stop-with-parent';
import { runWeb } from './web';

const root = fileURLToPath(new URL('..', import.meta.url));
/** A real download of the Electron binary takes well under this; a blocked network fails at once. */
const DOWNLOAD_TIMEOUT_MS = 180_000;

function electronExecutable(): string | null {
  const packageDir = join(root, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const executable = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(executable) ? executable : null;
}

/** The Electron binary, downloading it once via the electron package's installer if possible. */
function findOrFetchElectron(): string | null {
  const present = electronExecutable();
  if (present !== null || process.env.DESKPILOT_NO_ELECTRON === '1') return present;
  const installer = join(root, 'node_modules', 'electron', 'install.js');
  if (!existsSync(installer)) return null;
  spawnSync(process.execPath, [installer], {
    cwd: root,
    stdio: 'ignore',
    timeout: DOWNLOAD_TIMEOUT_MS,
  });
  return electronExecutable();
}

/** Runs the desktop app until it exits; it stops too when npm is stopped. */
function runDesktop(electron: string, argv: string[]): void {
  const child = spawn(electron, ['.', ...argv], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code, signal) => process.exit(signal === null ? (code ?? 0) : 0));
  // The app shares our terminal and receives Ctrl-C itself; we only wait for it to finish.
  process.on('SIGINT', () => undefined);
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  stopWithParent(() => child.kill('SIGTERM'));
}

const argv = process.argv.slice(2);
const electron = findOrFetchElectron();
if (electron !== null) {
  await ensureDesktopBuilt((line) => console.log(line));
  runDesktop(electron, argv);
} else {
  console.log(
    'Electron cannot be had on this machine (its binary did not download), so Deskpilot starts in your browser with the demo phone instead.',
  );
  await runWeb(['--demo', ...argv]);
}
