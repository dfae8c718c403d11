/**
 * `npm run …` starts a script under a shell that dies on SIGTERM without passing the signal on,
 * which would leave the script's server running with no parent. Watching the parent catches it.
 */

const CHECK_EVERY_MS = 500;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Calls `stop` once, as soon as this process's parent has gone. */
export function stopWithParent(stop: () => void): void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent && alive(parent)) return;
    clearInterval(timer);
    stop();
  }, CHECK_EVERY_MS);
  // The watch never keeps the process alive on its own.
  timer.unref();
}
