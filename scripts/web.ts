/**
 * `npm run web` (run as `node --import tsx scripts/web.ts`, one process): the browser host, with
 * the UI built first when it is missing or older than its sources, stopping when npm stops.
 */
import { pathToFileURL } from 'node:url';

import { runWebHost } from '../src/main/browser-host/run-web-host';
import { ensureUiBuilt } from './dev-build';
import { stopWithParent } from './stop-with-parent';

/** Runs the browser host for `argv` from a source checkout. */
export async function runWeb(argv: string[]): Promise<void> {
  // SIGTERM to npm kills only its shell: then stop as on Ctrl-C, server and core closed.
  stopWithParent(() => process.kill(process.pid, 'SIGTERM'));
  await runWebHost(argv, { prepare: () => ensureUiBuilt((line) => console.log(line)) });
}

// Run when started as the script itself; `npm start` imports runWeb instead.
if (process.argv[1] !== undefined && pathToFileURL(process.argv[1]).href === import.meta.url) {
  await runWeb(process.argv.slice(2));
}
