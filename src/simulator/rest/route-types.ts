import type { SimulatedPhone } from '../phone/phone';
import type { UploadResult } from './uploader';

/** The credentials an endpoint needs: admin only, or admin or user. */
export type AccessLevel = 'admin' | 'user';

/** Everything a REST handler may use for one request. */
export interface RouteContext {
  phone: SimulatedPhone;
  now: number;
  /** The request body's `data` member; undefined when the body is empty or has none. */
  data: unknown;
  query: URLSearchParams;
  /** Sends a file to a URL the client gave (config export, packet capture). */
  upload: (url: string, body: Buffer, contentType: string) => Promise<UploadResult>;
}

/**
 * A handler's answer: a phone status with optional data (and fields some dialects put beside
 * `data`, such as `InvalidParams`), a bare HTTP status, or a file.
 */
export type RouteResult =
  | { status: number; data?: unknown; beside?: Record<string, unknown> }
  | { httpStatus: number }
  | { file: Buffer; contentType: string };

export interface Route {
  method: 'GET' | 'POST';
  path: string;
  /** 'admin': admin credentials only; 'user': admin or user credentials. */
  access: AccessLevel;
  /** Whether this phone serves the endpoint now (its dialect, later firmware); always if absent. */
  served?: (phone: SimulatedPhone) => boolean;
  handle: (ctx: RouteContext) => RouteResult | Promise<RouteResult>;
}

/** Success, with data when the endpoint returns some. */
export function ok(data?: unknown): RouteResult {
  return data === undefined ? { status: 2000 } : { status: 2000, data };
}

/** A phone status code other than success. */
export function status(code: number): RouteResult {
  return { status: code };
}
