import { useEffect, useMemo, useRef } from 'react';
import type { FleetInventoryRow } from '../../../shared/contract/fleet';
import {
  INVENTORY_COLUMNS,
  uptimeInWords,
  type InventoryColumn,
  type InventorySort,
} from './inventory-table';
import { Pager, usePage } from './pager';

/** 100 rows a page: a thousand phones are ten pages, each drawn at once. */
const PAGE_SIZE = 100;

function SortHeader({
  id,
  title,
  sort,
  onSort,
}: {
  id: InventoryColumn;
  title: string;
  sort: InventorySort;
  onSort: (sort: InventorySort) => void;
}) {
  const current = sort.column === id;
  const next = current && sort.direction === 'ascending' ? 'descending' : 'ascending';
  return (
    <th scope="col" aria-sort={current ? sort.direction : undefined}>
      <button
        type="button"
        className="fleet-sort"
        onClick={() => onSort({ column: id, direction: next })}
      >
        {title}
        <span aria-hidden="true">
          {current ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}
        </span>
      </button>
    </th>
  );
}

/** The header check box: every row the filter shows, on every page; mixed when some are. */
function SelectAll({
  rows,
  selected,
  onSelect,
}: {
  rows: readonly FleetInventoryRow[];
  selected: ReadonlySet<string>;
  onSelect: (phoneIds: string[]) => void;
}) {
  const box = useRef<HTMLInputElement>(null);
  const chosen = rows.filter((row) => selected.has(row.phoneId)).length;
  const all = chosen === rows.length;
  useEffect(() => {
    if (box.current) box.current.indeterminate = chosen > 0 && !all;
  }, [chosen, all]);
  const shownIds = new Set(rows.map((row) => row.phoneId));
  return (
    <input
      ref={box}
      type="checkbox"
      checked={all}
      aria-label={`Select all ${rows.length} phones shown`}
      onChange={() =>
        onSelect(
          all
            ? [...selected].filter((id) => !shownIds.has(id))
            : [...selected, ...rows.map((row) => row.phoneId)],
        )
      }
    />
  );
}

/** One phone's row; a phone that could not be read says why on its own row. */
function InventoryRow({
  row,
  chosen,
  withProblems,
  onToggle,
}: {
  row: FleetInventoryRow;
  chosen: boolean;
  withProblems: boolean;
  onToggle: () => void;
}) {
  return (
    <tr className={row.problem ? 'has-problem' : undefined}>
      <td>
        <input
          type="checkbox"
          checked={chosen}
          aria-label={`Select ${row.name}`}
          onChange={onToggle}
        />
      </td>
      <th scope="row">{row.name}</th>
      <td>{row.model ?? '—'}</td>
      <td>{row.firmware ?? '—'}</td>
      <td className="fleet-mono">{row.macAddress ?? '—'}</td>
      <td className="fleet-address">{row.url}</td>
      <td>{row.group ?? '—'}</td>
      <td>
        {row.lines.length === 0 ? (
          '—'
        ) : (
          <ul className="fleet-lines">
            {row.lines.map((line) => (
              <li key={line.line}>
                {line.line}: {line.address}{' '}
                <span className={line.registration === 'Registered' ? undefined : 'fleet-warn'}>
                  ({line.registration})
                </span>
              </li>
            ))}
          </ul>
        )}
      </td>
      <td>{uptimeInWords(row) || '—'}</td>
      {withProblems && <td>{row.problem ?? ''}</td>}
    </tr>
  );
}

/** The inventory's rows a page at a time, sortable by every column, each with its check box. */
export function InventoryTable({
  rows,
  sort,
  onSort,
  selected,
  onSelect,
  resetKey,
}: {
  rows: readonly FleetInventoryRow[];
  sort: InventorySort;
  onSort: (sort: InventorySort) => void;
  selected: readonly string[];
  onSelect: (phoneIds: string[]) => void;
  resetKey: string;
}) {
  const chosen = useMemo(() => new Set(selected), [selected]);
  // The Problem column shows only when a phone has one, leaving the room to the details.
  const withProblems = rows.some((row) => row.problem !== null);
  const columns = INVENTORY_COLUMNS.filter((column) => withProblems || column.id !== 'problem');
  const paging = usePage(rows, PAGE_SIZE, resetKey);
  const { shown } = paging;
  const toggle = (phoneId: string) =>
    onSelect(
      chosen.has(phoneId) ? selected.filter((id) => id !== phoneId) : [...selected, phoneId],
    );
  return (
    <>
      <div className="fleet-table-scroll">
        <table className="admin-table fleet-inventory">
          <caption className="visually-hidden">
            Phones, sorted by {INVENTORY_COLUMNS.find((column) => column.id === sort.column)?.title}
            , {sort.direction}
          </caption>
          <thead>
            <tr>
              <td>
                <SelectAll rows={rows} selected={chosen} onSelect={onSelect} />
              </td>
              {columns.map((column) => (
                <SortHeader key={column.id} {...column} sort={sort} onSort={onSort} />
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <InventoryRow
                key={row.phoneId}
                row={row}
                chosen={chosen.has(row.phoneId)}
                withProblems={withProblems}
                onToggle={() => toggle(row.phoneId)}
              />
            ))}
          </tbody>
        </table>
      </div>
      <Pager label="Inventory pages" paging={paging} />
    </>
  );
}
