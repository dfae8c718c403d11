import type { PhoneSnapshot } from '../../../shared/domain';
import { useAppStore, useStores } from '../../stores/stores-context';

function timeOf(ms: number): string {
  return new Date(ms).toLocaleTimeString();
}

/**
 * A phone's "Instant call events": how they stand, in words with the likely cause when they do
 * not arrive; turning them on shows first what will change on the phone, and turning them off
 * says the phone's previous values come back.
 */
export function InstantEvents({ phone }: { phone: PhoneSnapshot }) {
  const stores = useStores();
  const busy = useAppStore('push', (state) => state.busy);
  const planned = useAppStore('push', (state) => state.plan);
  const failed = useAppStore('push', (state) => state.problem);
  const { info, push } = phone;
  const phoneId = info.id;
  const doing = busy?.phoneId === phoneId ? busy.doing : null;
  const plan = planned?.phoneId === phoneId ? planned.plan : null;
  const problem = failed?.phoneId === phoneId ? failed.message : null;
  const actions = stores.push.getState();
  const titleId = `instant-events-${phoneId}`;

  return (
    <section className={`instant-events push-${push.phase}`} aria-labelledby={titleId}>
      <h3 id={titleId}>Instant call events</h3>
      <p className="push-state" aria-live="polite">
        {push.message}
        {push.lastEventAt !== null && ` Last event at ${timeOf(push.lastEventAt)}.`}
      </p>
      {push.phase === 'off' && plan === null && (
        <p className="hint">
          The phone tells Deskpilot about every call as it happens, so a ring shows at once and the
          phone is asked far less often. This changes the phone&apos;s telephony notification
          settings (its admin password is needed) and puts them back when you turn it off or remove
          the phone.
        </p>
      )}
      {plan !== null && (
        <div className="report">
          <table className="push-plan">
            <caption>Deskpilot will change these settings on {info.name}</caption>
            <thead>
              <tr>
                <th scope="col">Setting</th>
                <th scope="col">Now</th>
                <th scope="col">Will be</th>
              </tr>
            </thead>
            <tbody>
              {plan.changes.map((change) => (
                <tr key={change.name}>
                  <th scope="row">
                    <code>{change.name}</code>
                  </th>
                  <td>{change.from === null || change.from === '' ? '(empty)' : change.from}</td>
                  <td>{change.to}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="hint">
            The phone will send its events to this computer at {plan.listeningOn}. If a firewall on
            this computer asks, allow Deskpilot to receive connections there.
            {plan.unsupported.length > 0 &&
              ` This phone's firmware has no ${plan.unsupported.join(', ')}; those are left alone.`}
          </p>
        </div>
      )}
      {problem !== null && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <div className="actions">
        {push.phase === 'off' && plan === null && (
          <button
            type="button"
            disabled={doing !== null}
            onClick={() => void actions.showPlan(phoneId)}
          >
            {doing === 'planning'
              ? "Reading the phone's settings…"
              : 'Turn on instant call events…'}
          </button>
        )}
        {plan !== null && (
          <>
            <button
              type="button"
              className="primary"
              disabled={doing !== null}
              onClick={() => void actions.turnOn(phoneId)}
            >
              {doing === 'turning-on' ? 'Turning on…' : 'Make these changes'}
            </button>
            <button type="button" disabled={doing !== null} onClick={() => actions.cancel()}>
              Cancel
            </button>
          </>
        )}
        {push.phase !== 'off' && (
          <button
            type="button"
            disabled={doing !== null}
            onClick={() => void actions.turnOff(phoneId)}
          >
            {doing === 'turning-off'
              ? 'Turning off…'
              : "Turn off instant call events (puts back the phone's settings)"}
          </button>
        )}
      </div>
    </section>
  );
}
