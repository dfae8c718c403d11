import { useState } from 'react';

/**
 * A long list a page at a time: the window renders a page of rows, never a thousand, and the
 * table keeps its real rows and headers for screen readers (which a virtualised table loses).
 * The page goes back to the first when `resetKey` changes (a new filter or order).
 */
export function usePage<T>(rows: readonly T[], pageSize: number, resetKey: string) {
  const [state, setState] = useState({ page: 0, resetKey });
  const pages = Math.max(1, Math.ceil(rows.length / pageSize));
  const page = state.resetKey === resetKey ? Math.min(state.page, pages - 1) : 0;
  const first = page * pageSize;
  return {
    page,
    pages,
    first,
    total: rows.length,
    shown: rows.slice(first, first + pageSize),
    setPage: (next: number) => setState({ page: next, resetKey }),
  };
}

export type Paging<T> = ReturnType<typeof usePage<T>>;

/** Previous / Next under a list, saying which rows are shown ("Rows 101–200 of 1000"). */
export function Pager<T>({
  label,
  paging: { page, pages, first, total, shown, setPage: onPage },
}: {
  label: string;
  paging: Paging<T>;
}) {
  if (pages <= 1) return null;
  return (
    <nav className="fleet-pager" aria-label={label}>
      <button type="button" disabled={page === 0} onClick={() => onPage(page - 1)}>
        Previous page
      </button>
      <span>
        Rows {first + 1}–{first + shown.length} of {total}
      </span>
      <button type="button" disabled={page >= pages - 1} onClick={() => onPage(page + 1)}>
        Next page
      </button>
    </nav>
  );
}
