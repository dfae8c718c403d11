/**
 * The browser host as a command (`npm run web`, and `npm start` where Electron cannot run): starts
 * the core (with the demo phone if asked, or on first run) and serves it to a browser on
 * 127.0.0.1 until SIGINT or SIGTERM. It prints a sign-in link and the path of the sign-in file,
 * and opens the browser on that file, so no secret is ever on a command line.
 */
import { join, resolve } from 'node:path';

import { createCore } from '../core/create-core';
import { startBrowserHost, DEFAULT_RENDERER_DIR } from './browser-host';
import { parseWebCliOptions, WEB_USAGE } from './cli-options';
import { defaultDataDir } from '../ground/data-dir';
import { writeLaunchFile, type LaunchFile } from './launch-file';
import { openInBrowser } from './open-browser';
import { isRendererBuilt, notBuiltMessage } from '../ground/static-files';

/** The sign-in file's name in the data folder. */
const SIGN_IN_FILE = 'sign-in.html';

export interface WebHostRun {
  /** Runs once the options are understood, before the core starts (e.g. building the UI). */
  prepare?: () => Promise<void>;
}

/** Runs the browser host for `argv`; bad options set exit status 2, a failure 1. */
export async function runWebHost(argv: string[], run: WebHostRun = {}): Promise<void> {
  try {
    await serve(argv, run);
  } catch (error) {
    console.error(`deskpilot web: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}

async function serve(argv: string[], run: WebHostRun): Promise<void> {
  const options = parseWebCliOptions(argv);
  if ('help' in options) {
    console.log(WEB_USAGE);
    return;
  }
  if ('error' in options) {
    console.error(`deskpilot web: ${options.error}\n${WEB_USAGE}`);
    process.exitCode = 2;
    return;
  }
  await run.prepare?.();
  if (!(await isRendererBuilt(DEFAULT_RENDERER_DIR))) {
    console.error(`Warning: ${notBuiltMessage(DEFAULT_RENDERER_DIR)}`);
  }
  const dataDir = resolve(options.dataDir ?? defaultDataDir());
  // Without --demo the core decides: a first run adds the demo phone, a configured one keeps running.
  const core = await createCore({ dataDir, demo: options.demo ? true : undefined });
  for (const warning of core.warnings) console.error(`Warning: ${warning}`);
  let launchFile: LaunchFile | null = null;
  const host = await startBrowserHost({
    core,
    port: options.port,
    onSignIn: () => void launchFile?.refresh().catch(() => undefined),
  });
  const linkMinutes = Math.round(host.sessions.times.launchTtlMs / 60_000);
  launchFile = await writeLaunchFile(
    join(dataDir, SIGN_IN_FILE),
    () => host.signInUrl(),
    host.sessions.times.launchTtlMs / 2,
  );
  console.log(`Deskpilot: ${host.signInUrl()}`);
  console.log(`  (a sign-in link: it works once, within ${linkMinutes} minutes)`);
  console.log(`Sign-in file: ${launchFile.path}`);
  console.log('  (open it in a browser to sign in again; only you can read it)');
  console.log(`Data: ${dataDir}. Press Ctrl-C to stop.`);
  if (options.open && !(await openInBrowser(launchFile.path))) {
    console.log('No browser could be opened here: open the link or the sign-in file yourself.');
  }

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    // Exit whatever happens: a failed close must not leave a process Ctrl-C can no longer stop.
    void host
      .close()
      .then(() => launchFile?.close())
      .then(() => core.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          console.error(`deskpilot web: ${error instanceof Error ? error.message : String(error)}`);
          process.exit(1);
        },
      );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
