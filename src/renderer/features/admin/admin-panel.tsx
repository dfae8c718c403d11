import { useEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';

import { TabList } from '../../components/tab-list';
import { useStores } from '../../stores/stores-context';
import { ConfigSection } from './config-section';
import { DeviceSection } from './device-section';
import { LinesSection } from './lines-section';
import { LogSection } from './log-section';
import { MaintenanceSection } from './maintenance-section';
import { MediaSection } from './media-section';
import { SkypeSection } from './skype-section';
import { createAdminStores } from './stores/admin-stores';
import './admin.css';

const TABS = [
  { id: 'device', title: 'Device', Section: DeviceSection },
  { id: 'lines', title: 'Lines', Section: LinesSection },
  { id: 'media', title: 'Media', Section: MediaSection },
  { id: 'config', title: 'Configuration', Section: ConfigSection },
  { id: 'maintenance', title: 'Maintenance', Section: MaintenanceSection },
  { id: 'skype', title: 'Skype for Business', Section: SkypeSection },
  { id: 'log', title: 'Log', Section: LogSection },
] as const;
type TabId = (typeof TABS)[number]['id'];

/**
 * The admin console of one phone. It shows only with admin credentials; with a user-level login
 * it says why it is hidden and how to get access.
 */
export default function AdminPanel({ phoneId }: { phoneId: string }) {
  const appStores = useStores();
  const stores = useMemo(
    () => appStores.phoneStore(createAdminStores, phoneId),
    [appStores, phoneId],
  );
  useEffect(() => stores.start(), [stores]);
  const access = useStore(stores.device, (state) => state.access);
  const accessMessage = useStore(stores.device, (state) => state.accessMessage);
  const notice = useStore(stores.notices, (state) => state.notice);
  const [tab, setTab] = useState<TabId>('device');

  if (access === 'checking') {
    return <p role="status">Checking admin access…</p>;
  }
  if (access !== 'granted') {
    return (
      <div className="admin-console">
        <div role="alert" className="admin-denied">
          <h2>
            {access === 'denied'
              ? 'The admin console is hidden'
              : 'The admin console could not load'}
          </h2>
          <p>{accessMessage}</p>
        </div>
        <button type="button" onClick={() => void stores.device.getState().loadDetails()}>
          Check again
        </button>
      </div>
    );
  }

  const current = TABS.find((entry) => entry.id === tab) ?? TABS[0];
  // The notice line speaks of the tab whose action raised it: another tab starts without it.
  const selectTab = (id: TabId) => {
    if (id !== tab) stores.notices.getState().show(null);
    setTab(id);
  };
  return (
    <div className="admin-console">
      <TabList
        label="Admin sections"
        idPrefix="admin"
        tabs={TABS}
        current={tab}
        panelOf={() => 'admin-tabpanel'}
        onSelect={selectTab}
      />
      {notice && (
        <p
          role={notice.kind === 'error' ? 'alert' : 'status'}
          className={`admin-notice is-${notice.kind}`}
        >
          {notice.text}
        </p>
      )}
      <div role="tabpanel" id="admin-tabpanel" aria-labelledby={`admin-tab-${current.id}`}>
        <current.Section stores={stores} />
      </div>
    </div>
  );
}
