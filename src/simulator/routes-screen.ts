import type { Route } from './route-types';

/** Screen endpoints (uixml, simulateTouch, and the later firmware's key and text input). */
export function screenRoutes(_laterFirmware: boolean): Route[] {
  return [];
}
