import type { DeskpilotApi } from '../../shared/contract';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in the browser host. */
    deskpilot?: DeskpilotApi;
  }
}

/**
 * The contract API for this window: the preload's bridge under Electron; the browser host's
 * WebSocket transport otherwise (being wired up in src/renderer/bridge).
 */
export function getDeskpilotApi(): DeskpilotApi {
  if (window.deskpilot) return window.deskpilot;
  throw new Error('No Deskpilot core is connected to this window');
}
