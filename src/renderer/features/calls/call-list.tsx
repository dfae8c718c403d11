import { findContactByNumber } from '../../lib/phone-numbers';
import { useNow } from '../../lib/use-now';
import { selectedPhone } from '../../stores/phones-store';
import { useAppStore } from '../../stores/stores-context';
import { CallCard } from './call-card';

/** Every call on the selected phone, live; one clock ticks all durations. */
export function CallList() {
  const phone = useAppStore('phones', selectedPhone);
  const contacts = useAppStore('contacts', (state) => state.contacts);
  const pending = useAppStore('calls', (state) => state.pending);
  const actions = useAppStore('calls', (state) => state);
  const now = useNow();
  if (!phone) return null;
  const calls = phone.calls.filter((call) => call.state !== 'Disconnected');
  const controllable = !phone.status.missing.includes('call-control');

  return (
    <section className="panel call-list" aria-labelledby="call-list-title">
      <h2 id="call-list-title">Current calls</h2>
      {calls.length === 0 ? (
        <p className="empty">No calls right now.</p>
      ) : (
        <ul className="calls">
          {calls.map((call) => (
            <li key={call.handle}>
              <CallCard
                phoneId={phone.info.id}
                call={call}
                contactName={findContactByNumber(contacts, call.remoteNumber)?.name ?? null}
                now={now}
                pending={pending[call.handle]}
                controllable={controllable}
                actions={actions}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
