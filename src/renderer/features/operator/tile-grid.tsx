import {
  useCallback,
  useLayoutEffect,
  useEffect,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import type { PhoneSnapshot } from '../../../shared/domain';
import { isIncomingRinging } from '../../lib/call-state';
import { useStores } from '../../stores/stores-context';
import { tileState } from './operator-model';
import { controllable, PhoneTile } from './phone-tile';

/** Tile sizes in rem, so 200 % zoom gives bigger tiles, fewer to a row (see operator.css). */
const TILE_MIN_WIDTH_REM = 7.5;
const ROW_HEIGHT_REM = 6.125;
const GAP_REM = 0.25;
/** Rows drawn above and below the visible ones, so a quick scroll shows no gap. */
const OVERSCAN_ROWS = 2;
/** Room left under the grid, so the window itself never scrolls. */
const BOTTOM_ROOM_REM = 0.25;

interface GridBox {
  width: number;
  height: number;
  rem: number;
}

/**
 * The grid's size: the width it is given, and the height from its top to the window's bottom
 * (re-measured when the window or anything above the grid changes size).
 */
function useGridBox(scroller: React.RefObject<HTMLDivElement | null>): GridBox {
  const [box, setBox] = useState<GridBox>({ width: 0, height: 0, rem: 16 });
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const measure = () => {
      const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
      const top = element.getBoundingClientRect().top;
      const height = Math.max(10 * rem, window.innerHeight - top - BOTTOM_ROOM_REM * rem);
      const width = element.clientWidth;
      setBox((old) =>
        old.width === width && old.height === height && old.rem === rem
          ? old
          : { width, height, rem },
      );
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    observer.observe(element);
    window.addEventListener('resize', measure);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, [scroller]);
  return box;
}

/**
 * Every phone of the filter as a tile in a grid that draws only the rows in sight, so a
 * thousand phones cost what fifty do. Hand-written rather than a library: the tiles have one
 * fixed size, so which ones are in sight is a division, and the roving focus below needs the
 * same arithmetic anyway.
 *
 * Keyboard: the arrow keys, Home, End, Page Up and Page Down move between tiles (one tile is in
 * the Tab order; the grid scrolls to it); Enter or A answers the focused tile's ringing call.
 */
export function TileGrid({
  phones,
  now,
  groups,
}: {
  phones: PhoneSnapshot[];
  now: number;
  groups: string[];
}) {
  const stores = useStores();
  const scroller = useRef<HTMLDivElement>(null);
  const { width, height, rem } = useGridBox(scroller);
  const [scrollTop, setScrollTop] = useState(0);
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [focusWanted, setFocusWanted] = useState(0);

  const gap = GAP_REM * rem;
  const rowHeight = ROW_HEIGHT_REM * rem;
  const columns = Math.max(1, Math.floor((width + gap) / (TILE_MIN_WIDTH_REM * rem + gap)));
  const tileWidth = (width - gap * (columns - 1)) / columns;
  const rows = Math.ceil(phones.length / columns);
  const rowsInSight = Math.max(1, Math.floor(height / rowHeight));
  const firstRow = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN_ROWS);
  const lastRow = Math.min(rows - 1, Math.ceil((scrollTop + height) / rowHeight) + OVERSCAN_ROWS);
  const drawn = phones.slice(firstRow * columns, (lastRow + 1) * columns);

  const currentIndex = Math.max(
    0,
    phones.findIndex((phone) => phone.info.id === chosenId),
  );
  const currentId = phones[currentIndex]?.info.id ?? null;

  const onTileFocus = useCallback((phoneId: string) => setChosenId(phoneId), []);

  useEffect(() => {
    if (focusWanted === 0 || currentId === null) return;
    const tiles = scroller.current?.querySelectorAll<HTMLElement>('[data-phone-id]') ?? [];
    for (const tile of tiles) if (tile.dataset.phoneId === currentId) tile.focus();
  }, [focusWanted, currentId]);

  /** Makes tile `index` current, scrolls its row into sight and focuses it once drawn. */
  const moveTo = (index: number) => {
    const target = phones[Math.min(phones.length - 1, Math.max(0, index))];
    const element = scroller.current;
    if (!target || !element) return;
    const row = Math.floor(phones.indexOf(target) / columns);
    let top = scrollTop;
    if (row * rowHeight < top) top = row * rowHeight;
    else if ((row + 1) * rowHeight - gap > top + height) top = (row + 1) * rowHeight - gap - height;
    if (top !== scrollTop) {
      element.scrollTop = top;
      setScrollTop(top);
    }
    setChosenId(target.info.id);
    setFocusWanted((count) => count + 1);
  };

  const answerFocused = (phone: PhoneSnapshot) => {
    const ringing = phone.calls.find(isIncomingRinging);
    if (!ringing || tileState(phone) !== 'ringing' || !controllable(phone)) return false;
    void stores.calls.getState().answer(phone.info.id, ringing.handle);
    return true;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const tile = event.target;
    if (!(tile instanceof HTMLElement) || tile.dataset.phoneId === undefined) return;
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const moves: Record<string, number> = {
      ArrowRight: currentIndex + 1,
      ArrowLeft: currentIndex - 1,
      ArrowDown: currentIndex + columns,
      ArrowUp: currentIndex - columns,
      Home: 0,
      End: phones.length - 1,
      PageDown: currentIndex + columns * rowsInSight,
      PageUp: currentIndex - columns * rowsInSight,
    };
    const target = Object.hasOwn(moves, event.key) ? moves[event.key] : undefined;
    if (target !== undefined) {
      event.preventDefault();
      moveTo(target);
      return;
    }
    const phone = phones[currentIndex];
    if ((event.key === 'Enter' || event.key.toLowerCase() === 'a') && phone) {
      if (answerFocused(phone)) event.preventDefault();
    }
  };

  return (
    <div
      ref={scroller}
      className="operator-scroller"
      style={{ height }}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
    >
      <div
        className="operator-grid"
        role="list"
        aria-label="Phones"
        style={{ height: rows * rowHeight - gap }}
        onKeyDown={onKeyDown}
      >
        {drawn.map((phone, offset) => {
          const index = firstRow * columns + offset;
          return (
            <div
              role="listitem"
              key={phone.info.id}
              className="operator-cell"
              // Only some tiles exist: the set's size and place let a screen reader say "12 of 50".
              aria-setsize={phones.length}
              aria-posinset={index + 1}
              style={{
                top: Math.floor(index / columns) * rowHeight,
                left: (index % columns) * (tileWidth + gap),
                width: tileWidth,
                height: rowHeight - gap,
              }}
            >
              <PhoneTile
                phone={phone}
                // Only a tile with calls has a clock to tick; the others stay as drawn.
                now={phone.calls.length > 0 ? now : 0}
                current={phone.info.id === currentId}
                groups={groups}
                onFocus={onTileFocus}
              />
            </div>
          );
        })}
      </div>
    </div>
  );
}
