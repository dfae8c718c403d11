import { isIncomingRinging } from '../../lib/call-state';
import { findContactByNumber } from '../../lib/phone-numbers';
import { useAppStore, useStores } from '../../stores/stores-context';
import { callerName } from '../../lib/call-state';
import { useRingingAlerts } from './use-ringing-alerts';

/**
 * A prominent banner for every call ringing in, on any phone, whatever view is open, with
 * Answer and Reject. Announced to screen readers as soon as it appears.
 */
export function IncomingBanner() {
  const stores = useStores();
  const phones = useAppStore('phones', (state) => state.phones);
  const contacts = useAppStore('contacts', (state) => state.contacts);
  const ringing = phones.flatMap((phone) =>
    phone.calls.filter(isIncomingRinging).map((call) => ({ phone, call })),
  );
  const newest = ringing.at(-1);
  const newestName =
    newest &&
    callerName(newest.call, findContactByNumber(contacts, newest.call.remoteNumber)?.name ?? null);
  const key = newest ? `${newest.phone.info.id}:${newest.call.handle}` : null;
  useRingingAlerts(key, `${newestName ?? 'Someone'} is calling`);
  if (ringing.length === 0) return null;

  return (
    <section className="incoming-banner" aria-label="Incoming calls" aria-live="assertive">
      {ringing.map(({ phone, call }) => {
        const name = callerName(
          call,
          findContactByNumber(contacts, call.remoteNumber)?.name ?? null,
        );
        const calls = stores.calls.getState();
        // Call waiting: another call on this phone is talking.
        const waiting = phone.calls.some((other) => other.state === 'Connected');
        return (
          <div key={`${phone.info.id}:${call.handle}`} className="incoming-call">
            <p>
              <strong>{name}</strong> is calling
              {call.remoteNumber && call.remoteNumber !== name ? ` from ${call.remoteNumber}` : ''}
              {phones.length > 1 ? ` on ${phone.info.name}` : ''} · line {call.line}
              {waiting ? ' · call waiting' : ''}
            </p>
            {phone.status.missing.includes('call-control') ? (
              <p className="hint">Answer it on the phone itself.</p>
            ) : (
              <div className="actions">
                {waiting ? (
                  <>
                    <button
                      type="button"
                      className="primary"
                      aria-keyshortcuts="Alt+A"
                      onClick={() => void calls.answer(phone.info.id, call.handle, 'hold')}
                    >
                      Hold &amp; answer
                    </button>
                    <button
                      type="button"
                      onClick={() => void calls.answer(phone.info.id, call.handle, 'end')}
                    >
                      End &amp; answer
                    </button>
                  </>
                ) : (
                  <button
                    type="button"
                    className="primary"
                    aria-keyshortcuts="Alt+A"
                    onClick={() => void calls.answer(phone.info.id, call.handle)}
                  >
                    Answer
                  </button>
                )}
                <button
                  type="button"
                  className="danger"
                  onClick={() => void calls.reject(phone.info.id, call.handle)}
                >
                  Reject
                </button>
              </div>
            )}
          </div>
        );
      })}
    </section>
  );
}
