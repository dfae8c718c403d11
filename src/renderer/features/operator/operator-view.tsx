import { useEffect, useMemo, useRef, useState } from 'react';
import { ViewSection } from '../../components/view-section';
import { groupNames } from '../../lib/phone-groups';
import { callerName } from '../../lib/call-state';
import { useNow } from '../../lib/use-now';
import type { GroupFilter } from '../../stores/ui-store';
import { useAppStore, useStores } from '../../stores/stores-context';
import {
  filterPhones,
  oldestRinging,
  STATE_FILTERS,
  tileState,
  type StateFilter,
} from './operator-model';
import { TileGrid } from './tile-grid';
import './operator.css';

/** The group select's value for each choice (a group's own name could be anything). */
function groupValue(group: GroupFilter): string {
  return group.kind === 'named' ? `group:${group.name}` : group.kind;
}

function groupChoice(value: string): GroupFilter {
  if (value.startsWith('group:')) return { kind: 'named', name: value.slice('group:'.length) };
  return value === 'none' ? { kind: 'none' } : { kind: 'all' };
}

/** Whether a key press is typing in a field (where "/" is a character, not a shortcut). */
function typing(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

/**
 * Many phones on one screen for a receptionist or team lead: a tile per phone, searchable and
 * filtered by state and group, with the ringing ones standing out and answerable from the
 * keyboard ("/" searches, Escape clears it, Alt+A answers the caller who has waited longest).
 */
export function OperatorView() {
  const stores = useStores();
  const phones = useAppStore('phones', (state) => state.phones);
  const group = useAppStore('ui', (state) => state.operatorGroup);
  const [search, setSearch] = useState('');
  const [stateFilter, setStateFilter] = useState<StateFilter>('all');
  const searchField = useRef<HTMLInputElement>(null);
  const now = useNow();

  // Kept while the phones are the same list, so tiles that did not change are not drawn again.
  const groups = useMemo(() => groupNames(phones.map((phone) => phone.info)), [phones]);
  const groupOptions =
    group.kind === 'named' && !groups.includes(group.name) ? [...groups, group.name] : groups;
  const shown = filterPhones(phones, { search, state: stateFilter, group });
  const ringing = shown.filter((phone) => tileState(phone) === 'ringing');

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey) return;
      if (event.key === '/' && !event.altKey && !typing(event.target)) {
        event.preventDefault();
        searchField.current?.focus();
      } else if (event.altKey && event.code === 'KeyA') {
        // Here Alt+A takes the caller who has waited longest among the phones in view, not
        // only the selected phone's (the window-wide shortcut sees it as already handled).
        const inView = filterPhones(stores.phones.getState().phones, {
          search,
          state: stateFilter,
          group,
        });
        const oldest = oldestRinging(inView);
        if (oldest === null) return;
        event.preventDefault();
        void stores.calls.getState().answer(oldest.phoneId, oldest.call.handle);
      }
    };
    // Capture: runs before the window-wide shortcuts, which skip a handled key.
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, [stores, search, stateFilter, group]);

  const clearFilters = () => {
    setSearch('');
    setStateFilter('all');
    stores.ui.getState().showOperatorGroup({ kind: 'all' });
  };

  return (
    <ViewSection
      titleId="operator-title"
      title="Operator"
      className="operator-view"
      actions={
        <>
          <div className="actions" role="group" aria-label="Show">
            <label className="operator-field operator-search">
              Search
              <input
                ref={searchField}
                type="search"
                value={search}
                maxLength={100}
                placeholder="Phone name"
                aria-keyshortcuts="/"
                onChange={(event) => setSearch(event.target.value)}
                onKeyDown={(event) => {
                  if (event.key === 'Escape' && search !== '') {
                    event.preventDefault();
                    setSearch('');
                  }
                }}
              />
            </label>
            <label className="operator-field">
              State
              <select
                value={stateFilter}
                onChange={(event) => setStateFilter(event.target.value as StateFilter)}
              >
                {STATE_FILTERS.map((choice) => (
                  <option key={choice.value} value={choice.value}>
                    {choice.label}
                  </option>
                ))}
              </select>
            </label>
            <label className="operator-field">
              Group
              <select
                value={groupValue(group)}
                onChange={(event) =>
                  stores.ui.getState().showOperatorGroup(groupChoice(event.target.value))
                }
              >
                <option value="all">All groups</option>
                {groupOptions.map((name) => (
                  <option key={name} value={`group:${name}`}>
                    {name}
                  </option>
                ))}
                <option value="none">No group</option>
              </select>
            </label>
          </div>
          <p className="operator-count" role="status" data-testid="operator-count">
            Showing {shown.length} of {phones.length} {phones.length === 1 ? 'phone' : 'phones'}
          </p>
        </>
      }
    >
      <div className="operator-summary">
        <p className="visually-hidden" aria-live="assertive">
          {ringing.length === 0
            ? ''
            : `Ringing: ${ringing
                .slice(0, 3)
                .map((phone) => {
                  const call = phone.calls.find((item) => item.state === 'Offering');
                  return call ? `${phone.info.name}, ${callerName(call, null)}` : phone.info.name;
                })
                .join('; ')}`}
        </p>
      </div>
      {phones.length === 0 ? (
        <p className="empty">
          No phones yet. Add them under Phones, and each one gets a tile here.
        </p>
      ) : shown.length === 0 ? (
        <div className="empty">
          <p>No phone matches the search and filters.</p>
          <button type="button" onClick={clearFilters}>
            Show all phones
          </button>
        </div>
      ) : (
        <TileGrid phones={shown} now={now} groups={groups} />
      )}
    </ViewSection>
  );
}
