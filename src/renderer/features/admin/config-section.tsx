import { useEffect, useState } from 'react';
import { useStore } from 'zustand';

import { CONFIG_EXPORT_TYPES, TRANSFER_TYPES } from '../../../shared/domain';
import { count } from '../../lib/count';
import type { AdminStores } from './stores/admin-stores';
import type { ConfigStore, ExportType, TransferType } from './stores/config-store';
import { changesOf, parseConfigNames, valuesToSend } from './config-edits';

/**
 * Read any parameters (one per line or a pasted list; the core batches past the phone's 20),
 * edit values with a diff preview before sending, export the configuration, transfer type.
 */
export function ConfigSection({ stores }: { stores: AdminStores }) {
  const store = stores.config;
  const rows = useStore(store, (state) => state.configRows);
  const { readConfig, setDraft, saveConfig } = store.getState();
  const [namesText, setNamesText] = useState('');
  const [rejected, setRejected] = useState<string[]>([]);
  const [reviewing, setReviewing] = useState(false);
  const changes = changesOf(rows);

  const read = () => {
    const parsed = parseConfigNames(namesText);
    setRejected(parsed.rejected);
    setReviewing(false);
    void readConfig(parsed.names);
  };

  return (
    <div className="admin-section">
      <section className="admin-group" aria-label="Read and edit parameters">
        <h2>Parameters</h2>
        <label className="field">
          Parameter names (one per line, or paste a list)
          <textarea
            rows={4}
            value={namesText}
            onChange={(event) => setNamesText(event.target.value)}
            placeholder={'apps.restapi.enabled\nhttpd.ta.enabled\nvoice.volume.persist.handset'}
          />
        </label>
        <div className="admin-actions">
          <button type="button" onClick={read}>
            Read values
          </button>
        </div>
        {rejected.length > 0 && (
          <p role="alert">Not parameter names, skipped: {rejected.join(', ')}</p>
        )}
        {rows.length > 0 && (
          <table className="admin-table">
            <caption>Values on the phone</caption>
            <thead>
              <tr>
                <th scope="col">Parameter</th>
                <th scope="col">Value</th>
                <th scope="col">Source</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr
                  key={row.name}
                  className={
                    row.current && row.draft !== row.current.value ? 'is-edited' : undefined
                  }
                >
                  <th scope="row">{row.name}</th>
                  <td>
                    {row.current ? (
                      <input
                        aria-label={`Value of ${row.name}`}
                        value={row.draft}
                        onChange={(event) => {
                          setReviewing(false);
                          setDraft(row.name, event.target.value);
                        }}
                      />
                    ) : (
                      <span className="muted">The phone does not know this parameter</span>
                    )}
                  </td>
                  <td>{row.current?.source || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {changes.length > 0 && !reviewing && (
          <button type="button" onClick={() => setReviewing(true)}>
            Review {count(changes.length, 'change')}
          </button>
        )}
        {reviewing && changes.length > 0 && (
          <div className="confirm-box" role="group" aria-label="Changes to send">
            <p>These values will be sent to the phone:</p>
            <ul className="config-diff">
              {Object.entries(valuesToSend(changes)).map(([name, to]) => {
                const change = changes.find((c) => c.name === name);
                return (
                  <li key={name}>
                    <code>{name}</code>:{' '}
                    {change ? (
                      <>
                        <del>{change.from || '(empty)'}</del> → <ins>{to || '(empty)'}</ins>
                      </>
                    ) : (
                      <>
                        <ins>{to}</ins>{' '}
                        <span className="muted">(makes the phone apply device settings)</span>
                      </>
                    )}
                  </li>
                );
              })}
            </ul>
            <div className="admin-actions">
              <button
                type="button"
                className="primary"
                onClick={() => {
                  setReviewing(false);
                  void saveConfig();
                }}
              >
                Send {count(changes.length, 'change')}
              </button>
              <button type="button" onClick={() => setReviewing(false)}>
                Cancel
              </button>
            </div>
          </div>
        )}
      </section>
      <ExportConfig store={store} />
      <TransferTypeSetting store={store} />
    </div>
  );
}

function ExportConfig({ store }: { store: ConfigStore }) {
  const [url, setUrl] = useState('');
  const [type, setType] = useState<ExportType>('All');
  return (
    <section className="admin-group" aria-label="Export configuration">
      <h2>Export configuration</h2>
      <form
        className="admin-actions"
        onSubmit={(event) => {
          event.preventDefault();
          void store.getState().exportConfig(url, type);
        }}
      >
        <label className="field">
          Upload to URL
          <input
            type="url"
            required
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            placeholder="http://server/upload"
          />
        </label>
        <label className="field">
          Type
          <select value={type} onChange={(e) => setType(e.target.value as ExportType)}>
            {CONFIG_EXPORT_TYPES.map((option) => (
              <option key={option}>{option}</option>
            ))}
          </select>
        </label>
        <button type="submit">Export</button>
      </form>
    </section>
  );
}

function TransferTypeSetting({ store }: { store: ConfigStore }) {
  const current = useStore(store, (state) => state.transferType);
  const loadTransferType = useStore(store, (state) => state.loadTransferType);
  const [choice, setChoice] = useState<TransferType>('Consultative');
  useEffect(() => {
    void loadTransferType();
  }, [loadTransferType]);
  return (
    <section className="admin-group" aria-label="Transfer type">
      <h2>Transfer type</h2>
      <p>
        Currently: <strong>{current ?? '…'}</strong>
      </p>
      <div className="admin-actions">
        <label className="field">
          New transfer type
          <select value={choice} onChange={(e) => setChoice(e.target.value as TransferType)}>
            {TRANSFER_TYPES.map((option) => (
              <option key={option}>{option}</option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => void store.getState().setTransferType(choice)}>
          Set transfer type
        </button>
      </div>
    </section>
  );
}
