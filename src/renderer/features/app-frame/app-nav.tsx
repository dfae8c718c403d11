import { useAppStore } from '../../stores/stores-context';
import type { View } from '../../stores/ui-store';

const NAV_ITEMS: { view: View; label: string; shortcut: string }[] = [
  { view: 'calls', label: 'Calls', shortcut: 'Alt+1' },
  { view: 'contacts', label: 'Contacts', shortcut: 'Alt+2' },
  { view: 'history', label: 'History', shortcut: 'Alt+3' },
  { view: 'phones', label: 'Phones', shortcut: 'Alt+4' },
  { view: 'settings', label: 'Settings', shortcut: 'Alt+5' },
  { view: 'screen', label: 'Remote screen', shortcut: 'Alt+6' },
  { view: 'admin', label: 'Admin', shortcut: 'Alt+7' },
  { view: 'operator', label: 'Operator', shortcut: 'Alt+8' },
];

/** The views, in the order of their Alt+number shortcuts. */
export const NAV_ORDER: View[] = NAV_ITEMS.map((item) => item.view);

/** The main navigation; the current view is marked for screen readers with aria-current. */
export function AppNav() {
  const view = useAppStore('ui', (state) => state.view);
  const show = useAppStore('ui', (state) => state.show);
  const missed = useAppStore('history', (state) => state.missedUnseen);
  return (
    <nav className="app-nav" aria-label="Main">
      <ul>
        {NAV_ITEMS.map((item) => (
          <li key={item.view}>
            <button
              type="button"
              aria-current={view === item.view ? 'page' : undefined}
              aria-keyshortcuts={item.shortcut}
              title={`${item.label} (${item.shortcut})`}
              aria-describedby={item.view === 'history' && missed > 0 ? 'missed-calls' : undefined}
              onClick={() => show(item.view)}
            >
              {item.label}
              {item.view === 'history' && missed > 0 && (
                <span className="badge badge-missed" aria-hidden="true">
                  {missed}
                </span>
              )}
            </button>
            {item.view === 'history' && missed > 0 && (
              <span id="missed-calls" className="visually-hidden">
                {missed === 1 ? '1 missed call' : `${missed} missed calls`}
              </span>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
