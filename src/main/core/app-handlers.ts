import type { EventPayloads } from '../../shared/contract/events';
import type { ContactsStore } from '../contacts/contacts-store';
import type { SettingsStore } from '../settings/settings-store';
import { DeskpilotError } from '../ground/deskpilot-error';
import { parseDestination } from '../ground/dial-destination';
import type { DialRequests } from './dial-requests';
import type { HandlersOf } from './handler-types';
import type { PhoneManager } from './phone-manager';

type AppHandlers = HandlersOf<'contacts.'> & HandlersOf<'settings.'> & HandlersOf<'links.'>;

export interface AppHandlerDeps {
  contacts: ContactsStore;
  settings: SettingsStore;
  manager: PhoneManager;
  dialRequests: DialRequests;
  emitSettings: (settings: EventPayloads['settings-changed']) => void;
}

/** Handlers of the address book, app preferences and click-to-dial link channels. */
export function createAppHandlers(deps: AppHandlerDeps): AppHandlers {
  const { contacts, settings, manager, dialRequests } = deps;
  return {
    'contacts.list': async () => contacts.list(),
    'contacts.add': async (input) => contacts.add(input),
    'contacts.update': async ({ id, contact }) => contacts.update(id, contact),
    'contacts.remove': async ({ id }) => {
      contacts.remove(id);
      return null;
    },
    'contacts.previewImport': async ({ fileName, content }) =>
      contacts.previewImport(fileName, content),
    'contacts.commitImport': async ({ previewId }) => contacts.commitImport(previewId),
    'settings.get': async () => settings.appSettings(),
    'settings.set': async (patch) => {
      const phoneId = patch.defaultPhoneId;
      if (typeof phoneId === 'string' && !manager.list().some((phone) => phone.id === phoneId)) {
        throw new DeskpilotError('unknown-phone', `There is no phone with id "${phoneId}".`);
      }
      const next = settings.updateAppSettings(patch);
      deps.emitSettings(next);
      return next;
    },
    'links.parse': async ({ link }) => parseDestination(link),
    'links.request': async ({ source, link }) => dialRequests.request(source, link),
    'links.confirmDial': async ({ id, phoneId }) => dialRequests.confirm(id, phoneId),
    'links.dismissDial': async ({ id }) => {
      dialRequests.dismiss(id);
      return null;
    },
  };
}
