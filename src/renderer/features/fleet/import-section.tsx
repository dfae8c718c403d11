import { useRef, useState } from 'react';
import { RadioGroup, TextField } from '../../components/fields';
import { decodeTextFile } from '../../lib/decode-text-file';
import { MAX_FLEET_CSV_BYTES } from '../../../shared/fleet-limits';
import type { ImportRequest } from '../../stores/fleet-store';
import { useAppStore, useStores } from '../../stores/stores-context';
import { ImportPreviewView, ImportReportView } from './import-results';
import { JobProgress } from './job-progress';

/**
 * A file larger than this is not read at all: 5,000 phones with passwords fit in well under a
 * megabyte; the core holds the text to its own exact limit.
 */

type Credentials = 'shared' | 'file';

const CREDENTIALS: readonly { value: Credentials; label: string }[] = [
  { value: 'shared', label: 'One user name and password for every phone' },
  { value: 'file', label: 'Passwords in the file (a password column)' },
];

/**
 * Phones from a CSV file (name, address, optional group and password): a preview that tries
 * each phone and says why a row would be skipped, the certificates to accept listed together
 * with their fingerprints, then the import and its report.
 */
export function ImportSection() {
  const stores = useStores();
  const store = stores.fleet.getState();
  const previewed = useAppStore('fleet', (state) => state.importPreview);
  const accepted = useAppStore('fleet', (state) => state.acceptedFingerprints);
  const report = useAppStore('fleet', (state) => state.importReport);
  const error = useAppStore('fleet', (state) => state.errors.import);
  const busy = useAppStore('fleet', (state) => state.jobs.import !== null);
  const fileRef = useRef<HTMLInputElement>(null);
  const [csv, setCsv] = useState('');
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [credentials, setCredentials] = useState<Credentials>('shared');
  const [username, setUsername] = useState('Polycom');
  const [password, setPassword] = useState('');
  const [group, setGroup] = useState('');

  const readFile = async (file: File | undefined) => {
    if (fileRef.current) fileRef.current.value = '';
    if (!file) return;
    setFileProblem(null);
    if (file.size > MAX_FLEET_CSV_BYTES) {
      setFileProblem(
        `${file.name} is too large for a list of phones (over ${MAX_FLEET_CSV_BYTES / 1_000_000} MB).`,
      );
      return;
    }
    try {
      setCsv(decodeTextFile(new Uint8Array(await file.arrayBuffer())));
    } catch {
      setFileProblem(`Reading ${file.name} failed: it cannot be opened.`);
    }
  };

  const request: ImportRequest = {
    csv,
    ...(username.trim() === '' ? {} : { username: username.trim() }),
    ...(credentials === 'shared' ? { password } : {}),
    ...(group.trim() === '' ? {} : { group: group.trim() }),
  };

  return (
    <div className="admin-section">
      <section className="admin-group" aria-labelledby="fleet-import-title">
        <h2 id="fleet-import-title">Import phones from a CSV file</h2>
        <p className="hint">
          A header row names the columns: name, address (or url), and optionally group and password.
          Nothing is added before you confirm the preview.
        </p>
        <div className="admin-actions">
          <button type="button" onClick={() => fileRef.current?.click()}>
            Choose a CSV file…
          </button>
          <input
            ref={fileRef}
            type="file"
            accept=".csv,text/csv,text/plain"
            className="visually-hidden"
            aria-label="CSV file of phones to import"
            tabIndex={-1}
            onChange={(event) => void readFile(event.target.files?.[0])}
          />
        </div>
        {fileProblem && (
          <p className="field-error" role="alert">
            {fileProblem}
          </p>
        )}
        <label className="field">
          Phones as CSV (chosen from a file, or pasted)
          <textarea
            rows={6}
            spellCheck={false}
            value={csv}
            placeholder={'name,address,group\nDesk 1,192.168.1.21,Reception'}
            onChange={(event) => setCsv(event.target.value)}
          />
        </label>
        <RadioGroup
          legend="Credentials"
          name="import-credentials"
          value={credentials}
          options={CREDENTIALS}
          onChange={setCredentials}
        />
        <div className="admin-actions">
          <TextField label="User name" value={username} autoComplete="off" onChange={setUsername} />
          {credentials === 'shared' && (
            <TextField
              label="Password"
              type="password"
              value={password}
              autoComplete="new-password"
              onChange={setPassword}
            />
          )}
          <TextField
            label="Group for rows without one (optional)"
            value={group}
            onChange={setGroup}
          />
        </div>
        {credentials === 'file' && (
          <p className="hint">
            Each row&apos;s password is read once and stored as every phone&apos;s password is.
          </p>
        )}
        <div className="admin-actions">
          <button
            type="button"
            className="primary"
            disabled={busy || csv.trim() === ''}
            onClick={() => void store.previewImport(request)}
          >
            Preview the import
          </button>
        </div>
      </section>
      <JobProgress task="import" />
      {error && (
        <p className="report report-problem" role="alert">
          The file cannot be imported: {error}
        </p>
      )}
      {previewed && (
        <ImportPreviewView
          preview={previewed.preview}
          acceptedThen={previewed.acceptedThen}
          accepted={accepted}
          busy={busy}
          stale={JSON.stringify(request) !== JSON.stringify(previewed.request)}
          onAccept={store.setAccepted}
          onCheckAgain={() => void store.previewImport(previewed.request)}
          onImport={() => void store.importPhones()}
          onCancel={store.clearImport}
        />
      )}
      {report && <ImportReportView report={report} />}
    </div>
  );
}
