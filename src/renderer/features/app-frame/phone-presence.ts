import type { PhoneSnapshot } from '../../../shared/domain';

export type Presence = 'online' | 'busy' | 'offline' | 'attention' | 'connecting';

/** Collapses a phone's health and calls into the four states the status dot shows. */
export function phonePresence(phone: Pick<PhoneSnapshot, 'status' | 'calls'>): Presence {
  switch (phone.status.health) {
    case 'needs-attention':
      return 'attention';
    case 'unreachable':
    case 'rebooting':
      return 'offline';
    case 'connecting':
      return 'connecting';
    case 'online':
      return phone.calls.some((call) => call.state !== 'Disconnected') ? 'busy' : 'online';
  }
}

const PRESENCE_WORDS: Record<Presence, string> = {
  online: 'Online',
  busy: 'Busy',
  offline: 'Offline',
  attention: 'Needs attention',
  connecting: 'Connecting',
};

/** The presence in words, for the label next to the dot (colour is never the only cue). */
export function describePresence(presence: Presence): string {
  return PRESENCE_WORDS[presence];
}
