import { createDeskpilotApi, type DeskpilotApi } from '../../shared/contract/api';
import { CONTRACT_SOCKET_PATH } from '../../shared/contract/wire';
import { createSocketTransport, type SocketTransport } from './socket-transport';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in the browser host. */
    deskpilot?: DeskpilotApi;
  }
}

let browserTransport: SocketTransport | null = null;
let browserApi: DeskpilotApi | null = null;

function socketTransport(): SocketTransport {
  browserTransport ??= createSocketTransport({
    connect: () => {
      const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
      return new WebSocket(`${scheme}://${window.location.host}${CONTRACT_SOCKET_PATH}`);
    },
  });
  return browserTransport;
}

/**
 * The contract API for this window: the preload's bridge under Electron; otherwise a WebSocket
 * to the browser host that served this page (authenticated by its session cookie).
 */
export function getDeskpilotApi(): DeskpilotApi {
  if (window.deskpilot) return window.deskpilot;
  browserApi ??= createDeskpilotApi(socketTransport());
  return browserApi;
}

/**
 * Reports whether the core is reachable: always true under Electron; under the browser host, true
 * while the WebSocket is connected. Stores refetch their state when it turns true again, because
 * events sent while disconnected are lost.
 */
export function onConnectionChange(listener: (connected: boolean) => void): () => void {
  if (window.deskpilot) return () => undefined;
  return socketTransport().onConnectionChange(listener);
}
