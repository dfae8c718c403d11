import { useState } from 'react';
import type { AppSettings } from '../../../shared/settings';
import { Checkbox, RadioGroup, TextField } from '../../components/fields';
import { ViewSection } from '../../components/view-section';
import { selectedPhone } from '../../stores/phones-store';
import { useAppStore } from '../../stores/stores-context';
import { SHORTCUTS } from '../app-frame/use-shortcuts';
import { PollIntervals } from './poll-intervals';
import { PushPort } from './push-port';

const CLICK_TO_DIAL: readonly { value: AppSettings['clickToDial']; label: string }[] = [
  { value: 'confirm', label: 'Ask me first' },
  { value: 'dial', label: 'Dial at once' },
];

/** App preferences (saved at once), per-phone polling, the event port and the keyboard shortcuts. */
export function SettingsView() {
  const settings = useAppStore('settings', (state) => state.settings);
  const save = useAppStore('settings', (state) => state.save);
  const phones = useAppStore('phones', (state) => state.phones);
  const phone = useAppStore('phones', selectedPhone);
  const [shortcut, setShortcut] = useState(settings.globalShortcut);

  return (
    <ViewSection titleId="settings-title" title="Settings" className="settings">
      <div className="panel">
        <RadioGroup
          legend="When a tel: or sip: link or the dial shortcut asks to call"
          name="click-to-dial"
          value={settings.clickToDial}
          options={CLICK_TO_DIAL}
          onChange={(clickToDial) => void save({ clickToDial })}
        />
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
        <Checkbox
          checked={settings.notifications}
          onChange={(notifications) => void save({ notifications })}
        >
          Notify me of incoming calls
        </Checkbox>
        <TextField
          label="Shortcut that dials the number on the clipboard"
          value={shortcut}
          onChange={setShortcut}
          onBlur={() =>
            shortcut !== settings.globalShortcut && void save({ globalShortcut: shortcut.trim() })
          }
          placeholder="CommandOrControl+Shift+D"
          aria-describedby="shortcut-hint"
        />
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
        <Checkbox
          checked={settings.startAtLogin}
          onChange={(startAtLogin) => void save({ startAtLogin })}
        >
          Start Deskpilot when I log in
        </Checkbox>
      </div>
      {phone && <PollIntervals key={phone.info.id} phone={phone.info} />}
      <PushPort key={settings.pushPort} />
      <div className="panel">
        <h2>Keyboard shortcuts</h2>
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
    </ViewSection>
  );
}
