import type {
  FleetCertificate,
  FleetImportPreview,
  FleetImportReport,
  FleetImportRow,
} from '../../../shared/contract/fleet';
import { useEscapeToClose } from '../../components/use-escape-to-close';
import { count } from '../../lib/count';
import { ReportHeading } from './report-heading';
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
  onChange: (accepted: string[]) => void;
}) {
  const toggle = (fingerprint: string) =>
    onChange(
      accepted.has(fingerprint)
        ? [...accepted].filter((chosen) => chosen !== fingerprint)
        : [...accepted, fingerprint],
    );
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

/** What the import does with a row, in words. */
function resultWords(row: FleetImportRow, added: boolean): string {
  if (row.action === 'skip') return `Skip: ${row.reason ?? 'no reason given'}`;
  if (added) return row.checked ? 'Add' : 'Add (signed in to when imported)';
  return 'Skip unless its certificate is accepted';
}

/** Every row of the file with what the import would do with it and why, before anything is added. */
export function ImportPreviewView({
  preview,
  acceptedThen,
  accepted,
  busy,
  stale,
  onAccept,
  onCheckAgain,
  onImport,
  onCancel,
}: {
  preview: FleetImportPreview;
  /** The certificates accepted when the preview was made. */
  acceptedThen: readonly string[];
  accepted: readonly string[];
  busy: boolean;
  stale: boolean;
  onAccept: (fingerprints: string[]) => void;
  onCheckAgain: () => void;
  onImport: () => void;
  onCancel: () => void;
}) {
  const paging = usePage(preview.rows, PAGE_SIZE, '');
  const { shown } = paging;
  const closeOnEscape = useEscapeToClose(onCancel);
  const acceptedNow = new Set(accepted);
  const before = new Set(acceptedThen);
  // A row with a certificate is added when it is accepted now, or needed no acceptance (the
  // preview signed in to it without the user accepting anything).
  const willAdd = (row: FleetImportRow) =>
    row.action === 'add' &&
    (row.fingerprint === null ||
      acceptedNow.has(row.fingerprint) ||
      (row.checked && !before.has(row.fingerprint)));
  const adding = preview.rows.filter(willAdd).length;
  const unchecked = preview.rows.filter(
    (row) =>
      row.action === 'add' &&
      !row.checked &&
      row.fingerprint !== null &&
      acceptedNow.has(row.fingerprint),
  ).length;
  return (
    <section
      className="admin-group"
      aria-labelledby="fleet-import-preview-title"
      onKeyDown={closeOnEscape}
    >
      <ReportHeading id="fleet-import-preview-title">Import preview</ReportHeading>
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
              <tr key={row.line} className={willAdd(row) ? undefined : 'has-problem'}>
                <td>{row.line}</td>
                <th scope="row">{row.name}</th>
                <td className="fleet-address">{row.url}</td>
                <td>{row.group ?? '—'}</td>
                <td>{[row.model, row.firmware].filter(Boolean).join(' ') || '—'}</td>
                <td>{row.checked ? (row.admin ? 'Admin' : 'User only') : 'Not signed in yet'}</td>
                <td>{resultWords(row, willAdd(row))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager label="Import preview pages" paging={paging} />
      {preview.certificates.length > 0 && (
        <CertificateChoice
          certificates={preview.certificates}
          accepted={acceptedNow}
          onChange={onAccept}
        />
      )}
      {unchecked > 0 && (
        <p className="hint">
          {count(unchecked, 'phone')} with an accepted certificate not signed in to yet: preview
          again to check its model, firmware and admin access before importing.
        </p>
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
          onClick={onImport}
        >
          Import {count(adding, 'phone')}
        </button>
        {unchecked > 0 && (
          <button type="button" disabled={busy || stale} onClick={onCheckAgain}>
            Preview again with the accepted certificates
          </button>
        )}
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
      <ReportHeading id="fleet-import-report-title">
        {report.cancelled ? 'The import was cancelled' : 'The import is done'}
      </ReportHeading>
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
