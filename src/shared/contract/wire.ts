/**
 * The contract on the wire between the browser host's WebSocket and the browser client (and the
 * Electron IPC bridge's channel names): message shapes and constants.
 * Pure types and constants, shared by src/main (server) and src/renderer (client).
 */
import type { RequestOutcome } from './api';
import type { EventChannel, EventPayloads } from './events';
import type { RequestChannel } from './index';

/** Electron IPC channel carrying contract calls: (channel, args) → RequestOutcome. */
export const IPC_INVOKE_CHANNEL = 'deskpilot:invoke';
/** Electron IPC channel prefix for events: `deskpilot:event:<event channel>` with the payload. */
export const IPC_EVENT_PREFIX = 'deskpilot:event:';

/** Path of the browser host's contract WebSocket. */
export const CONTRACT_SOCKET_PATH = '/contract';

/**
 * The browser host's session, as the page takes part in it: the sign-in hands the page its key
 * in the address's fragment (`#key=…`, never sent to a server); the page presents it as a
 * second WebSocket subprotocol when the contract socket opens (beside CONTRACT_PROTOCOL, the
 * one the host answers with) and in a header when it renews the session, which it does every
 * SESSION_RENEW_EVERY_MS. A socket whose session ended is closed with SESSION_ENDED_CLOSE_CODE.
 */
export const SESSION_KEY_FRAGMENT = 'key';
export const CONTRACT_PROTOCOL = 'deskpilot';
export const SESSION_KEY_PROTOCOL_PREFIX = 'deskpilot.key.';
export const SESSION_RENEW_PATH = '/session/renew';
export const SESSION_KEY_HEADER = 'x-deskpilot-key';
export const SESSION_RENEW_EVERY_MS = 60_000;
export const SESSION_ENDED_CLOSE_CODE = 4401;

/** The largest message the browser host reads: ample for every argument but a contacts file. */
export const MAX_MESSAGE_BYTES = 1024 * 1024;

/**
 * The one channel whose messages may be larger, and how large: a contacts import carries the
 * whole file (up to 5,000,000 characters, more bytes once encoded and escaped).
 */
export const LARGE_MESSAGE_CHANNEL = 'contacts.previewImport';
export const MAX_LARGE_MESSAGE_BYTES = 8 * 1024 * 1024;

/** A call from the client; `id` pairs it with its result. */
export interface WireRequest {
  id: number;
  channel: string;
  args: unknown;
}

/** An event pushed by the host. */
export type WireEvent = {
  [E in EventChannel]: { kind: 'event'; event: E; payload: EventPayloads[E] };
}[EventChannel];

/** What the host sends: results, events, or a complaint about an unreadable message. */
export type WireServerMessage =
  | { kind: 'result'; id: number; outcome: RequestOutcome<RequestChannel> }
  | WireEvent
  | { kind: 'protocol-error'; message: string };
