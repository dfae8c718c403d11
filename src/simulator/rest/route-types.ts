import type { AccessLevel } from '../http/auth';
import type { SimulatedPhone } from '../phone/phone';
import type { UploadResult } from './uploader';

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

/** A handler's answer: a phone status with optional data, a bare HTTP status, or a file. */
export type RouteResult =
  | { status: number; data?: unknown }
  | { httpStatus: number }
  | { file: Buffer; contentType: string };

export interface Route {
  method: 'GET' | 'POST';
  path: string;
  /** 'admin': admin credentials only; 'user': admin or user credentials. */
  access: AccessLevel;
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
