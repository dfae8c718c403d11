/**
 * The contract over the browser host's WebSocket: calls are paired with results by id, events are
 * fanned out to subscribers, and a dropped socket fails the pending calls with 'unreachable' and
 * reconnects with a growing delay, until the host says the session ended. The socket
 * authenticates with the host's HttpOnly cookie and the page's session key (see `connect`).
 */
import type { ConnectionState, ContractTransport, RequestOutcome } from '../../shared/contract/api';
import type { EventChannel, EventPayloads } from '../../shared/contract/events';
import type { RequestArgs, RequestChannel } from '../../shared/contract';
import { SESSION_ENDED_CLOSE_CODE, type WireServerMessage } from '../../shared/contract/wire';

/**
 * The part of the browser's WebSocket this transport uses (the `ws` client has it too). Handlers
 * are only ever assigned here, so their parameter is typed `never` to accept either library's.
 */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(): void;
  onopen: ((event: never) => unknown) | null;
  onclose: ((event: never) => unknown) | null;
  onerror: ((event: never) => unknown) | null;
  onmessage: ((event: never) => unknown) | null;
}

export interface SocketTransportOptions {
  /** Opens a new socket to the host's contract endpoint. */
  connect: () => SocketLike;
  /** First reconnect delay; doubles up to `maxRetryMs`. */
  retryMs?: number;
  maxRetryMs?: number;
}

/** A contract transport that also reports whether the host is reachable. */
export interface SocketTransport extends ContractTransport {
  /** Called when the socket (re)connects, drops, or its session ends. */
  onConnectionChange(listener: (state: ConnectionState) => void): () => void;
  /** The session ended: stops reconnecting and reports 'signed-out'. */
  endSession(): void;
  /** Stops reconnecting and closes the socket. */
  close(): void;
}

const OPEN = 1;

type Listener = (payload: never) => void;

function unreachable(): RequestOutcome<RequestChannel> {
  return {
    ok: false,
    error: {
      code: 'unreachable',
      message: 'The connection to Deskpilot dropped before it answered; it is reconnecting.',
    },
  };
}

/** Creates the WebSocket transport and starts connecting. */
export function createSocketTransport(options: SocketTransportOptions): SocketTransport {
  const retryMs = options.retryMs ?? 500;
  const maxRetryMs = options.maxRetryMs ?? 5000;
  const pending = new Map<number, (outcome: RequestOutcome<RequestChannel>) => void>();
  const queued: string[] = [];
  const listeners = new Map<EventChannel, Set<Listener>>();
  const connectionListeners = new Set<(state: ConnectionState) => void>();
  let nextId = 1;
  let delay = retryMs;
  let closed = false;
  let sessionEnded = false;
  let current: ConnectionState | null = null;
  let socket: SocketLike;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  function receive(data: unknown): void {
    if (typeof data !== 'string') return;
    const message = JSON.parse(data) as WireServerMessage;
    if (message.kind === 'result') {
      pending.get(message.id)?.(message.outcome);
      pending.delete(message.id);
    } else if (message.kind === 'event') {
      for (const listener of listeners.get(message.event) ?? []) {
        (listener as (payload: unknown) => void)(message.payload);
      }
    }
  }

  function report(state: ConnectionState): void {
    if (state === current) return;
    current = state;
    connectionListeners.forEach((listener) => listener(state));
  }

  function open(): void {
    socket = options.connect();
    socket.onopen = () => {
      delay = retryMs;
      for (const data of queued.splice(0)) socket.send(data);
      report('connected');
    };
    socket.onmessage = (event: { data: unknown }) => receive(event.data);
    socket.onerror = () => undefined;
    socket.onclose = (event: { code?: number }) => {
      queued.length = 0;
      for (const settle of pending.values()) settle(unreachable());
      pending.clear();
      if (event.code === SESSION_ENDED_CLOSE_CODE) {
        sessionEnded = true;
        closed = true;
      }
      report(sessionEnded ? 'signed-out' : 'reconnecting');
      if (closed) return;
      retryTimer = setTimeout(open, delay);
      delay = Math.min(delay * 2, maxRetryMs);
    };
  }
  open();

  return {
    invoke<C extends RequestChannel>(channel: C, args: RequestArgs<C>) {
      if (closed) return Promise.resolve(unreachable() as RequestOutcome<C>);
      const id = nextId++;
      const data = JSON.stringify({ id, channel, args });
      return new Promise<RequestOutcome<C>>((resolve) => {
        // The host answers each id with the outcome of that id's channel.
        pending.set(id, resolve as (outcome: RequestOutcome<RequestChannel>) => void);
        if (socket.readyState === OPEN) socket.send(data);
        else queued.push(data);
      });
    },
    subscribe<E extends EventChannel>(event: E, listener: (payload: EventPayloads[E]) => void) {
      const set = listeners.get(event) ?? new Set<Listener>();
      listeners.set(event, set);
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },
    onConnectionChange(listener) {
      connectionListeners.add(listener);
      return () => {
        connectionListeners.delete(listener);
      };
    },
    endSession() {
      sessionEnded = true;
      closed = true;
      clearTimeout(retryTimer);
      report('signed-out');
      socket.close();
    },
    close() {
      closed = true;
      clearTimeout(retryTimer);
      socket.close();
    },
  };
}
