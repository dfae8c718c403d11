import type { Route } from './route-types';
import { callRoutes } from './routes-calls';
import { deviceRoutes } from './routes-device';
import { mgmtRoutes } from './routes-mgmt';
import { screenRoutes } from './routes-screen';
import { statusRoutes } from './routes-status';

/** Every REST endpoint the simulated phone serves, keyed `METHOD path`. */
export function buildRoutes(laterFirmware: boolean): ReadonlyMap<string, Route> {
  const all = [
    ...deviceRoutes,
    ...statusRoutes,
    ...mgmtRoutes,
    ...callRoutes,
    ...screenRoutes(laterFirmware),
  ];
  return new Map(all.map((route) => [`${route.method} ${route.path}`, route]));
}
