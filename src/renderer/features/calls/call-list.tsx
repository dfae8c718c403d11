import type { PhoneSnapshot } from '../../../shared/domain';
import { findContactByNumber } from '../../lib/phone-numbers';
import { useNow } from '../../lib/use-now';
import type { EndedCall } from '../../stores/phones-store';
import { useAppStore } from '../../stores/stores-context';
import { CallCard } from './call-card';
import { EndedCallCard, endedCallWords } from './ended-call-card';
import { NotificationOffer } from './notification-offer';
import { useTypeToDial } from './use-type-to-dial';

/** Why a phone's calls cannot be acted on now, in words; null while it answers. */
function waitingReason(phone: PhoneSnapshot): string | null {
  switch (phone.status.health) {
    case 'online':
      return null;
    case 'rebooting':
      return 'The phone is restarting: this call cannot be controlled until it is back.';
    case 'needs-attention':
      return 'The phone needs attention before this call can be controlled.';
    case 'unreachable':
    case 'connecting':
      return 'The phone is not answering: this call may have changed. Deskpilot keeps trying.';
  }
}

/** One phone's live calls and the calls that just ended there, with their reasons. */
function PhoneCalls({
  phone,
  ended,
  named,
  now,
}: {
  phone: PhoneSnapshot;
  ended: EndedCall[];
  named: boolean;
  now: number;
}) {
  const contacts = useAppStore('contacts', (state) => state.contacts);
  const pending = useAppStore('calls', (state) => state.pending);
  const actions = useAppStore('calls', (state) => state);
  const live = phone.calls.filter((call) => call.state !== 'Disconnected');
  const controllable = !phone.status.missing.includes('call-control');
  const waiting = waitingReason(phone);
  // A phone that stopped answering: its calls' clocks stop where it was last heard.
  const clock = waiting === null ? now : (phone.status.lastSeenAt ?? now);
  const contactName = (number: string) => findContactByNumber(contacts, number)?.name ?? null;
  const titleId = `calls-of-${phone.info.id}`;

  return (
    <section className="phone-calls" aria-labelledby={named ? titleId : undefined}>
      {named && (
        <h3 id={titleId} className="phone-calls-title">
          {phone.info.name}
        </h3>
      )}
      <ul className="calls">
        {live.map((call) => (
          <li key={call.handle}>
            <CallCard
              phoneId={phone.info.id}
              call={call}
              contactName={contactName(call.remoteNumber)}
              now={Math.max(clock, call.observedAt)}
              pending={pending[call.handle]}
              controllable={controllable}
              waiting={waiting}
              otherTalking={live.some(
                (other) => other.handle !== call.handle && other.state === 'Connected',
              )}
              otherCall={live.length > 1}
              actions={actions}
            />
          </li>
        ))}
        {ended.map((item) => (
          <li key={`ended-${item.call.handle}`}>
            <EndedCallCard ended={item} contactName={contactName(item.call.remoteNumber)} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Every live call of every phone, grouped by phone, and calls that just ended with the reason. */
export function CallList() {
  const phones = useAppStore('phones', (state) => state.phones);
  const endedCalls = useAppStore('phones', (state) => state.endedCalls);
  const now = useNow();
  useTypeToDial();
  const groups = phones
    .map((phone) => ({
      phone,
      ended: endedCalls.filter((item) => item.phoneId === phone.info.id),
    }))
    .filter(
      ({ phone, ended }) =>
        ended.length > 0 || phone.calls.some((call) => call.state !== 'Disconnected'),
    );
  const latest = endedCalls.at(-1);
  const anyLive = phones.some((phone) => phone.calls.some((call) => call.state !== 'Disconnected'));

  return (
    <section className="panel call-list" aria-labelledby="call-list-title">
      <h2 id="call-list-title">Current calls</h2>
      {!anyLive && <p className="empty">No calls right now.</p>}
      {groups.map(({ phone, ended }) => (
        <PhoneCalls
          key={phone.info.id}
          phone={phone}
          ended={ended}
          named={phones.length > 1}
          now={now}
        />
      ))}
      <NotificationOffer />
      <p className="visually-hidden" role="status">
        {latest ? endedCallWords(latest) : ''}
      </p>
    </section>
  );
}
