import type { SimulatedPhone } from '../phone/phone';
import type { Route } from './route-types';
import { callStatusRoutes } from './routes-call-status';
import { callRoutes } from './routes-calls';
import { configRoutes } from './routes-config';
import { deviceRoutes } from './routes-device';
import { mgmtRoutes } from './routes-mgmt';
import { screenRoutes } from './routes-screen';
import { statusRoutes } from './routes-status';

/** Every REST endpoint a simulated phone can serve, found by method and path. */
export class RouteTable {
  private readonly exact = new Map<string, Route>();
  private readonly anyCase = new Map<string, Route>();

  constructor(routes: readonly Route[]) {
    for (const route of routes) {
      const key = `${route.method} ${route.path}`;
      this.exact.set(key, route);
      this.anyCase.set(key.toLowerCase(), route);
    }
  }

  /**
   * The endpoint `phone` serves at `method path` now: matched in any case when its dialect does,
   * and only when the endpoint exists in its dialect (and firmware).
   */
  find(method: string, path: string, phone: SimulatedPhone): Route | undefined {
    const key = `${method} ${path}`;
    const route = phone.dialect.pathsIgnoreCase
      ? this.anyCase.get(key.toLowerCase())
      : this.exact.get(key);
    return route && (route.served?.(phone) ?? true) ? route : undefined;
  }
}

/** The simulator's endpoints, shared by all its phones. */
export const ROUTES = new RouteTable([
  ...deviceRoutes,
  ...statusRoutes,
  ...mgmtRoutes,
  ...configRoutes,
  ...callRoutes,
  ...callStatusRoutes,
  ...screenRoutes,
]);
