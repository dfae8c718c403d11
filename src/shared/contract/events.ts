/**
 * Events pushed from the core to every UI, each declared once with its payload type. No schema:
 * the core is their only source, and UIs trust what it sends.
 */
import type { ContactsChange } from '../contacts';
import type { PhoneEvent } from '../domain';
import type { AppSettings } from '../settings';
import type { FleetProgress } from './fleet';
import type { DialRequest } from './links';

/** Declares an event's payload type (the value itself is never read). */
function payload<Payload>(): Payload | undefined {
  return undefined;
}

const EVENTS = {
  phone: payload<PhoneEvent>(),
  /** A link, `--dial` or the shortcut asks to dial and the user must confirm first. */
  'dial-request': payload<DialRequest>(),
  /** What changed, not the whole list: an address book holds up to 10,000 contacts. */
  'contacts-changed': payload<ContactsChange>(),
  'settings-changed': payload<AppSettings>(),
  /** A step of a fleet job (import, inventory, change, restart), under the caller's job id. */
  'fleet-progress': payload<FleetProgress>(),
};

export type EventChannel = keyof typeof EVENTS;
export type EventPayloads = { [E in EventChannel]: Exclude<(typeof EVENTS)[E], undefined> };

/** Every event channel, for transports that forward all of them. */
export const EVENT_CHANNELS = Object.keys(EVENTS) as EventChannel[];
