/**
 * The tray icon kept in step with the phones: each phone event asks for fresh snapshots, one
 * request at a time (events arriving meanwhile cause one more refresh after it).
 */
import { createTray, type TrayActions } from '../tray';
import type { ShellCore } from './shell-core';

/** Creates the tray and keeps it current; returns the function that removes it. */
export function setupTray(
  core: ShellCore,
  iconPath: string,
  actions: Omit<TrayActions, 'endCall'>,
): () => void {
  const tray = createTray(iconPath, {
    ...actions,
    endCall: (phoneId, handle) => void core.dispatcher.call('calls.end', { phoneId, handle }),
  });
  let refreshing = false;
  let stale = false;
  const refresh = (): void => {
    if (refreshing) {
      stale = true;
      return;
    }
    refreshing = true;
    void core.dispatcher
      .call('phones.snapshots', {})
      .then((outcome) => {
        if (outcome.ok) tray.update(outcome.value);
      })
      .finally(() => {
        refreshing = false;
        if (stale) {
          stale = false;
          refresh();
        }
      });
  };
  const stop = core.subscribe('phone', refresh);
  refresh();
  return () => {
    stop();
    tray.destroy();
  };
}
