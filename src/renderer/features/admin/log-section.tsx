import { useEffect } from 'react';
import { useStore } from 'zustand';

import type { AdminStores } from './stores/admin-stores';

function formatTime(at: number): string {
  return new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}

/**
 * The phone's log: each answer Deskpilot could not read (endpoint and raw fragment, once per
 * kind) and each part of the REST API the phone turned out to lack, newest first.
 */
export function LogSection({ stores }: { stores: AdminStores }) {
  const entries = useStore(stores.log, (state) => state.entries);
  const loadLog = useStore(stores.log, (state) => state.loadLog);
  useEffect(() => {
    void loadLog();
  }, [loadLog]);
  if (!entries) return <p role="status">Reading the log…</p>;
  return (
    <div className="admin-section">
      <div className="admin-actions">
        <button type="button" onClick={() => void loadLog()}>
          Read again
        </button>
      </div>
      {entries.length === 0 ? (
        <p>Nothing to report: Deskpilot has understood everything this phone answered.</p>
      ) : (
        <ol className="phone-log" aria-label="Phone log, newest first">
          {entries.map((entry, index) => (
            <li key={`${entry.at}-${index}`}>
              <time dateTime={new Date(entry.at).toISOString()}>{formatTime(entry.at)}</time>{' '}
              {entry.text}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
