/**
 * A row of tabs (WAI-ARIA tabs pattern): one tab in the Tab order, the arrow keys move between
 * them and select as they go. Each tab is `${idPrefix}-tab-${id}`, so its panel can name it with
 * `aria-labelledby`; `panelOf` says which panel each tab controls.
 */
export function TabList<T extends string>({
  label,
  idPrefix,
  tabs,
  current,
  panelOf,
  onSelect,
}: {
  label: string;
  idPrefix: string;
  tabs: readonly { id: T; title: string }[];
  current: T;
  panelOf: (id: T) => string;
  onSelect: (id: T) => void;
}) {
  const moveFocus = (index: number) => {
    const next = tabs[(index + tabs.length) % tabs.length];
    if (!next) return;
    onSelect(next.id);
    document.getElementById(`${idPrefix}-tab-${next.id}`)?.focus();
  };
  return (
    <div role="tablist" aria-label={label} className="tab-list">
      {tabs.map((entry, index) => (
        <button
          key={entry.id}
          id={`${idPrefix}-tab-${entry.id}`}
          type="button"
          role="tab"
          aria-selected={entry.id === current}
          aria-controls={panelOf(entry.id)}
          tabIndex={entry.id === current ? 0 : -1}
          onClick={() => onSelect(entry.id)}
          onKeyDown={(event) => {
            if (event.key === 'ArrowRight') moveFocus(index + 1);
            if (event.key === 'ArrowLeft') moveFocus(index - 1);
          }}
        >
          {entry.title}
        </button>
      ))}
    </div>
  );
}
