/**
 * How each kind of VVX request is sent: method, path, whether it can change the phone, and
 * which timeout applies (real phones answer most calls within 0.3–2 s; admin work takes longer).
 */
import type { z } from 'zod';

import { PhoneError } from './phone-error';
import { collectNotes, fragmentOf, type ReadNote } from './read-notes';
import type { Envelope } from './vvx-schemas';
import { isRecord } from './vvx-values';
import type { RequestEffect, VvxReply, VvxTransport } from './vvx-transport';

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

/** Something in an answer that could not be read, and which endpoint's answer it was. */
export interface UnreadableAnswer extends ReadNote {
  endpoint: string;
}

/** Who hears about what the readers could not read (the session puts it in the phone's log). */
export type UnreadableListener = (report: UnreadableAnswer) => void;

/** Sends an endpoint's request with its timeout and parses the answer with its schema. */
export class EndpointCaller {
  constructor(
    protected readonly transport: VvxTransport,
    private readonly timeouts: EndpointTimeouts,
    private readonly onUnreadable: UnreadableListener = () => undefined,
  ) {}

  /** Sends a request whose answer carries no data worth reading. */
  protected async write(endpoint: Endpoint, data?: unknown): Promise<void> {
    await this.send(endpoint, data);
  }

  /** Sends a request and returns its `data` parsed, or 'invalid-response' naming the problem. */
  protected async read<S extends z.ZodType>(
    endpoint: Endpoint,
    schema: S,
    data?: unknown,
    query?: Record<string, string>,
  ): Promise<z.output<S>> {
    const reply = await this.send(endpoint, data, query);
    return this.parse(endpoint, schema, reply.data, reply.httpStatus);
  }

  /**
   * Like read, for answers with something beside `data` (`InvalidParams`, `Presence`): the
   * schema gets the whole envelope. Any endpoint, a write too (config set names what it skipped).
   */
  protected async readEnvelope<S extends z.ZodType>(
    endpoint: Endpoint,
    schema: S,
    data?: unknown,
  ): Promise<z.output<S>> {
    const reply = await this.send(endpoint, data);
    const envelope: Envelope = { data: reply.data, top: reply.top };
    return this.parse(endpoint, schema, envelope, reply.httpStatus);
  }

  /**
   * Sends one request. A 404 keeps the path it was for: the phone says the same for "REST API
   * off" and "no such endpoint", and only the session can ask which it is.
   */
  private async send(
    endpoint: Endpoint,
    data?: unknown,
    query?: Record<string, string>,
  ): Promise<VvxReply> {
    try {
      return await this.transport.send({
        method: endpoint.method,
        path: endpoint.path,
        data,
        query,
        timeoutMs: this.timeouts[endpoint.timeout],
        effect: endpoint.effect,
      });
    } catch (error) {
      if (error instanceof PhoneError && error.code === 'api-disabled') {
        throw new PhoneError(error.code, error.message, {
          httpStatus: error.httpStatus,
          endpointPath: endpoint.path,
        });
      }
      throw error;
    }
  }

  /**
   * Parses an answer, telling the listener what its readers noted; an answer that cannot be
   * used at all is 'invalid-response', and its offending part is told too.
   */
  private parse<S extends z.ZodType>(
    endpoint: Endpoint,
    schema: S,
    value: unknown,
    httpStatus: VvxReply['httpStatus'],
  ): z.output<S> {
    const { value: parsed, notes } = collectNotes(() => schema.safeParse(value));
    for (const note of notes) this.onUnreadable({ endpoint: endpoint.name, ...note });
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    const path = issue?.path ?? [];
    this.onUnreadable({
      endpoint: endpoint.name,
      field: path.length === 0 ? '(answer)' : path.join('.'),
      fragment: fragmentOf(valueAt(value, path)),
    });
    const where = path.length === 0 ? '' : ` at ${path.join('.')}`;
    throw new PhoneError(
      'invalid-response',
      `The phone's answer to ${endpoint.name} is not usable${where}: ${issue?.message ?? 'unexpected shape'}.`,
      { httpStatus },
    );
  }
}

/** The part of `value` at `path` (the whole value where the path leads nowhere). */
function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let here = value;
  for (const key of path) {
    if (Array.isArray(here) && typeof key === 'number') here = here[key];
    else if (isRecord(here) && typeof key === 'string') here = here[key];
    else return value;
  }
  return here;
}
