import { useEffect, useState } from 'react';
import { TabList } from '../../components/tab-list';
import { ViewSection } from '../../components/view-section';
import { useAppStore, useStores } from '../../stores/stores-context';
import { ConfigChangeSection } from './config-change-section';
import { ImportSection } from './import-section';
import { InventorySection } from './inventory-section';
import { RestartSection } from './restart-section';
import '../admin/admin.css';
import './fleet.css';

/** Each section; those acting on chosen phones can send the user to Inventory to choose them. */
const TABS = [
  { id: 'inventory', title: 'Inventory', render: () => <InventorySection /> },
  { id: 'import', title: 'Import', render: () => <ImportSection /> },
  {
    id: 'config',
    title: 'Change settings',
    render: (showInventory: () => void) => <ConfigChangeSection onShowInventory={showInventory} />,
  },
  {
    id: 'restart',
    title: 'Restart',
    render: (showInventory: () => void) => <RestartSection onShowInventory={showInventory} />,
  },
] as const;
type TabId = (typeof TABS)[number]['id'];

/**
 * Many phones at once, for whoever looks after them: their inventory, an import from a CSV
 * file, one configuration change for a selection, and staggered restarts. Every section stays
 * mounted (hidden when another is shown), so a half-filled form or a report survives a look at
 * the inventory.
 */
export function FleetView() {
  const stores = useStores();
  const inventoryLoaded = useAppStore('fleet', (state) => state.inventory !== null);
  const [tab, setTab] = useState<TabId>('inventory');
  // Read when the view first opens; afterwards Refresh reads it again.
  useEffect(() => {
    if (!inventoryLoaded) void stores.fleet.getState().loadInventory();
  }, [stores, inventoryLoaded]);

  return (
    <ViewSection titleId="fleet-title" title="Fleet" className="fleet">
      <TabList
        label="Fleet sections"
        idPrefix="fleet"
        tabs={TABS}
        current={tab}
        panelOf={(id) => `fleet-panel-${id}`}
        onSelect={setTab}
      />
      {TABS.map((entry) => (
        <div
          key={entry.id}
          role="tabpanel"
          id={`fleet-panel-${entry.id}`}
          aria-labelledby={`fleet-tab-${entry.id}`}
          hidden={entry.id !== tab}
        >
          {entry.render(() => setTab('inventory'))}
        </div>
      ))}
    </ViewSection>
  );
}
