import type { ScreenElement, ScreenElementKind, ScreenModel } from './uixml-reader';

const KIND_NAMES: Record<ScreenElementKind, string> = {
  softkey: 'Soft key',
  linekey: 'Line key',
  title: 'Title',
  button: 'Button',
  text: '',
};

const TAPPABLE: ReadonlySet<ScreenElementKind> = new Set(['softkey', 'linekey', 'button']);

/** Whether the element is a key or button a tap acts on. */
export function isTappable(element: ScreenElement): boolean {
  return element.rect !== null && element.enabled && TAPPABLE.has(element.kind);
}

/** One line of the screen as words: "Soft key: New Call (selected)". */
export function describeElement(element: ScreenElement): string {
  const kind = KIND_NAMES[element.kind];
  const selected = element.selected ? ' (selected)' : '';
  const disabled = element.enabled ? '' : ' (unavailable)';
  return `${kind ? `${kind}: ` : ''}${element.text}${selected}${disabled}`;
}

/** The whole screen as plain text, one element per line in reading order (for copying). */
export function screenAsText(model: ScreenModel): string {
  return model.reading.map(describeElement).join('\n');
}

/**
 * The accessible text version of the screen, in reading order. Keys and buttons on a touch
 * screen become real buttons that tap the element's centre, so the screen can be operated
 * from the keyboard and by screen reader users too; each is named by the line it shows
 * ("Soft key: New Call"), so voice control finds it by what people read.
 */
export function ScreenText({
  model,
  onTap,
}: {
  model: ScreenModel;
  onTap: ((element: ScreenElement) => void) | null;
}) {
  if (model.reading.length === 0) {
    return <p className="screen-text-empty">The phone's screen description holds no text.</p>;
  }
  return (
    <ul className="screen-text" aria-label="Screen text">
      {model.reading.map((element) => (
        <li key={element.key} className={element.selected ? 'is-selected' : undefined}>
          {onTap && isTappable(element) ? (
            <button type="button" onClick={() => onTap(element)}>
              {describeElement(element)}
            </button>
          ) : (
            describeElement(element)
          )}
        </li>
      ))}
    </ul>
  );
}
