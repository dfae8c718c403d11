/**
 * Who a request came from (a window, a browser socket, the command line), carried with the work
 * it starts however deep that goes, so that a phone's queue can take turns between clients
 * without every verb passing the name along. Work the core starts itself has no caller.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const current = new AsyncLocalStorage<string>();

/** Runs `work` (and everything it starts) on behalf of `caller`. */
export function onBehalfOf<T>(caller: string, work: () => T): T {
  return current.run(caller, work);
}

/** The caller the running work belongs to, or undefined for the core's own work. */
export function currentCaller(): string | undefined {
  return current.getStore();
}
