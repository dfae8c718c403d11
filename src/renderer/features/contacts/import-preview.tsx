import type { ContactImportPreview } from '../../../shared/contacts';
import { displayNumber } from '../../lib/phone-numbers';

const PREVIEW_ROWS = 50;

/**
 * What an import will add and what it will skip (with the record number and reason), before
 * anything is saved.
 */
export function ImportPreview({
  preview,
  fileName,
  busy,
  onCommit,
  onCancel,
}: {
  preview: ContactImportPreview;
  fileName: string;
  busy: boolean;
  onCommit: () => void;
  onCancel: () => void;
}) {
  const count = preview.contacts.length;
  const shown = preview.contacts.slice(0, PREVIEW_ROWS);
  return (
    <section className="panel import-preview" aria-labelledby="import-preview-title">
      <h2 id="import-preview-title">Import from {fileName}</h2>
      <p>
        {preview.format === 'vcard' ? 'vCard file' : 'CSV file'}: {count} contact
        {count === 1 ? '' : 's'} ready to import
        {preview.skipped.length > 0 ? `, ${preview.skipped.length} skipped` : ''}.
      </p>
      {count > 0 && (
        <table>
          <caption className="visually-hidden">Contacts to import</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Company</th>
              <th scope="col">Numbers</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((contact, index) => (
              <tr key={index}>
                <td>{contact.name}</td>
                <td>{contact.company}</td>
                <td>
                  {contact.numbers
                    .map(
                      (entry) =>
                        `${entry.label ? `${entry.label}: ` : ''}${displayNumber(entry.number)}`,
                    )
                    .join(', ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {count > shown.length && <p className="hint">…and {count - shown.length} more.</p>}
      {preview.skipped.length > 0 && (
        <div className="skipped">
          <h3>Skipped</h3>
          <ul aria-label="Skipped records">
            {preview.skipped.map((row) => (
              <li key={row.record}>
                Record {row.record}: {row.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="actions">
        <button type="button" className="primary" disabled={busy || count === 0} onClick={onCommit}>
          Import {count} contact{count === 1 ? '' : 's'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}
