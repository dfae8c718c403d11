import { createDeskpilotApi, type DeskpilotApi } from '../../shared/contract/api';
import { CONTRACT_SOCKET_PATH } from '../../shared/contract/wire';
import type { ConnectionWatcher } from '../stores/app-stores';
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
   * the WebSocket is connected. Stores refetch their state when it turns true again, because
   * events sent while disconnected are lost.
   */
  watchConnection: ConnectionWatcher;
  /** True in the browser host, where the window itself must ring (title, web notification). */
  browserHost: boolean;
}

/**
 * Connects this window to the core, once, at start: the preload's bridge under Electron;
 * otherwise a WebSocket to the browser host that served this page (authenticated by its session
 * cookie). The entry point hands the result to the stores; nothing else reads `window.deskpilot`.
 */
export function connectToCore(): CoreConnection {
  if (window.deskpilot) {
    return { api: window.deskpilot, watchConnection: () => () => undefined, browserHost: false };
  }
  const transport = createSocketTransport({
    connect: () => {
      const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
      return new WebSocket(`${scheme}://${window.location.host}${CONTRACT_SOCKET_PATH}`);
    },
  });
  return {
    api: createDeskpilotApi(transport),
    watchConnection: (listener) => transport.onConnectionChange(listener),
    browserHost: true,
  };
}
