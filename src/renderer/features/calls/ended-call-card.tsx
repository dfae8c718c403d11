import { CALL_OUTCOME_WORDS } from '../../../shared/domain';
import type { EndedCall } from '../../stores/phones-store';
import { useStores } from '../../stores/stores-context';
import { callerName } from '../../lib/call-state';

/** "Call with 4861 ended: Busy", for the screen reader's announcement. */
export function endedCallWords({ call, outcome }: EndedCall): string {
  return `Call with ${callerName(call, null)} ended: ${CALL_OUTCOME_WORDS[outcome]}.`;
}

/** A call that ended by itself, for a few seconds: who, why, and a way to call again. */
export function EndedCallCard({
  ended,
  contactName,
}: {
  ended: EndedCall;
  contactName: string | null;
}) {
  const stores = useStores();
  const { call, outcome, phoneId } = ended;
  const name = callerName(call, contactName);
  return (
    <article
      className={`call call-ended outcome-${outcome}`}
      aria-label={`Ended call with ${name}`}
    >
      <header className="call-header">
        <div>
          <h3 className="call-name">{name}</h3>
          {call.remoteNumber && call.remoteNumber !== name && (
            <p className="call-number">{call.remoteNumber}</p>
          )}
        </div>
        <p className="call-state">
          <span className="call-outcome">{CALL_OUTCOME_WORDS[outcome]}</span>
        </p>
      </header>
      <div className="actions">
        {call.remoteNumber !== '' && (
          <button
            type="button"
            className="primary"
            onClick={() => {
              stores.phones.getState().dismissEnded(call.handle);
              void stores.calls.getState().dial(phoneId, call.remoteNumber);
            }}
          >
            Call again
          </button>
        )}
        <button type="button" onClick={() => stores.phones.getState().dismissEnded(call.handle)}>
          Dismiss
        </button>
      </div>
    </article>
  );
}
