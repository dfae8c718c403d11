import { useState } from 'react';
import type {
  FleetCertificate,
  FleetImportPreview,
  FleetImportReport,
} from '../../../shared/contract/fleet';
import { useEscapeToClose } from '../../components/use-escape-to-close';
import { count } from '../../lib/count';
import { PhoneList } from './phone-lists';
import { Pager, usePage } from './pager';

const PAGE_SIZE = 100;

/** Each certificate with its fingerprint and its own check box; none is accepted by default. */
function CertificateChoice({
  certificates,
  accepted,
  onChange,
}: {
  certificates: readonly FleetCertificate[];
  accepted: ReadonlySet<string>;
  onChange: (accepted: Set<string>) => void;
}) {
  const toggle = (fingerprint: string) => {
    const next = new Set(accepted);
    if (next.has(fingerprint)) next.delete(fingerprint);
    else next.add(fingerprint);
    onChange(next);
  };
  return (
    <fieldset className="fleet-certificates">
      <legend>Certificates to accept ({certificates.length})</legend>
      <p className="hint">
        These phones answer HTTPS with a certificate no authority vouches for. Accept one only if
        its fingerprint is the one the phone shows; a phone whose certificate is not accepted is not
        added.
      </p>
      <ul>
        {certificates.map((certificate) => (
          <li key={`${certificate.url} ${certificate.fingerprint}`}>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={accepted.has(certificate.fingerprint)}
                onChange={() => toggle(certificate.fingerprint)}
              />
              Accept the certificate of {certificate.name} ({certificate.url})
            </label>
            <code className="fleet-fingerprint">{certificate.fingerprint}</code>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/** Every row of the file with what the import would do with it and why, before anything is added. */
export function ImportPreviewView({
  preview,
  busy,
  stale,
  onImport,
  onCancel,
}: {
  preview: FleetImportPreview;
  busy: boolean;
  stale: boolean;
  onImport: (acceptFingerprints: string[]) => void;
  onCancel: () => void;
}) {
  const [accepted, setAccepted] = useState<Set<string>>(new Set());
  const { page, pages, first, shown, setPage } = usePage(preview.rows, PAGE_SIZE, '');
  const closeOnEscape = useEscapeToClose(onCancel);
  const adding = preview.rows.filter((row) => row.action === 'add').length;
  return (
    <section
      className="admin-group"
      aria-labelledby="fleet-import-preview-title"
      onKeyDown={closeOnEscape}
    >
      <h2 id="fleet-import-preview-title">Import preview</h2>
      <p>
        {count(preview.rows.length, 'row')}: {adding} to add, {preview.rows.length - adding} to
        skip.
      </p>
      {preview.cancelled && (
        <p className="report report-warning">
          The preview was cancelled: it shows only the rows tried before.
        </p>
      )}
      <div className="fleet-table-scroll">
        <table className="admin-table">
          <caption className="visually-hidden">Rows of the file</caption>
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Name</th>
              <th scope="col">Address</th>
              <th scope="col">Group</th>
              <th scope="col">Model</th>
              <th scope="col">Access</th>
              <th scope="col">Result</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.line} className={row.action === 'skip' ? 'has-problem' : undefined}>
                <td>{row.line}</td>
                <th scope="row">{row.name}</th>
                <td className="fleet-address">{row.url}</td>
                <td>{row.group ?? '—'}</td>
                <td>{[row.model, row.firmware].filter(Boolean).join(' ') || '—'}</td>
                <td>{row.admin ? 'Admin' : 'User only'}</td>
                <td>{row.action === 'add' ? 'Add' : `Skip: ${row.reason ?? 'no reason given'}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager
        label="Import preview pages"
        page={page}
        pages={pages}
        first={first}
        shownCount={shown.length}
        total={preview.rows.length}
        onPage={setPage}
      />
      {preview.certificates.length > 0 && (
        <CertificateChoice
          certificates={preview.certificates}
          accepted={accepted}
          onChange={setAccepted}
        />
      )}
      {stale && (
        <p className="report report-warning" role="status">
          The file or the options changed since this preview: preview again to import them.
        </p>
      )}
      <div className="admin-actions">
        <button
          type="button"
          className="primary"
          disabled={busy || stale || adding === 0}
          onClick={() => onImport([...accepted])}
        >
          Import {count(adding, 'phone')}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}

/** What the import did: the phones added, and each row skipped with its line and reason. */
export function ImportReportView({ report }: { report: FleetImportReport }) {
  return (
    <section
      className={`report ${report.skipped.length > 0 || report.cancelled ? 'report-warning' : 'report-ok'}`}
      aria-labelledby="fleet-import-report-title"
    >
      <h2 id="fleet-import-report-title">
        {report.cancelled ? 'The import was cancelled' : 'The import is done'}
      </h2>
      <PhoneList title="Added" phones={report.added} />
      {report.skipped.length > 0 && (
        <div className="fleet-list fleet-problems">
          <h3>Skipped ({report.skipped.length})</h3>
          <ul aria-label="Skipped">
            {report.skipped.map((row) => (
              <li key={row.line}>
                Line {row.line}, {row.name}: {row.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
