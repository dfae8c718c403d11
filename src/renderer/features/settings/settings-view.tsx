import { useState } from 'react';
import { selectedPhone } from '../../stores/phones-store';
import { useAppStore } from '../../stores/stores-context';
import { SHORTCUTS } from '../shell/use-shortcuts';
import { PollIntervals } from './poll-intervals';

/** App preferences (saved at once), per-phone polling, and the keyboard shortcuts. */
export function SettingsView() {
  const settings = useAppStore('settings', (state) => state.settings);
  const save = useAppStore('settings', (state) => state.save);
  const phones = useAppStore('phones', (state) => state.phones);
  const phone = useAppStore('phones', selectedPhone);
  const [shortcut, setShortcut] = useState(settings.globalShortcut);

  return (
    <section aria-labelledby="settings-title" className="settings">
      <h2 id="settings-title">Settings</h2>
      <div className="panel">
        <fieldset>
          <legend>When a tel: or sip: link or the dial shortcut asks to call</legend>
          <label className="radio">
            <input
              type="radio"
              name="click-to-dial"
              checked={settings.clickToDial === 'confirm'}
              onChange={() => void save({ clickToDial: 'confirm' })}
            />
            Ask me first
          </label>
          <label className="radio">
            <input
              type="radio"
              name="click-to-dial"
              checked={settings.clickToDial === 'dial'}
              onChange={() => void save({ clickToDial: 'dial' })}
            />
            Dial at once
          </label>
        </fieldset>
        <label>
          Phone for click-to-dial
          <select
            value={settings.defaultPhoneId ?? ''}
            onChange={(event) =>
              void save({ defaultPhoneId: event.target.value === '' ? null : event.target.value })
            }
          >
            <option value="">The first phone</option>
            {phones.map((entry) => (
              <option key={entry.info.id} value={entry.info.id}>
                {entry.info.name}
              </option>
            ))}
          </select>
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={settings.notifications}
            onChange={(event) => void save({ notifications: event.target.checked })}
          />
          Notify me of incoming calls
        </label>
        <label>
          Shortcut that dials the number on the clipboard
          <input
            value={shortcut}
            onChange={(event) => setShortcut(event.target.value)}
            onBlur={() =>
              shortcut !== settings.globalShortcut && void save({ globalShortcut: shortcut.trim() })
            }
            placeholder="CommandOrControl+Shift+D"
            aria-describedby="shortcut-hint"
          />
        </label>
        <p className="hint" id="shortcut-hint">
          Works everywhere on your desktop (in the desktop app). Leave empty to turn it off.
        </p>
        <label>
          Theme
          <select
            value={settings.theme}
            onChange={(event) =>
              void save({
                theme:
                  event.target.value === 'light'
                    ? 'light'
                    : event.target.value === 'dark'
                      ? 'dark'
                      : 'system',
              })
            }
          >
            <option value="system">Follow the system</option>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={settings.startAtLogin}
            onChange={(event) => void save({ startAtLogin: event.target.checked })}
          />
          Start Deskpilot when I log in
        </label>
      </div>
      {phone && <PollIntervals key={phone.info.id} phone={phone.info} />}
      <div className="panel">
        <h3>Keyboard shortcuts</h3>
        <table>
          <tbody>
            {SHORTCUTS.map((entry) => (
              <tr key={entry.keys}>
                <th scope="row">
                  <kbd>{entry.keys}</kbd>
                </th>
                <td>{entry.action}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
