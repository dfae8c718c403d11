/**
 * The browser host as a command (`npm run web`, and `npm start` where Electron cannot run): starts
 * the core (with the demo phone if asked, or on first run) and serves it to a browser on
 * 127.0.0.1, printing the address with its session token, until SIGINT or SIGTERM.
 */
import { resolve } from 'node:path';

import { createCore } from '../core/create-core';
import { startBrowserHost, DEFAULT_RENDERER_DIR } from './browser-host';
import { parseWebCliOptions, WEB_USAGE } from './cli-options';
import { defaultDataDir } from '../ground/data-dir';
import { openInBrowser } from './open-browser';
import { isRendererBuilt, notBuiltMessage } from '../ground/static-files';

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
  const host = await startBrowserHost({ core, port: options.port });
  console.log(`Deskpilot: ${host.url}`);
  console.log(`Data: ${dataDir}. Press Ctrl-C to stop.`);
  if (options.open && !(await openInBrowser(host.url))) {
    console.log('No browser could be opened here: open the address above yourself.');
  }

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    // Exit whatever happens: a failed close must not leave a process Ctrl-C can no longer stop.
    void host
      .close()
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
