/**
 * The preload: exposes the contract's domain verbs as `window.deskpilot` and nothing else — no
 * ipcRenderer, no event objects. Built as a CommonJS bundle so it runs in the sandbox.
 */
import { contextBridge } from 'electron';

import { createDeskpilotApi } from '../shared/contract';
import { createIpcTransport } from './ipc-transport';

contextBridge.exposeInMainWorld('deskpilot', createDeskpilotApi(createIpcTransport()));
