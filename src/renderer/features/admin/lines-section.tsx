import { useEffect } from 'react';
import { useStore } from 'zustand';

import type { AdminStores } from './stores/admin-stores';
import { KeyValueList } from './device-section';

/** lineInfo v2 per line: registration, servers, forwarding and do-not-disturb. */
export function LinesSection({ stores }: { stores: AdminStores }) {
  const lines = useStore(stores.lines, (state) => state.lines);
  const loadLines = useStore(stores.lines, (state) => state.loadLines);
  useEffect(() => {
    void loadLines();
  }, [loadLines]);
  if (!lines) return <p role="status">Reading the lines…</p>;
  if (lines.length === 0) return <p>No line is set up on this phone.</p>;
  return (
    <div className="admin-section">
      <div className="admin-actions">
        <button type="button" onClick={() => void loadLines()}>
          Read again
        </button>
      </div>
      <table className="admin-table">
        <caption>Lines</caption>
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">Label and address</th>
            <th scope="col">Registration</th>
            <th scope="col">Servers</th>
            <th scope="col">Forwarding</th>
            <th scope="col">Do not disturb</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.line}>
              <th scope="row">{line.line}</th>
              <td>
                {line.label}
                <br />
                <span className="muted">{line.address}</span>
              </td>
              <td>
                {line.registration} ({line.protocol})
              </td>
              <td>
                {[
                  ...line.proxies.map((p) => `Proxy ${p}`),
                  ...line.registrars.map((r) => `Registrar ${r}`),
                ].join(', ') || '—'}
              </td>
              <td>
                {Object.entries(line.forwarding)
                  .map(([name, value]) => `${name}: ${value}`)
                  .join(', ') || 'Off'}
              </td>
              <td>{line.doNotDisturb ? 'On' : 'Off'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {lines.map((line) => (
        <details key={line.line}>
          <summary>Everything the phone reports for line {line.line}</summary>
          <KeyValueList group={line.raw} />
        </details>
      ))}
    </div>
  );
}
