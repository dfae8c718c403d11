/**
 * Starts the core for the desktop app — the per-user data folder, passwords sealed with the OS
 * keychain where it offers encryption, settings and contacts as electron-store files — and hands
 * the rest of the shell only what it may use: the dispatcher, the event stream and close().
 */
import { join } from 'node:path';
import ElectronStore from 'electron-store';

import { createCore } from '../../core/create-core';
import type { ConfOpener } from '../../ground/conf-file';
import { defaultDataDir } from '../../ground/data-dir';
import type { ContractCore } from '../../ipc/contract-core';
import { createDispatcher, type Dispatcher } from '../../ipc/dispatcher';
import { SafeStorageSecretStore } from '../safe-storage-secret-store';

/** The core as the shell sees it: every call goes through the dispatcher. */
export interface ShellCore {
  dispatcher: Dispatcher;
  subscribe: ContractCore['subscribe'];
  close(): Promise<void>;
}

/** electron-store is conf with Electron's defaults; it names its file `name`, not `configName`. */
const openWithElectronStore: ConfOpener = ({ configName, ...options }) =>
  new ElectronStore({ ...options, name: configName });

/** Starts the core; see the module comment. */
export async function startShellCore(): Promise<ShellCore> {
  const dataDir = defaultDataDir();
  const secretStore = SafeStorageSecretStore.available()
    ? new SafeStorageSecretStore(join(dataDir, 'secrets.safe.json'))
    : undefined;
  if (secretStore === undefined) {
    console.error(
      'Deskpilot: no OS keychain available; passwords are kept in a file only you can read.',
    );
  }
  const core = await createCore({ dataDir, secretStore, openConf: openWithElectronStore });
  return {
    dispatcher: createDispatcher(core),
    subscribe: (event, listener) => core.subscribe(event, listener),
    close: () => core.close(),
  };
}
