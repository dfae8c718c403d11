#!/usr/bin/env node
/**
 * `npm start`: the Electron app where Electron can be had (fetching its binary on first run),
 * otherwise — as on machines without the Electron download — one line saying so and the browser
 * host with the demo phone. Extra arguments go to the browser host (e.g. `npm start -- --no-open`).
 * DESKPILOT_NO_ELECTRON=1 skips the Electron attempt; DESKPILOT_DATA_DIR chooses the data folder.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
/** A real download of the Electron binary takes well under this; a blocked network fails at once. */
const DOWNLOAD_TIMEOUT_MS = 180_000;

function electronExecutable() {
  const packageDir = join(root, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const executable = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(executable) ? executable : null;
}

/** The Electron binary, downloading it once via the electron package's installer if possible. */
function findOrFetchElectron() {
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

function run(command, args) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
  child.on('exit', (code, signal) => process.exit(signal === null ? (code ?? 0) : 0));
  // The child shares our terminal and receives Ctrl-C itself; we only wait for it to finish.
  process.on('SIGINT', () => undefined);
  process.on('SIGTERM', () => child.kill('SIGTERM'));
}

function buildOrExit(label, bin, args) {
  console.log(`Building ${label}…`);
  const result = spawnSync(process.execPath, [join(root, 'node_modules', bin), ...args], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    console.error(`Deskpilot: building ${label} failed (see above).`);
    process.exit(result.status ?? 1);
  }
}

const electron = findOrFetchElectron();
if (electron !== null) {
  if (!existsSync(join(root, 'out', 'main', 'index.js'))) {
    buildOrExit('the desktop app', 'electron-vite/bin/electron-vite.js', ['build']);
  }
  run(electron, ['.', ...process.argv.slice(2)]);
} else {
  console.log(
    'Electron cannot be had on this machine (its binary did not download), so Deskpilot starts in your browser with the demo phone instead.',
  );
  if (!existsSync(join(root, 'out', 'renderer', 'index.html'))) {
    buildOrExit('the UI', 'vite/bin/vite.js', ['build', '--logLevel', 'warn']);
  }
  run(process.execPath, [
    require.resolve('tsx/cli'),
    join(root, 'src', 'main', 'browser-host', 'cli.ts'),
    '--demo',
    ...process.argv.slice(2),
  ]);
}
