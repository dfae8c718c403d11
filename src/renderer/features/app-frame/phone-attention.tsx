import { selectedPhone } from '../../stores/phones-store';
import { useAppStore } from '../../stores/stores-context';
import { problemTitle } from '../setup/connection-report';

/**
 * When the selected phone is offline or needs attention, or its instant call events stopped
 * arriving, says so above every view with the core's explanation and a way to the fix, so the
 * status dot is never the only clue.
 */
export function PhoneAttention() {
  const phone = useAppStore('phones', selectedPhone);
  const view = useAppStore('ui', (state) => state.view);
  const show = useAppStore('ui', (state) => state.show);
  if (!phone || phone.status.health === 'connecting') return null;
  if (phone.status.health === 'online') {
    if (phone.push.phase !== 'not-arriving') return null;
    return (
      <section className="phone-attention" aria-label="Phone status">
        <p>
          <strong>Instant call events from {phone.info.name} are not arriving.</strong>{' '}
          {phone.push.message.replace(/^Not arriving: /, '')}
        </p>
        {view !== 'phones' && (
          <button type="button" onClick={() => show('phones')}>
            See it in Phones
          </button>
        )}
      </section>
    );
  }
  const { status } = phone;
  const title =
    status.attention !== null
      ? problemTitle(status.attention)
      : status.health === 'rebooting'
        ? `${phone.info.name} is away`
        : `${phone.info.name} cannot be reached`;
  return (
    <section className="phone-attention" aria-label="Phone status">
      <p>
        <strong>{title}.</strong> {status.message}
      </p>
      {status.attention !== null && view !== 'phones' && (
        <button type="button" onClick={() => show('phones')}>
          Fix it in Phones
        </button>
      )}
    </section>
  );
}
