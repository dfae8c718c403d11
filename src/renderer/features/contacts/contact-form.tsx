import { useId, useState, type FormEvent } from 'react';
import { Checkbox, TextField } from '../../components/fields';
import type { ContactInput } from '../../stores/contacts-store';

interface NumberRow {
  key: number;
  label: string;
  number: string;
}

/** Create or edit a contact: name, company, any number of labelled numbers, favourite. */
export function ContactForm({
  initial,
  title,
  onSave,
  onCancel,
}: {
  initial: ContactInput | null;
  title: string;
  onSave: (input: ContactInput) => Promise<boolean>;
  onCancel: () => void;
}) {
  const formId = useId();
  const [name, setName] = useState(initial?.name ?? '');
  const [company, setCompany] = useState(initial?.company ?? '');
  const [favourite, setFavourite] = useState(initial?.favourite ?? false);
  const [rows, setRows] = useState<NumberRow[]>(() =>
    (initial?.numbers.length ? initial.numbers : [{ label: 'work', number: '' }]).map(
      (entry, key) => ({ key, ...entry }),
    ),
  );
  const [saving, setSaving] = useState(false);
  const filled = rows.filter((row) => row.number.trim() !== '');
  const problem =
    name.trim() === ''
      ? 'Give the contact a name.'
      : filled.length === 0
        ? 'Give at least one number.'
        : null;

  const updateRow = (key: number, change: Partial<NumberRow>) =>
    setRows(rows.map((row) => (row.key === key ? { ...row, ...change } : row)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (problem) return;
    setSaving(true);
    const ok = await onSave({
      name: name.trim(),
      company: company.trim(),
      favourite,
      numbers: filled.map((row) => ({ label: row.label.trim(), number: row.number.trim() })),
    });
    setSaving(false);
    if (ok) onCancel();
  };

  return (
    <form className="panel contact-form" onSubmit={submit} aria-labelledby={`${formId}-title`}>
      <h2 id={`${formId}-title`}>{title}</h2>
      <TextField label="Name" value={name} onChange={setName} autoComplete="off" />
      <TextField label="Company" value={company} onChange={setCompany} autoComplete="off" />
      <fieldset>
        <legend>Numbers</legend>
        {rows.map((row, index) => (
          <div className="number-row" key={row.key}>
            <label>
              <span className="visually-hidden">Label of number {index + 1}</span>
              <input
                value={row.label}
                onChange={(event) => updateRow(row.key, { label: event.target.value })}
                placeholder="work"
              />
            </label>
            <label>
              <span className="visually-hidden">Number {index + 1}</span>
              <input
                value={row.number}
                inputMode="tel"
                onChange={(event) => updateRow(row.key, { number: event.target.value })}
                placeholder="+1 555 010 2000"
              />
            </label>
            {rows.length > 1 && (
              <button
                type="button"
                className="quiet"
                onClick={() => setRows(rows.filter((other) => other.key !== row.key))}
              >
                Remove number {index + 1}
              </button>
            )}
          </div>
        ))}
        <button
          type="button"
          className="quiet"
          onClick={() =>
            setRows([
              ...rows,
              { key: Math.max(...rows.map((row) => row.key)) + 1, label: 'mobile', number: '' },
            ])
          }
        >
          Add another number
        </button>
      </fieldset>
      <Checkbox checked={favourite} onChange={setFavourite}>
        Favourite
      </Checkbox>
      {problem && (
        <p className="hint" id={`${formId}-problem`}>
          {problem}
        </p>
      )}
      <div className="actions">
        <button
          type="submit"
          className="primary"
          disabled={problem !== null || saving}
          aria-describedby={problem ? `${formId}-problem` : undefined}
        >
          Save contact
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
