import { createDeskpilotApi, type DeskpilotApi } from '../../shared/contract/api';
import {
  CONTRACT_PROTOCOL,
  CONTRACT_SOCKET_PATH,
  SESSION_KEY_PROTOCOL_PREFIX,
} from '../../shared/contract/wire';
import type { ConnectionWatcher } from '../stores/app-stores';
import { keepSessionAlive, takeSessionKey } from './browser-session';
import { createSocketTransport } from './socket-transport';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in the browser host. */
    deskpilot?: DeskpilotApi;
  }
}

/** The window's way to the core: its API, and whether the core is reachable. */
export interface CoreConnection {
  api: DeskpilotApi;
  /**
   * Reports whether the core is reachable: always under Electron; under the browser host, while
   * the WebSocket is connected, until its session ends. Stores refetch their state when it
   * connects again, because events sent while disconnected are lost.
   */
  watchConnection: ConnectionWatcher;
  /** True in the browser host, where the window itself must ring (title, web notification). */
  browserHost: boolean;
}

/**
 * Connects this window to the core, once, at start: the preload's bridge under Electron;
 * otherwise a WebSocket to the browser host that served this page, authenticated by its session
 * cookie and the key this tab was handed at sign-in, with the session renewed while the page is
 * open. The entry point hands the result to the stores; nothing else reads `window.deskpilot`.
 */
export function connectToCore(): CoreConnection {
  if (window.deskpilot) {
    return { api: window.deskpilot, watchConnection: () => () => undefined, browserHost: false };
  }
  const key = takeSessionKey();
  const transport = createSocketTransport({
    connect: () => {
      const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
      return new WebSocket(`${scheme}://${window.location.host}${CONTRACT_SOCKET_PATH}`, [
        CONTRACT_PROTOCOL,
        `${SESSION_KEY_PROTOCOL_PREFIX}${key ?? 'none'}`,
      ]);
    },
  });
  if (key === null) transport.endSession();
  else keepSessionAlive(key, () => transport.endSession());
  return {
    api: createDeskpilotApi(transport),
    watchConnection: (listener) => transport.onConnectionChange(listener),
    browserHost: true,
  };
}
