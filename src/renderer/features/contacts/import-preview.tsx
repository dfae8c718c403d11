import type { ContactImportPreview, SkippedImportRow } from '../../../shared/contacts';
import { useEscapeToClose } from '../../components/use-escape-to-close';
import { count } from '../../lib/count';
import { displayNumber } from '../../lib/phone-numbers';

const PREVIEW_ROWS = 50;

/** Records listed by what the user sees: a spreadsheet's row, or a card's place in the file. */
function RecordList({
  label,
  rows,
  unit,
}: {
  label: string;
  rows: readonly SkippedImportRow[];
  unit: 'Row' | 'Card';
}) {
  return (
    <ul aria-label={label}>
      {rows.map((row, index) => (
        <li key={`${row.record}-${index}`}>
          {unit} {row.record}: {row.reason}
        </li>
      ))}
    </ul>
  );
}

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
  const closeOnEscape = useEscapeToClose(onCancel);
  const total = preview.contacts.length;
  const shown = preview.contacts.slice(0, PREVIEW_ROWS);
  const unit = preview.format === 'vcard' ? 'Card' : 'Row';
  const records = preview.format === 'vcard' ? 'card' : 'row';
  // The same figures the lists below hold: every record is imported or skipped, never both.
  const summary = [
    `${count(total, 'contact')} ready to import`,
    preview.skipped.length > 0 ? `${count(preview.skipped.length, records)} skipped` : null,
    preview.notes.length > 0 ? `${count(preview.notes.length, records)} imported in part` : null,
  ]
    .filter((part) => part !== null)
    .join(', ');
  return (
    <section
      className="panel import-preview"
      aria-labelledby="import-preview-title"
      onKeyDown={closeOnEscape}
    >
      <h2 id="import-preview-title">Import from {fileName}</h2>
      <p>
        {preview.format === 'vcard' ? 'vCard file' : 'CSV file'}: {summary}.
      </p>
      {total > 0 && (
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
      {total > shown.length && <p className="hint">…and {total - shown.length} more.</p>}
      {preview.notes.length > 0 && (
        <div className="skipped">
          <h3>Imported, with something left out</h3>
          <RecordList label="Imported in part" rows={preview.notes} unit={unit} />
        </div>
      )}
      {preview.skipped.length > 0 && (
        <div className="skipped">
          <h3>Skipped, not imported</h3>
          <RecordList label="Skipped records" rows={preview.skipped} unit={unit} />
        </div>
      )}
      <div className="actions">
        <button type="button" className="primary" disabled={busy || total === 0} onClick={onCommit}>
          Import {count(total, 'contact')}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}
