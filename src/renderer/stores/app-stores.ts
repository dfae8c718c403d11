import type { StoreApi } from 'zustand';
import type { ConnectionState, DeskpilotApi } from '../../shared/contract/api';
import { createCallsStore, type CallsState } from './calls-store';
import { createContactsStore, type ContactsState } from './contacts-store';
import { createDialRequestStore, type DialRequestState } from './dial-request-store';
import { createFleetStore, type FleetState } from './fleet-store';
import { createHistoryStore, type HistoryState } from './history-store';
import { createNoticesStore, type NoticesState } from './notices-store';
import { createPhonesStore, type PhonesState } from './phones-store';
import { createPushStore, type PushState } from './push-store';
import { createSettingsStore, type SettingsState } from './settings-store';
import { createSetupStore, type SetupState } from './setup-store';
import { createUiStore, type UiState } from './ui-store';

/** The state type of each store, by name. */
export interface AppStates {
  notices: NoticesState;
  phones: PhonesState;
  calls: CallsState;
  contacts: ContactsState;
  history: HistoryState;
  settings: SettingsState;
  dialRequest: DialRequestState;
  setup: SetupState;
  push: PushState;
  ui: UiState;
  fleet: FleetState;
}

/** Makes the stores of one phone's view (the remote screen, the admin console) over the API. */
export type PhoneStoreFactory<S> = (api: DeskpilotApi, phoneId: string) => S;

/** The window's stores by name. */
export type StateStores = { [K in keyof AppStates]: StoreApi<AppStates[K]> };

export type AppStores = StateStores & {
  /**
   * The stores of a view about one phone, made over the window's API. The factory comes from
   * the view, so a view loaded on demand keeps its store code out of the first bundle.
   */
  phoneStore<S>(create: PhoneStoreFactory<S>, phoneId: string): S;
};

/** Every store of the window, built over one API; stores are the only code that calls the core. */
export function createAppStores(
  api: DeskpilotApi,
  { browserHost = false }: { browserHost?: boolean } = {},
): AppStores {
  const notices = createNoticesStore();
  const phones = createPhonesStore(api);
  const calls = createCallsStore(api, notices);
  return {
    notices,
    phones,
    calls,
    contacts: createContactsStore(api, notices),
    history: createHistoryStore(api),
    settings: createSettingsStore(api, notices),
    dialRequest: createDialRequestStore(api, calls),
    setup: createSetupStore(api, phones, notices),
    push: createPushStore(api, notices),
    ui: createUiStore(browserHost),
    fleet: createFleetStore(api),
    phoneStore: (create, phoneId) => create(api, phoneId),
  };
}

/** Reports the connection to the core coming, going and ending; returns the unsubscribe. */
export type ConnectionWatcher = (listener: (state: ConnectionState) => void) => () => void;

/**
 * Loads every snapshot and follows the core's events; returns one function that stops it all.
 * When the connection to the core comes back, everything is fetched again, because events sent
 * while it was down are lost.
 */
export function startAppStores(stores: AppStores, watchConnection?: ConnectionWatcher): () => void {
  const stops = [
    stores.phones.getState().start(),
    stores.contacts.getState().start(),
    stores.settings.getState().start(),
    stores.dialRequest.getState().start(),
    stores.history.getState().start(),
    stores.fleet.getState().start(),
  ];
  if (watchConnection) {
    stops.push(
      watchConnection((state) => {
        const was = stores.ui.getState().connection;
        stores.ui.getState().setConnection(state);
        if (state === 'connected' && was !== 'connected') {
          void stores.phones.getState().refresh();
          void stores.contacts.getState().reload();
          void stores.settings.getState().reload();
        }
      }),
    );
  }
  return () => stops.forEach((stop) => stop());
}
