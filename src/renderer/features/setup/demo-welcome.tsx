import { useState } from 'react';
import { useAppStore } from '../../stores/stores-context';

/** Where "Got it" is remembered: a hint of this window, not a setting worth a file. */
const SEEN_KEY = 'deskpilot.demoWelcomeSeen';

function seenBefore(): boolean {
  try {
    return localStorage.getItem(SEEN_KEY) === '1';
  } catch {
    // Storage may be off (a locked-down profile): the welcome then shows until dismissed.
    return false;
  }
}

/**
 * A newcomer's first view: when the only phone is the demo phone Deskpilot set up by itself,
 * says what it is, what to try, and how to add a real phone, until the user has read it.
 */
export function DemoWelcome() {
  const phones = useAppStore('phones', (state) => state.phones);
  const show = useAppStore('ui', (state) => state.show);
  const [seen, setSeen] = useState(seenBefore);
  if (seen || phones.length === 0 || phones.some((phone) => !phone.info.demo)) return null;
  const dismiss = () => {
    try {
      localStorage.setItem(SEEN_KEY, '1');
    } catch {
      // Not remembered: it shows again next time, which does no harm.
    }
    setSeen(true);
  };
  return (
    <section className="demo-welcome" aria-labelledby="demo-welcome-title">
      <h2 id="demo-welcome-title">Welcome to Deskpilot: you are using the demo phone</h2>
      <p>
        The demo phone is a simulated Poly VVX inside Deskpilot, so you can try everything before
        connecting your own: dial <strong>1001</strong> to reach someone who answers, a number
        starting with <strong>486</strong> to get a busy line, or <strong>603</strong> for one that
        declines.
      </p>
      <p>To add your real phone:</p>
      <ol>
        <li>Find its address on the phone: Settings → Status → Network.</li>
        <li>
          Turn on its REST API in its web page: Settings → Applications → REST API (it is off from
          the factory).
        </li>
        <li>In Phones, choose “Add a phone” and enter the address and the admin password.</li>
      </ol>
      <div className="actions">
        <button type="button" className="primary" onClick={() => show('phones')}>
          Add my phone
        </button>
        <button type="button" onClick={dismiss}>
          Got it
        </button>
      </div>
    </section>
  );
}
