import {
  useEffect,
  useRef,
  useState,
  type CSSProperties,
  type MouseEvent,
  type RefObject,
} from 'react';

import { centreOf, type PhonePoint } from './pointer-mapping';
import { describeElement, isTappable } from './screen-text';
import type { ShownPicture } from './screen-store';
import type { TouchHandlers } from './use-touch-gestures';
import type { ScreenElement, ScreenModel } from './uixml-reader';

/** The most a picture is enlarged: beyond it a phone screen's pixels only grow coarse. */
const MAX_FACTOR = 4;

/**
 * The largest whole enlargement that fits `room` (every phone pixel the same number of screen
 * pixels, so nothing blurs or wobbles); below one, the fraction that fits.
 */
export function fitFactor(room: number, width: number): number {
  if (room <= 0 || width <= 0) return 1;
  const whole = Math.floor(room / width);
  return whole >= 1 ? Math.min(whole, MAX_FACTOR) : room / width;
}

/** The width the picture area has, followed as the window changes. */
function useRoom(): [RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement | null>(null);
  const [room, setRoom] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    setRoom(element.clientWidth);
    const observer = new ResizeObserver(() => setRoom(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, room];
}

const percent = (part: number, whole: number) => `${(part / whole) * 100}%`;

function placeOf(element: ScreenElement, model: ScreenModel): CSSProperties {
  const rect = element.rect;
  if (!rect) return {};
  return {
    left: percent(rect.x, model.width),
    top: percent(rect.y, model.height),
    width: percent(rect.width, model.width),
    height: percent(rect.height, model.height),
  };
}

/**
 * The structure over the picture, invisible until needed: every text is there for screen
 * readers and selection, and on a touch screen every key and button is a real button (outlined
 * on hover and focus, reached by Tab) that a keyboard press taps at its centre. Pointer taps go
 * to the picture's own gestures, which know the exact pixel.
 */
function StructureLayer({
  model,
  onTap,
}: {
  model: ScreenModel;
  onTap: ((element: ScreenElement) => void) | null;
}) {
  const click = (element: ScreenElement) => (event: MouseEvent) => {
    // A pointer's click was already a gesture on the picture; only keyboard clicks (detail 0) tap.
    if (event.detail === 0) onTap?.(element);
  };
  return (
    <div className="screen-structure">
      {model.placed.map((element) =>
        onTap && isTappable(element) ? (
          <button
            key={element.key}
            type="button"
            className="structure-element is-target"
            style={placeOf(element, model)}
            aria-label={describeElement(element)}
            onClick={click(element)}
          >
            <span className="structure-text">{element.text}</span>
          </button>
        ) : (
          <span key={element.key} className="structure-element" style={placeOf(element, model)}>
            <span className="structure-text">{element.text}</span>
          </span>
        ),
      )}
    </div>
  );
}

/**
 * The phone's real picture, enlarged by whole factors and drawn nearest-neighbour so it stays
 * crisp, with its expansion modules beside it and its structure on top.
 */
export function ScreenPicture({
  pictures,
  model,
  touchHandlers,
  onTapPoint,
  touchWidth,
}: {
  pictures: readonly ShownPicture[];
  model: ScreenModel | null;
  touchHandlers: TouchHandlers | null;
  /** Taps a point in touch coordinates (the keyboard's way in). */
  onTapPoint: ((point: PhonePoint) => void) | null;
  /** The touch space's width, for mapping the structure's rectangles. */
  touchWidth: number;
}) {
  const [ref, room] = useRoom();
  const [main, ...modules] = pictures;
  if (main === undefined) return null;
  const factor = fitFactor(room, main.width);
  const size = (picture: ShownPicture): CSSProperties => ({
    width: `${picture.width * factor}px`,
    height: `${picture.height * factor}px`,
  });
  const tapElement =
    onTapPoint && model
      ? (element: ScreenElement) => {
          if (!element.rect) return;
          const centre = centreOf(element.rect);
          const scale = touchWidth / model.width;
          onTapPoint({ x: Math.round(centre.x * scale), y: Math.round(centre.y * scale) });
        }
      : null;
  return (
    <div className="screen-pictures" ref={ref}>
      <div
        className={`screen-picture${touchHandlers ? ' is-touchable' : ''}`}
        style={size(main)}
        data-testid="phone-picture"
        data-width={main.width}
        data-height={main.height}
        {...touchHandlers}
      >
        <img
          src={main.src}
          alt={model ? '' : 'The phone’s screen (its picture only: the phone gave no text for it)'}
          width={main.width}
          height={main.height}
          draggable={false}
          style={size(main)}
        />
        {model && model.layout === 'geometry' && (
          <StructureLayer model={model} onTap={tapElement} />
        )}
      </div>
      {modules.map((picture, index) => (
        <img
          key={picture.screen}
          className="screen-module"
          src={picture.src}
          alt={`Expansion module ${index + 1} (its picture only)`}
          width={picture.width}
          height={picture.height}
          draggable={false}
          style={size(picture)}
        />
      ))}
    </div>
  );
}
