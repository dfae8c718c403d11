/**
 * How each kind of VVX request is sent: method, path, whether it can change the phone, and
 * which timeout applies (real phones answer most calls within 0.3–2 s; admin work takes longer).
 */
import type { z } from 'zod';

import { PhoneError } from './phone-error';
import type { RequestEffect, VvxTransport } from './vvx-transport';

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

/** Sends an endpoint's request with its timeout and parses the answer with its schema. */
export class EndpointCaller {
  constructor(
    protected readonly transport: VvxTransport,
    private readonly timeouts: EndpointTimeouts,
  ) {}

  /** Sends a request whose answer carries no data worth reading. */
  protected async write(endpoint: Endpoint, data?: unknown): Promise<void> {
    await this.transport.send({
      method: endpoint.method,
      path: endpoint.path,
      data,
      timeoutMs: this.timeouts[endpoint.timeout],
      effect: endpoint.effect,
    });
  }

  /** Sends a request and returns its `data` parsed, or 'invalid-response' naming the problem. */
  protected async read<S extends z.ZodType>(
    endpoint: Endpoint,
    schema: S,
    data?: unknown,
    query?: Record<string, string>,
  ): Promise<z.output<S>> {
    const reply = await this.transport.send({
      method: endpoint.method,
      path: endpoint.path,
      data,
      query,
      timeoutMs: this.timeouts[endpoint.timeout],
      effect: endpoint.effect,
    });
    const parsed = schema.safeParse(reply.data);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    const where =
      issue === undefined || issue.path.length === 0 ? '' : ` at ${issue.path.join('.')}`;
    throw new PhoneError(
      'invalid-response',
      `The phone's answer to ${endpoint.name} is not usable${where}: ${issue?.message ?? 'unexpected shape'}.`,
      { httpStatus: reply.httpStatus },
    );
  }
}
