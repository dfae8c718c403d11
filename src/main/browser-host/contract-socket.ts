/**
 * The contract over a WebSocket: each connection may call any channel through the dispatcher and
 * receives every core event, within the flow limits of socket-flow.ts. The upgrade itself is
 * authorised before it gets here (socket-gate.ts).
 */
import { WebSocketServer, type RawData, type WebSocket } from 'ws';

import {
  EVENT_CHANNELS,
  type EventChannel,
  type EventPayloads,
} from '../../shared/contract/events';
import {
  CONTRACT_PROTOCOL,
  LARGE_MESSAGE_CHANNEL,
  MAX_LARGE_MESSAGE_BYTES,
  MAX_MESSAGE_BYTES,
  type WireServerMessage,
} from '../../shared/contract/wire';
import type { ContractCore } from '../ipc/contract-core';
import type { Dispatcher } from '../ipc/dispatcher';
import { DEFAULT_SOCKET_LIMITS, SocketFlow, type SocketLimits } from './socket-flow';

/** WebSocket close code for a message that is too big (RFC 6455). */
const MESSAGE_TOO_BIG = 1009;

function send(flow: SocketFlow, message: WireServerMessage): void {
  flow.send(JSON.stringify(message));
}

/**
 * Whether a message of this size may be read: small ones always; a large one only when its first
 * bytes name the contacts import (the browser client writes `id` and `channel` first), so a large
 * message on any other channel is refused before it is parsed.
 */
function mayRead(data: Buffer): boolean {
  if (data.length <= MAX_MESSAGE_BYTES) return true;
  const head = /^\{"id":\d{1,16},"channel":"([\w.]{1,64})",/.exec(data.subarray(0, 128).toString());
  return head?.[1] === LARGE_MESSAGE_CHANNEL;
}

/** The message as one buffer, however ws delivered it. */
function asBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  return Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
}

function readRequest(data: string): { id: number; channel: unknown; args: unknown } | string {
  let message: unknown;
  try {
    message = JSON.parse(data);
  } catch {
    return 'The message is not JSON';
  }
  if (typeof message !== 'object' || message === null) return 'The message is not an object';
  const { id, channel, args } = message as Record<string, unknown>;
  if (typeof id !== 'number' || !Number.isSafeInteger(id)) return 'The message has no numeric id';
  return { id, channel, args };
}

function forwardEvents(core: ContractCore, flow: SocketFlow): () => void {
  const forward = <E extends EventChannel>(event: E) =>
    core.subscribe(event, (payload: EventPayloads[E]) =>
      send(flow, { kind: 'event', event, payload } as WireServerMessage),
    );
  const unsubscribers = EVENT_CHANNELS.map((event) => forward(event));
  return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
}

const TOO_MANY = {
  ok: false,
  error: {
    code: 'queue-full',
    message: 'Too many requests are waiting on this connection; wait for their answers.',
  },
} as const;

/** One connected socket: its flow control and the caller name its requests run under. */
interface Client {
  socket: WebSocket;
  flow: SocketFlow;
  caller: string;
}

/** Answers one text message of a socket. */
function answer(client: Client, dispatcher: Dispatcher, data: RawData): void {
  const { socket, flow } = client;
  const bytes = asBuffer(data);
  if (!mayRead(bytes)) {
    socket.close(MESSAGE_TOO_BIG, 'Only a contacts import may be larger than 1 MB');
    return;
  }
  const request = readRequest(bytes.toString());
  if (typeof request === 'string') {
    send(flow, { kind: 'protocol-error', message: request });
    return;
  }
  const admitted = flow.admit(async () => {
    const outcome = await dispatcher.invoke(request.channel, request.args, client.caller);
    send(flow, { kind: 'result', id: request.id, outcome });
  });
  if (!admitted) send(flow, { kind: 'result', id: request.id, outcome: TOO_MANY });
}

/** Creates the WebSocket server (no listening socket of its own: fed by HTTP upgrades). */
export function createContractSocketServer(
  core: ContractCore,
  dispatcher: Dispatcher,
  limits: SocketLimits = DEFAULT_SOCKET_LIMITS,
): WebSocketServer {
  const server = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_LARGE_MESSAGE_BYTES,
    // The page offers the contract's protocol and its session key (as a second one); the answer
    // names only the first, so the key is never echoed.
    handleProtocols: (protocols) => (protocols.has(CONTRACT_PROTOCOL) ? CONTRACT_PROTOCOL : false),
  });
  let connections = 0;
  server.on('connection', (socket) => {
    const flow = new SocketFlow(socket, limits);
    connections += 1;
    const client = { socket, flow, caller: `socket:${connections}` };
    const stopForwarding = forwardEvents(core, flow);
    socket.on('close', () => {
      stopForwarding();
      flow.stop();
    });
    // ws reports a bad frame (an oversized message, invalid UTF-8) as an 'error' and then closes
    // that socket itself; without a listener the error would be thrown and stop the whole host.
    socket.on('error', () => undefined);
    socket.on('message', (data, isBinary) => {
      if (isBinary) {
        send(flow, { kind: 'protocol-error', message: 'Binary messages are not understood' });
      } else {
        answer(client, dispatcher, data);
      }
    });
  });
  return server;
}
