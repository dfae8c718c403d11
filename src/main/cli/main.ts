/**
 * Entry point of the `deskpilot` command (bin/deskpilot.mjs runs it through tsx, or its build in
 * out/cli when installed). Ctrl-C and SIGTERM end `watch` cleanly; the exit status is the
 * command's.
 */
import { runCli } from './run-cli';

const abort = new AbortController();
process.once('SIGINT', () => abort.abort());
process.once('SIGTERM', () => abort.abort());

process.exitCode = await runCli(process.argv.slice(2), process.env, process, abort.signal);
// Everything is closed by now and the process ends by itself; should a library keep a handle
// open, this unreferenced timer ends it after stdout has had time to drain.
setTimeout(() => process.exit(), 2000).unref();
