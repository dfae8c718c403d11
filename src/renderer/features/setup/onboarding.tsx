import { useAppStore, useStores } from '../../stores/stores-context';
import { PhoneForm } from './phone-form';

/** First run: no phone configured yet. The demo phone is one click away. */
export function Onboarding() {
  const stores = useStores();
  const busy = useAppStore('setup', (state) => state.busy);
  return (
    <main className="onboarding" id="main">
      <h1>Welcome to Deskpilot</h1>
      <p className="lead">
        Drive your Poly VVX desk phone from this computer: dial, answer, hold and transfer calls,
        and keep your contacts at hand.
      </p>
      <section className="panel" aria-labelledby="demo-title">
        <h2 id="demo-title">No phone yet?</h2>
        <p>
          Try everything with a simulated phone that lives inside Deskpilot. You can add your real
          phone later.
        </p>
        <button
          type="button"
          className="primary"
          disabled={busy !== null}
          onClick={() => void stores.setup.getState().addDemo()}
        >
          {busy === 'demo' ? 'Starting the demo phone…' : 'Use the demo phone'}
        </button>
      </section>
      <section className="panel">
        <PhoneForm />
      </section>
    </main>
  );
}
