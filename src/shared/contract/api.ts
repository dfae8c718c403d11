/**
 * The contract as every UI sees it: one namespace per contract file and one verb per channel,
 * e.g. `api.calls.dial({ phoneId, destination })`, each resolving to an outcome value rather than
 * throwing, so errors keep their code across contextBridge and WebSocket boundaries.
 *
 * No schema at run time: the verbs are made on first use from the names a caller asks for (the
 * way tRPC's client does), so a renderer imports this module without bundling zod. Types come
 * from the contract (index.ts) and are checked at compile time.
 */
import type { ContractError } from './errors';
import type { EventChannel, EventPayloads } from './events';
import type { Namespace, RequestArgs, RequestChannel, RequestResults, VerbOf } from './index';

export type RequestOutcome<C extends RequestChannel> =
  { ok: true; value: RequestResults[C] } | { ok: false; error: ContractError };

type ChannelName<N extends Namespace, V extends string> = `${N}.${V}` & RequestChannel;

export type DeskpilotApi = {
  [N in Namespace]: {
    [V in VerbOf<N>]: (
      args: RequestArgs<ChannelName<N, V>>,
    ) => Promise<RequestOutcome<ChannelName<N, V>>>;
  };
} & {
  events: {
    on<E extends EventChannel>(event: E, listener: (payload: EventPayloads[E]) => void): () => void;
  };
};

/**
 * How a window's link to the core stands: up; down and being retried; or ended for good because
 * the browser host's session ended (the user signs in again).
 */
export type ConnectionState = 'connected' | 'reconnecting' | 'signed-out';

/** The transport a UI host provides: one generic call and one event subscription. */
export interface ContractTransport {
  invoke<C extends RequestChannel>(channel: C, args: RequestArgs<C>): Promise<RequestOutcome<C>>;
  subscribe<E extends EventChannel>(
    event: E,
    listener: (payload: EventPayloads[E]) => void,
  ): () => void;
}

/**
 * Property names the API never answers: `then` (so awaiting or resolving with the API never
 * mistakes it for a promise) and the names JSON and string conversion probe for.
 */
const NOT_VERBS: ReadonlySet<string> = new Set(['then', 'toJSON', 'toString', 'valueOf']);

/** A read-only object whose properties are made by `make` on first use and kept. */
function lazyObject(make: (name: string) => unknown): object {
  const made = new Map<string, unknown>();
  return new Proxy(Object.create(null) as object, {
    get(_target, name) {
      if (typeof name !== 'string' || NOT_VERBS.has(name)) return undefined;
      if (!made.has(name)) made.set(name, make(name));
      return made.get(name);
    },
    set: () => false,
  });
}

/** Builds the verb API over a transport; used by the preload and the browser client alike. */
export function createDeskpilotApi(transport: ContractTransport): DeskpilotApi {
  const events = { on: transport.subscribe };
  const api = lazyObject((namespace) =>
    namespace === 'events'
      ? events
      : lazyObject((name) => {
          // A name outside the contract reaches the core, which answers 'unknown-channel'.
          const channel = `${namespace}.${name}` as RequestChannel;
          return (args: RequestArgs<typeof channel>) => transport.invoke(channel, args);
        }),
  );
  // The proxy answers exactly the mapped type's properties; TypeScript cannot see through it.
  return api as DeskpilotApi;
}
