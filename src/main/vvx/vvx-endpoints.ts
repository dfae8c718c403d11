/**
 * How each kind of VVX request is sent: method, path, whether it can change the phone, and
 * which timeout applies (real phones answer most calls within 0.3–2 s; admin work takes longer).
 */
import type { RequestEffect } from './vvx-transport';

/** Timeout classes: quick reads, call control, slow admin work, and Skype sign-in (150 s on the phone). */
export interface EndpointTimeouts {
  read: number;
  control: number;
  slow: number;
  signIn: number;
}

export const DEFAULT_TIMEOUTS: EndpointTimeouts = {
  read: 3000,
  control: 4000,
  slow: 10_000,
  signIn: 160_000,
};

export interface Endpoint {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  effect: RequestEffect;
  timeout: keyof EndpointTimeouts;
}

/** A read-only GET. */
export const get = (
  name: string,
  path: string,
  timeout: keyof EndpointTimeouts = 'read',
): Endpoint => ({
  name,
  method: 'GET',
  path,
  effect: 'read',
  timeout,
});
/** A POST that may change the phone. */
export const post = (
  name: string,
  path: string,
  timeout: keyof EndpointTimeouts = 'control',
): Endpoint => ({
  name,
  method: 'POST',
  path,
  effect: 'write',
  timeout,
});
/** Config get is a POST that changes nothing: safe to retry like any read. */
export const postRead = (name: string, path: string): Endpoint => ({
  name,
  method: 'POST',
  path,
  effect: 'read',
  timeout: 'slow',
});
