import { useStore } from 'zustand';

import type { DeviceDetails, KeyValueGroup } from '../../../shared/contract/device';
import { describeUptime } from '../../lib/call-duration';
import type { AdminStores } from './stores/admin-stores';
import { CopyButton } from './copy-button';
import { fieldLabel } from './field-labels';

const TITLES: Record<string, string> = {
  device: 'Device',
  stats: 'CPU, memory and uptime',
  network: 'Network',
  networkStats: 'Network statistics',
  runningConfig: 'Running configuration',
  attachedHardware: 'Attached hardware',
  location: 'Location',
};
const ORDER = Object.keys(TITLES);

/**
 * The groups to show: the known ones in a fixed order, then any group a newer core adds (shown
 * under its own name), so new device data appears without a renderer change.
 */
function groupsOf(details: DeviceDetails): { key: string; title: string; group: KeyValueGroup }[] {
  const entries: [string, KeyValueGroup][] = Object.entries(details);
  return entries
    .filter(([, group]) => typeof group === 'object' && group !== null)
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([key, group]) => ({ key, title: TITLES[key] ?? key, group }));
}

function rank(key: string): number {
  const index = ORDER.indexOf(key);
  return index === -1 ? ORDER.length : index;
}

/** "Name: value" lines, the form pasted into tickets and chats. */
function groupAsText(title: string, group: KeyValueGroup): string {
  return [title, ...Object.entries(group).map(([name, value]) => `${name}: ${value}`)].join('\n');
}

/** A labelled list of name/value pairs: labels in words, the firmware's key on hover. */
export function KeyValueList({ group }: { group: KeyValueGroup }) {
  const entries = Object.entries(group);
  if (entries.length === 0) return <p className="muted">The phone reports nothing here.</p>;
  return (
    <dl className="key-values">
      {entries.map(([name, value]) => (
        <div key={name}>
          <dt title={name}>{fieldLabel(name)}</dt>
          <dd>{value === '' ? '—' : value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Device info, network, running stats, hardware and location, grouped, each with copy. */
export function DeviceSection({ stores }: { stores: AdminStores }) {
  const details = useStore(stores.device, (state) => state.details);
  const loadDetails = useStore(stores.device, (state) => state.loadDetails);
  if (!details) return <p role="status">Reading device information…</p>;
  const groups = groupsOf(details);
  const allText = () => groups.map(({ title, group }) => groupAsText(title, group)).join('\n\n');
  return (
    <div className="admin-section">
      <div className="admin-actions">
        <button type="button" onClick={() => void loadDetails()}>
          Read again
        </button>
        <CopyButton text={allText} label="Copy all" />
      </div>
      {details.uptimeSeconds !== null && (
        <p>Running for {describeUptime(details.uptimeSeconds)} since it last started.</p>
      )}
      <div className="admin-groups">
        {groups.map(({ key, title, group }) => (
          <section key={key} className="admin-group" aria-label={title}>
            <header>
              <h2>{title}</h2>
              <CopyButton
                text={() => groupAsText(title, group)}
                label={`Copy ${title}`}
                face="Copy"
              />
            </header>
            <KeyValueList group={group} />
          </section>
        ))}
      </div>
    </div>
  );
}
