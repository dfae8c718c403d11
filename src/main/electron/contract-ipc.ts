/**
 * The contract over Electron IPC: one invoke channel into the dispatcher, accepted only from the
 * app's own page in the app's own window, and every core event pushed to that window.
 */
import {
  ipcMain as electronIpcMain,
  type IpcMain,
  type IpcMainInvokeEvent,
  type WebContents,
} from 'electron';

import type { RequestOutcome } from '../../shared/contract/api';
import type { RequestChannel } from '../../shared/contract';
import {
  EVENT_CHANNELS,
  type EventChannel,
  type EventPayloads,
} from '../../shared/contract/events';
import { IPC_EVENT_PREFIX, IPC_INVOKE_CHANNEL } from '../../shared/contract/wire';
import type { ContractCore } from '../ipc/contract-core';
import type { Dispatcher } from '../ipc/dispatcher';
import { isAppUrl } from './app-protocol';

/** Whether an IPC message comes from the app's page in one of our windows. */
function isTrustedSender(
  event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>,
  windows: () => readonly WebContents[],
): boolean {
  const frame = event.senderFrame;
  return (
    frame !== null &&
    frame.parent === null &&
    isAppUrl(frame.url) &&
    windows().includes(event.sender)
  );
}

const refused: RequestOutcome<RequestChannel> = {
  ok: false,
  error: { code: 'insufficient-access', message: 'This page may not use Deskpilot' },
};

/**
 * Routes contract calls from trusted senders to the dispatcher and forwards core events to the
 * windows; returns a function that undoes both.
 */
export function wireContractIpc(options: {
  /** Electron's own by default; tests pass a stand-in. */
  ipcMain?: Pick<IpcMain, 'handle' | 'removeHandler'>;
  dispatcher: Dispatcher;
  core: Pick<ContractCore, 'subscribe'>;
  windows: () => readonly WebContents[];
}): () => void {
  const { ipcMain = electronIpcMain, dispatcher, core, windows } = options;
  ipcMain.handle(IPC_INVOKE_CHANNEL, (event, channel: unknown, args: unknown) =>
    isTrustedSender(event, windows)
      ? dispatcher.invoke(channel, args, `window:${event.sender.id}`)
      : refused,
  );
  const forward = <E extends EventChannel>(event: E) =>
    core.subscribe(event, (payload: EventPayloads[E]) => {
      for (const contents of windows()) {
        if (!contents.isDestroyed()) contents.send(`${IPC_EVENT_PREFIX}${event}`, payload);
      }
    });
  const unsubscribers = EVENT_CHANNELS.map((event) => forward(event));
  return () => {
    ipcMain.removeHandler(IPC_INVOKE_CHANNEL);
    unsubscribers.forEach((unsubscribe) => unsubscribe());
  };
}
