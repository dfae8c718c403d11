import { useStore } from 'zustand';

import type { DeviceDetails, KeyValueGroup } from '../../../shared/contract';
import type { AdminStore } from './admin-store';
import { CopyButton } from './copy-button';

const GROUPS: { key: keyof DeviceDetails; title: string }[] = [
  { key: 'device', title: 'Device' },
  { key: 'stats', title: 'CPU, memory and uptime' },
  { key: 'network', title: 'Network' },
  { key: 'networkStats', title: 'Network statistics' },
  { key: 'attachedHardware', title: 'Attached hardware' },
  { key: 'location', title: 'Location' },
];

/** "Name: value" lines, the form pasted into tickets and chats. */
export function groupAsText(title: string, group: KeyValueGroup): string {
  return [title, ...Object.entries(group).map(([name, value]) => `${name}: ${value}`)].join('\n');
}

/** A labelled list of name/value pairs. */
export function KeyValueList({ group }: { group: KeyValueGroup }) {
  const entries = Object.entries(group);
  if (entries.length === 0) return <p className="muted">The phone reports nothing here.</p>;
  return (
    <dl className="key-values">
      {entries.map(([name, value]) => (
        <div key={name}>
          <dt>{name}</dt>
          <dd>{value === '' ? '—' : value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Device info, network, running stats, hardware and location, grouped, each with copy. */
export function DeviceSection({ store }: { store: AdminStore }) {
  const details = useStore(store, (state) => state.details);
  const loadDetails = useStore(store, (state) => state.loadDetails);
  if (!details) return <p role="status">Reading device information…</p>;
  const allText = () =>
    GROUPS.map(({ key, title }) => groupAsText(title, details[key])).join('\n\n');
  return (
    <div className="admin-section">
      <div className="admin-actions">
        <button type="button" onClick={() => void loadDetails()}>
          Read again
        </button>
        <CopyButton text={allText} label="Copy all" />
      </div>
      <div className="admin-groups">
        {GROUPS.map(({ key, title }) => (
          <section key={key} className="admin-group" aria-label={title}>
            <header>
              <h3>{title}</h3>
              <CopyButton
                text={() => groupAsText(title, details[key])}
                label={`Copy ${title}`}
                face="Copy"
              />
            </header>
            <KeyValueList group={details[key]} />
          </section>
        ))}
      </div>
    </div>
  );
}
