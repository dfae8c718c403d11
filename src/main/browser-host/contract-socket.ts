/**
 * The contract over a WebSocket: each connection may call any channel through the dispatcher and
 * receives every core event. The upgrade itself is authorised by the caller (see browser-host.ts).
 */
import { WebSocketServer, type WebSocket } from 'ws';

import {
  EVENT_CHANNELS,
  type EventChannel,
  type EventPayloads,
} from '../../shared/contract/events';
import type { WireServerMessage } from '../../shared/contract/wire';
import type { ContractCore } from '../ipc/contract-core';
import type { Dispatcher } from '../ipc/dispatcher';

/** Larger than the biggest argument (a 5 MB contacts import), far below memory trouble. */
const MAX_MESSAGE_BYTES = 8 * 1024 * 1024;

function send(socket: WebSocket, message: WireServerMessage): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
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

function forwardEvents(core: ContractCore, socket: WebSocket): () => void {
  const forward = <E extends EventChannel>(event: E) =>
    core.subscribe(event, (payload: EventPayloads[E]) =>
      send(socket, { kind: 'event', event, payload } as WireServerMessage),
    );
  const unsubscribers = EVENT_CHANNELS.map((event) => forward(event));
  return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
}

/** Creates the WebSocket server (no listening socket of its own: fed by HTTP upgrades). */
export function createContractSocketServer(
  core: ContractCore,
  dispatcher: Dispatcher,
): WebSocketServer {
  const server = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  server.on('connection', (socket) => {
    const stopForwarding = forwardEvents(core, socket);
    socket.on('close', stopForwarding);
    // ws reports a bad frame (an oversized message, invalid UTF-8) as an 'error' and then closes
    // that socket itself; without a listener the error would be thrown and stop the whole host.
    socket.on('error', () => undefined);
    socket.on('message', (data, isBinary) => {
      if (isBinary) {
        send(socket, { kind: 'protocol-error', message: 'Binary messages are not understood' });
        return;
      }
      const request = readRequest(data.toString());
      if (typeof request === 'string') {
        send(socket, { kind: 'protocol-error', message: request });
        return;
      }
      void dispatcher
        .invoke(request.channel, request.args)
        .then((outcome) => send(socket, { kind: 'result', id: request.id, outcome }));
    });
  });
  return server;
}
