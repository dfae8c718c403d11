import type { Call, PhoneSnapshot } from '../../../shared/domain';
import { callerName, describeCallState, isIncomingRinging } from '../../lib/call-state';
import type { GroupFilter } from '../../stores/ui-store';

/** What a tile shows at a glance; also its `data-state`, which scripts and tests read. */
export type TileState = 'idle' | 'ringing' | 'in-call' | 'offline' | 'connecting';

/** The state filter's choices. */
export type StateFilter = 'all' | 'ringing' | 'in-call' | 'offline';

export const STATE_FILTERS: readonly { value: StateFilter; label: string }[] = [
  { value: 'all', label: 'All states' },
  { value: 'ringing', label: 'Ringing' },
  { value: 'in-call', label: 'In a call' },
  { value: 'offline', label: 'Offline' },
];

/** The calls a tile shows: every call not yet gone, ringing ones first. */
export function liveCalls(phone: PhoneSnapshot): Call[] {
  const live = phone.calls.filter((call) => call.state !== 'Disconnected');
  return [...live.filter(isIncomingRinging), ...live.filter((call) => !isIncomingRinging(call))];
}

/** The tile's state: a phone not answering is offline whatever calls it last showed. */
export function tileState(phone: PhoneSnapshot): TileState {
  switch (phone.status.health) {
    case 'connecting':
      return 'connecting';
    case 'unreachable':
    case 'rebooting':
    case 'needs-attention':
      return 'offline';
    case 'online':
      break;
  }
  const live = liveCalls(phone);
  if (live.some(isIncomingRinging)) return 'ringing';
  return live.length > 0 ? 'in-call' : 'idle';
}

/** The tile's state in words (the words carry the state; colour only repeats them). */
export function describeTileState(phone: PhoneSnapshot): string {
  switch (tileState(phone)) {
    case 'connecting':
      return 'Connecting';
    case 'offline':
      return phone.status.health === 'rebooting' ? 'Restarting' : 'Offline';
    case 'ringing':
      return 'Ringing';
    case 'in-call': {
      const [first] = liveCalls(phone);
      return first ? describeCallState(first) : 'In a call';
    }
    case 'idle':
      return 'Idle';
  }
}

/** "2/2 lines": registered lines of all the phone has; empty while none are known. */
export function describeLines(phone: PhoneSnapshot): string {
  if (phone.lines.length === 0) return '';
  const registered = phone.lines.filter((line) => line.registration === 'Registered').length;
  return `${registered}/${phone.lines.length} ${phone.lines.length === 1 ? 'line' : 'lines'}`;
}

/**
 * The tile's accessible name: the phone, its state and who is calling or on the line, so a
 * screen reader moving from tile to tile hears what a glance shows.
 */
export function tileLabel(phone: PhoneSnapshot): string {
  const [first, ...others] = liveCalls(phone);
  const parts = [phone.info.name, describeTileState(phone)];
  if (first && tileState(phone) !== 'offline') {
    parts.push(`${isIncomingRinging(first) ? 'from' : 'with'} ${callerName(first, null)}`);
    if (others.length > 0)
      parts.push(`${others.length} more ${others.length === 1 ? 'call' : 'calls'}`);
  }
  return parts.join(', ');
}

export interface OperatorFilter {
  search: string;
  state: StateFilter;
  group: GroupFilter;
}

function inGroup(phone: PhoneSnapshot, group: GroupFilter): boolean {
  switch (group.kind) {
    case 'all':
      return true;
    case 'none':
      return phone.info.group === null;
    case 'named':
      return phone.info.group === group.name;
  }
}

/** The phones the view shows, in the core's order. */
export function filterPhones(
  phones: readonly PhoneSnapshot[],
  { search, state, group }: OperatorFilter,
): PhoneSnapshot[] {
  const words = search.trim().toLocaleLowerCase();
  return phones.filter(
    (phone) =>
      inGroup(phone, group) &&
      (state === 'all' || tileState(phone) === state) &&
      (words === '' || phone.info.name.toLocaleLowerCase().includes(words)),
  );
}

/**
 * The ringing call that has rung longest among `phones` (the answer shortcut takes it, as a
 * receptionist takes the caller who has waited longest).
 */
export function oldestRinging(
  phones: readonly PhoneSnapshot[],
): { phoneId: string; call: Call } | null {
  let oldest: { phoneId: string; call: Call; since: number } | null = null;
  for (const phone of phones) {
    if (tileState(phone) !== 'ringing' || phone.status.missing.includes('call-control')) continue;
    for (const call of phone.calls.filter(isIncomingRinging)) {
      const since = call.observedAt - call.durationSeconds * 1000;
      if (oldest === null || since < oldest.since) oldest = { phoneId: phone.info.id, call, since };
    }
  }
  return oldest && { phoneId: oldest.phoneId, call: oldest.call };
}
