import { useId, useRef, useState, type FormEvent } from 'react';
import { parseDialTarget } from '../../../shared/dial-target';
import { Checkbox } from '../../components/fields';
import { useEscapeToClose } from '../../components/use-escape-to-close';
import type { ContactInput } from '../../stores/contacts-store';

interface NumberRow {
  key: number;
  label: string;
  number: string;
}

/** Where each problem of the form sits: the name field, a number's field, the numbers, or the save. */
interface Problems {
  name: string | null;
  numbers: Map<number, string>;
  noNumber: string | null;
}

function findProblems(name: string, rows: readonly NumberRow[]): Problems {
  const numbers = new Map<number, string>();
  for (const row of rows) {
    if (row.number.trim() === '') continue;
    const parsed = parseDialTarget(row.number);
    if (!parsed.ok) numbers.set(row.key, parsed.message);
  }
  return {
    name: name.trim() === '' ? 'Give the contact a name.' : null,
    numbers,
    noNumber: rows.every((row) => row.number.trim() === '') ? 'Give at least one number.' : null,
  };
}

/** One labelled number of the form, its problem said beside it once the user has left it. */
function NumberField({
  row,
  index,
  problem,
  errorId,
  invalid,
  onChange,
  onLeave,
  onRemove,
}: {
  row: NumberRow;
  index: number;
  problem: string | null;
  errorId: string;
  /** Marked invalid though it has no problem of its own (the form needs a number here). */
  invalid: boolean;
  onChange: (change: Partial<NumberRow>) => void;
  onLeave: () => void;
  /** Absent for the only number, which cannot be removed. */
  onRemove: (() => void) | undefined;
}) {
  return (
    <div className="number-row">
      <label>
        <span className="visually-hidden">Label of number {index + 1}</span>
        <input
          value={row.label}
          onChange={(event) => onChange({ label: event.target.value })}
          placeholder="work"
        />
      </label>
      <label>
        <span className="visually-hidden">Number {index + 1}</span>
        <input
          value={row.number}
          inputMode="tel"
          aria-invalid={problem !== null || invalid}
          aria-describedby={problem ? errorId : undefined}
          onChange={(event) => onChange({ number: event.target.value })}
          onBlur={onLeave}
          placeholder="+1 555 010 2000"
        />
      </label>
      {onRemove && (
        <button type="button" className="quiet" onClick={onRemove}>
          Remove number {index + 1}
        </button>
      )}
      {problem && (
        <p className="field-error number-error" id={errorId}>
          {problem}
        </p>
      )}
    </div>
  );
}

/**
 * Create or edit a contact: name, company, any number of labelled numbers, favourite. Each
 * problem is said beside the field that causes it, once the user has left that field or tried to
 * save, and goes as soon as it is fixed; a refusal from the core is said beside the Save button.
 */
export function ContactForm({
  initial,
  title,
  onSave,
  onCancel,
}: {
  initial: ContactInput | null;
  title: string;
  /** Saves; resolves to null when saved, or the reason it was not. */
  onSave: (input: ContactInput) => Promise<string | null>;
  onCancel: () => void;
}) {
  const formId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const closeOnEscape = useEscapeToClose(onCancel);
  const [name, setName] = useState(initial?.name ?? '');
  const [company, setCompany] = useState(initial?.company ?? '');
  const [favourite, setFavourite] = useState(initial?.favourite ?? false);
  const [rows, setRows] = useState<NumberRow[]>(() =>
    (initial?.numbers.length ? initial.numbers : [{ label: 'work', number: '' }]).map(
      (entry, key) => ({ key, ...entry }),
    ),
  );
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  /** Fields the user has left (by key: "name", "number-<key>"), or every field after a save. */
  const [visited, setVisited] = useState<ReadonlySet<string>>(new Set());
  const [triedToSave, setTriedToSave] = useState(false);
  const problems = findProblems(name, rows);
  const shown = (field: string) => triedToSave || visited.has(field);
  const visit = (field: string) => setVisited(new Set([...visited, field]));
  const nameProblem = shown('name') ? problems.name : null;
  const numberProblem = (key: number) =>
    shown(`number-${key}`) ? (problems.numbers.get(key) ?? null) : null;
  const noNumber = triedToSave ? problems.noNumber : null;

  const updateRow = (key: number, change: Partial<NumberRow>) => {
    setRefusal(null);
    setRows(rows.map((row) => (row.key === key ? { ...row, ...change } : row)));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTriedToSave(true);
    if (problems.name || problems.noNumber || problems.numbers.size > 0) {
      // Straight to the first field to fix, so a keyboard user does not hunt for it.
      requestAnimationFrame(() =>
        formRef.current?.querySelector<HTMLInputElement>('[aria-invalid="true"]')?.focus(),
      );
      return;
    }
    setSaving(true);
    const problem = await onSave({
      name: name.trim(),
      company: company.trim(),
      favourite,
      numbers: rows
        .filter((row) => row.number.trim() !== '')
        .map((row) => ({ label: row.label.trim(), number: row.number.trim() })),
    });
    setSaving(false);
    if (problem === null) onCancel();
    else setRefusal(problem);
  };

  const errorId = (field: string) => `${formId}-${field}-error`;
  return (
    <form
      ref={formRef}
      className="panel contact-form"
      onSubmit={submit}
      onKeyDown={closeOnEscape}
      aria-labelledby={`${formId}-title`}
      noValidate
    >
      <h2 id={`${formId}-title`}>{title}</h2>
      <label>
        Name
        <input
          value={name}
          // A form opened to be filled starts where the typing starts.
          autoFocus={name === ''}
          autoComplete="off"
          aria-invalid={nameProblem !== null}
          aria-describedby={nameProblem ? errorId('name') : undefined}
          onChange={(event) => {
            setRefusal(null);
            setName(event.target.value);
          }}
          onBlur={() => visit('name')}
        />
      </label>
      {nameProblem && (
        <p className="field-error" id={errorId('name')}>
          {nameProblem}
        </p>
      )}
      <label>
        Company
        <input
          value={company}
          autoComplete="off"
          onChange={(event) => setCompany(event.target.value)}
        />
      </label>
      <fieldset aria-describedby={noNumber ? errorId('numbers') : undefined}>
        <legend>Numbers</legend>
        {rows.map((row, index) => (
          <NumberField
            key={row.key}
            row={row}
            index={index}
            problem={numberProblem(row.key)}
            errorId={errorId(`number-${row.key}`)}
            invalid={noNumber !== null && index === 0}
            onChange={(change) => updateRow(row.key, change)}
            onLeave={() => visit(`number-${row.key}`)}
            onRemove={
              rows.length > 1
                ? () => setRows(rows.filter((other) => other.key !== row.key))
                : undefined
            }
          />
        ))}
        {noNumber && (
          <p className="field-error" id={errorId('numbers')}>
            {noNumber}
          </p>
        )}
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
      {refusal && (
        <p className="field-error" role="alert" id={errorId('save')}>
          {refusal}
        </p>
      )}
      <div className="actions">
        <button
          type="submit"
          className="primary"
          disabled={saving}
          aria-describedby={refusal ? errorId('save') : undefined}
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
