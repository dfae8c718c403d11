import { useAppStore, useStores } from '../../stores/stores-context';

/**
 * Demo mode's caller: the demo phone has no one to ring it, so it offers a made-up incoming
 * call — and, while a call is up, a second caller to try call waiting.
 */
export function DemoCaller() {
  const stores = useStores();
  const demo = useAppStore('phones', (state) => state.phones.find((phone) => phone.info.demo));
  const ringing = useAppStore('calls', (state) => state.pending['demo-ring'] !== undefined);
  if (!demo || demo.status.health !== 'online') return null;
  const busy = demo.calls.some((call) => call.state === 'Connected' || call.state === 'Hold');
  return (
    <section className="panel demo-caller" aria-labelledby="demo-caller-title">
      <h2 id="demo-caller-title">Try it on the demo phone</h2>
      <p className="hint">
        Nobody else can call the demo phone: let a made-up caller ring it to try Answer, Reject and
        Ignore{busy ? ', or call waiting while this call is up' : ''}.
      </p>
      <button
        type="button"
        disabled={ringing}
        onClick={() => void stores.calls.getState().ringDemo()}
      >
        {busy ? 'Simulate a second caller' : 'Simulate an incoming call'}
      </button>
    </section>
  );
}
