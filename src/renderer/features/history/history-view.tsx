import { useEffect } from 'react';
import { CALL_OUTCOME_WORDS, type CallLogEntry, type CallLogKind } from '../../../shared/domain';
import { ViewSection } from '../../components/view-section';
import { formatDuration } from '../../lib/call-duration';
import { findContactByNumber } from '../../lib/phone-numbers';
import { selectedPhone } from '../../stores/phones-store';
import { useAppStore, useStores } from '../../stores/stores-context';
import { useClickToDial } from '../calls/use-click-to-dial';

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

function formatStart(startTime: string): string {
  const date = new Date(startTime);
  if (Number.isNaN(date.getTime())) return startTime;
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** The phone's call logs with names from the contacts, one-click dial back and "add to contacts". */
export function HistoryView() {
  const stores = useStores();
  const phone = useAppStore('phones', selectedPhone);
  const history = useAppStore('history', (state) => state);
  const contacts = useAppStore('contacts', (state) => state.contacts);
  const dial = useClickToDial();
  const phoneId = phone?.info.id ?? null;
  const { load, kind } = history;

  useEffect(() => {
    if (phoneId) void load(phoneId, kind);
  }, [phoneId, kind, load]);

  if (!phoneId) return null;

  const addToContacts = (entry: CallLogEntry) =>
    stores.ui.getState().startContact({
      name: entry.remoteName || entry.remoteNumber,
      company: '',
      favourite: false,
      numbers: [{ label: 'work', number: entry.remoteNumber }],
    });

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
              onClick={() => void load(phoneId, filter.kind)}
            >
              {filter.label}
            </button>
          ))}
          <button type="button" className="quiet" onClick={() => void load(phoneId, kind)}>
            Refresh
          </button>
        </>
      }
    >
      {history.phase === 'loading' && history.entries.length === 0 && (
        <p className="empty">Loading the call logs…</p>
      )}
      {history.phase === 'failed' && (
        <p className="report report-problem" role="alert">
          The phone did not give its call logs: {history.error}
        </p>
      )}
      {history.phase === 'ready' && history.entries.length === 0 && (
        <p className="empty">No calls in this list.</p>
      )}
      {history.entries.length > 0 && (
        <ul className="history" aria-label="Call history">
          {history.entries.map((entry, index) => {
            const contact = findContactByNumber(contacts, entry.remoteNumber);
            const name = contact?.name ?? (entry.remoteName.trim() || entry.remoteNumber);
            return (
              <li
                key={`${entry.startTime}-${index}`}
                className={`history-entry history-${entry.kind}`}
              >
                <div>
                  <p className="history-name">{name}</p>
                  <p className="hint">
                    <span className={`kind kind-${entry.kind}`}>{KIND_WORDS[entry.kind]}</span> ·{' '}
                    {entry.outcome !== undefined && entry.outcome !== 'ended' && (
                      <span className="outcome">{CALL_OUTCOME_WORDS[entry.outcome]} · </span>
                    )}
                    {entry.remoteNumber} · line {entry.line} · {formatStart(entry.startTime)}
                    {entry.durationSeconds > 0 ? ` · ${formatDuration(entry.durationSeconds)}` : ''}
                  </p>
                </div>
                <div className="actions">
                  <button
                    type="button"
                    className="primary"
                    aria-label={`Call back ${name}`}
                    onClick={() => dial(entry.remoteNumber)}
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
      )}
    </ViewSection>
  );
}
