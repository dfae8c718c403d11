/**
 * The preload: exposes the contract's domain verbs as `window.deskpilot` and nothing else — no
 * ipcRenderer, no event objects. Built as a CommonJS bundle so it runs in the sandbox.
 */
import { contextBridge } from 'electron';

import { REQUEST_CHANNELS } from '../shared/contract';
import { createDeskpilotApi, type DeskpilotApi } from '../shared/contract/api';
import { createIpcTransport } from './ipc-transport';

/**
 * contextBridge copies plain objects only, so the verbs the API makes on first use are listed
 * here from the contract, one namespace object each.
 */
function plainApi(api: DeskpilotApi): DeskpilotApi {
  const verbs = api as unknown as Record<string, Record<string, unknown>>;
  const plain: Record<string, Record<string, unknown>> = {};
  for (const channel of REQUEST_CHANNELS) {
    const [namespace, verb] = channel.split('.') as [string, string];
    (plain[namespace] ??= {})[verb] = verbs[namespace]?.[verb];
  }
  // Exactly the API's namespaces, verbs and events, now as plain properties.
  return { ...plain, events: api.events } as unknown as DeskpilotApi;
}

contextBridge.exposeInMainWorld('deskpilot', plainApi(createDeskpilotApi(createIpcTransport())));
