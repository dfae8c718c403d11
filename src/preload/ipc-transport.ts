/** The contract over Electron IPC, as the preload sees it. */
import { ipcRenderer, type IpcRenderer, type IpcRendererEvent } from 'electron';

import type { ContractTransport, RequestOutcome } from '../shared/contract/api';
import type { EventChannel, EventPayloads } from '../shared/contract/events';
import type { RequestArgs, RequestChannel } from '../shared/contract';
import { IPC_EVENT_PREFIX, IPC_INVOKE_CHANNEL } from '../shared/contract/wire';

/**
 * Calls go through one invoke channel (main checks the sender and validates the arguments);
 * event listeners receive only the payload, never the IPC event, and get an unsubscribe.
 */
export function createIpcTransport(
  ipc: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'> = ipcRenderer,
): ContractTransport {
  return {
    invoke<C extends RequestChannel>(channel: C, args: RequestArgs<C>) {
      // Main answers each channel with that channel's outcome (see src/main/electron/contract-ipc).
      return ipc.invoke(IPC_INVOKE_CHANNEL, channel, args) as Promise<RequestOutcome<C>>;
    },
    subscribe<E extends EventChannel>(event: E, listener: (payload: EventPayloads[E]) => void) {
      const channel = `${IPC_EVENT_PREFIX}${event}`;
      const strip = (_event: IpcRendererEvent, payload: EventPayloads[E]): void =>
        listener(payload);
      ipc.on(channel, strip);
      return () => {
        ipc.removeListener(channel, strip);
      };
    },
  };
}
