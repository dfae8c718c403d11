import { useEffect, useMemo, useState } from 'react';
import { CALL_OUTCOME_WORDS, type CallLogEntry, type CallLogKind } from '../../../shared/domain';
import { ViewSection } from '../../components/view-section';
import { formatDuration } from '../../lib/call-duration';
import { useNumberFormat } from '../../lib/format-number';
import { findContactByNumber } from '../../lib/phone-numbers';
import type { HistoryEntry } from '../../stores/history-store';
import { useAppStore, useStores } from '../../stores/stores-context';
import { useClickToDial } from '../calls/use-click-to-dial';
import { byDay } from './history-day';

const FILTERS: { kind: CallLogKind | 'all'; label: string }[] = [
  { kind: 'all', label: 'All' },
  { kind: 'missed', label: 'Missed' },
  { kind: 'received', label: 'Received' },
  { kind: 'placed', label: 'Placed' },
];

const KIND_WORDS: Record<CallLogKind, string> = {
  missed: 'Missed',
  received: 'Received',
  placed: 'Placed',
};

/** Direction and outcome at a glance; the words beside it say the same for everyone. */
const KIND_ICONS: Record<CallLogKind, string> = {
  missed: '↙✕',
  received: '↙',
  placed: '↗',
};

function formatTime(startTime: string): string {
  const date = new Date(startTime);
  if (Number.isNaN(date.getTime())) return startTime;
  return date.toLocaleTimeString(undefined, { timeStyle: 'short' });
}

/** Whether the entry matches what was typed in the search field (name or number). */
function matches(entry: HistoryEntry, name: string, query: string): boolean {
  const needle = query.trim().toLowerCase();
  if (needle === '') return true;
  if (name.toLowerCase().includes(needle)) return true;
  const digits = needle.replace(/\D/g, '');
  return digits !== '' && entry.remoteNumber.replace(/\D/g, '').includes(digits);
}

/**
 * Every phone's call logs in one list, by day: who (names from the contacts), direction and how
 * it ended, one-click dial back and "add to contacts"; searchable, and clearable from view.
 */
export function HistoryView() {
  const stores = useStores();
  const phones = useAppStore('phones', (state) => state.phones);
  const history = useAppStore('history', (state) => state);
  const contacts = useAppStore('contacts', (state) => state.contacts);
  const formatNumber = useNumberFormat();
  const dial = useClickToDial();
  const [query, setQuery] = useState('');
  const { load, kind, markSeen } = history;
  // Reloaded when the phones (or their names) change, not on every call event.
  const phoneKey = JSON.stringify(phones.map((phone) => [phone.info.id, phone.info.name]));
  const phoneList = useMemo(
    () => (JSON.parse(phoneKey) as [string, string][]).map(([id, name]) => ({ id, name })),
    [phoneKey],
  );

  useEffect(() => {
    markSeen();
    if (phoneList.length > 0) void load(phoneList, kind);
  }, [phoneList, kind, load, markSeen]);

  if (phoneList.length === 0) return null;

  const addToContacts = (entry: CallLogEntry) =>
    stores.ui.getState().startContact({
      name: entry.remoteName || entry.remoteNumber,
      company: '',
      favourite: false,
      numbers: [{ label: 'work', number: entry.remoteNumber }],
    });

  const named = history.entries.map((entry) => {
    const contact = findContactByNumber(contacts, entry.remoteNumber);
    return {
      entry,
      contact,
      name: contact?.name ?? (entry.remoteName.trim() || entry.remoteNumber),
    };
  });
  const shown = named.filter(({ entry, name }) => matches(entry, name, query));
  const groups = byDay(
    shown.map((item) => ({ ...item, startTime: item.entry.startTime })),
    new Date(),
  );
  const severalPhones = phoneList.length > 1;

  return (
    <ViewSection
      titleId="history-title"
      title="History"
      actionsLabel="Show"
      actions={
        <>
          {FILTERS.map((filter) => (
            <button
              key={filter.kind}
              type="button"
              aria-pressed={kind === filter.kind}
              onClick={() => void load(phoneList, filter.kind)}
            >
              {filter.label}
            </button>
          ))}
          <button type="button" className="quiet" onClick={() => void load(phoneList, kind)}>
            Refresh
          </button>
        </>
      }
    >
      <div className="search-bar history-tools">
        <label>
          Search history
          <input
            type="search"
            value={query}
            placeholder="Name or number"
            onChange={(event) => setQuery(event.target.value)}
          />
        </label>
        <button
          type="button"
          disabled={history.entries.length === 0}
          aria-describedby="history-clear-hint"
          onClick={() => history.clear()}
        >
          Clear history
        </button>
        <p className="hint" id="history-clear-hint">
          Clearing hides these calls here; the phones keep their own call lists.
        </p>
      </div>
      {history.phase === 'loading' && history.entries.length === 0 && (
        <p className="empty">Loading the call logs…</p>
      )}
      {history.error !== null && (
        <p className="report report-problem" role="alert">
          The phone did not give its call logs: {history.error}
        </p>
      )}
      {history.phase === 'ready' && shown.length === 0 && (
        <p className="empty">
          {query.trim() === '' ? 'No calls in this list.' : `No calls match “${query.trim()}”.`}
        </p>
      )}
      {groups.map((group) => (
        <section key={group.day} className="history-day" aria-label={group.day}>
          <h2 className="history-day-title">{group.day}</h2>
          <ul className="history" aria-label="Call history">
            {group.entries.map(({ entry, contact, name }, index) => {
              const failed =
                entry.outcome !== undefined && entry.outcome !== 'ended' ? entry.outcome : null;
              return (
                <li
                  key={`${entry.phoneId}-${entry.startTime}-${index}`}
                  className={`history-entry history-${entry.kind}`}
                >
                  <span className={`history-icon kind-${entry.kind}`} aria-hidden="true">
                    {KIND_ICONS[entry.kind]}
                  </span>
                  <div className="history-main">
                    <p className="history-name">{name}</p>
                    <p className="hint">
                      <span className={`kind kind-${entry.kind}`}>{KIND_WORDS[entry.kind]}</span>
                      {failed !== null && (
                        <span className="outcome"> · {CALL_OUTCOME_WORDS[failed]}</span>
                      )}{' '}
                      · {formatNumber(entry.remoteNumber)} · {formatTime(entry.startTime)}
                      {entry.durationSeconds > 0
                        ? ` · ${formatDuration(entry.durationSeconds)}`
                        : ''}
                      {severalPhones ? ` · ${entry.phoneName}` : ` · line ${entry.line}`}
                    </p>
                  </div>
                  <div className="actions">
                    <button
                      type="button"
                      className="answer"
                      aria-label={`Call back ${name}`}
                      onClick={() => dial(entry.remoteNumber, entry.phoneId)}
                      disabled={entry.remoteNumber === ''}
                    >
                      Call back
                    </button>
                    {!contact && entry.remoteNumber !== '' && (
                      <button
                        type="button"
                        aria-label={`Add to contacts: ${name}`}
                        onClick={() => addToContacts(entry)}
                      >
                        Add to contacts
                      </button>
                    )}
                  </div>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </ViewSection>
  );
}
