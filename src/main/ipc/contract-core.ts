/** The part of the core that transports (Electron IPC, the browser host) serve. */
import type { ContractHandlers } from '../../shared/contract';
import type { EventChannel, EventPayloads } from '../../shared/contract/events';

/** Handlers plus the event stream: structurally satisfied by the core facade. */
export interface ContractCore {
  handlers: ContractHandlers;
  subscribe<E extends EventChannel>(
    event: E,
    listener: (payload: EventPayloads[E]) => void,
  ): () => void;
}
