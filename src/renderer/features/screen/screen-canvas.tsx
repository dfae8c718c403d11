import type { CSSProperties } from 'react';

import type { TouchHandlers } from './use-touch-gestures';
import type { ScreenElement, ScreenModel } from './uixml-reader';

function elementClass(element: ScreenElement): string {
  const selected = element.selected ? ' is-selected' : '';
  const disabled = element.enabled ? '' : ' is-disabled';
  return `phone-element kind-${element.kind}${selected}${disabled}`;
}

const percent = (part: number, whole: number) => `${(part / whole) * 100}%`;

function elementStyle(element: ScreenElement, model: ScreenModel): CSSProperties {
  const rect = element.rect;
  if (!rect) return {};
  // Font size in phone pixels, scaled with the drawing through the --px custom property.
  // Sized to the box's height, shrunk so the text fits its width (an average glyph is about
  // 0.65 em wide in common UI fonts), never below 7 phone pixels.
  const fitsWidth = (rect.width - 8) / (Math.max(element.text.length, 1) * 0.65);
  const fontPixels = Math.max(Math.min(rect.height * 0.55, 18, fitsWidth), 7);
  return {
    left: percent(rect.x, model.width),
    top: percent(rect.y, model.height),
    width: percent(rect.width, model.width),
    height: percent(rect.height, model.height),
    fontSize: `calc(var(--px) * ${fontPixels.toFixed(1)})`,
  };
}

/**
 * The phone's screen drawn from its uixml at the model's resolution and scaled to the space
 * available (vector text and boxes, so it stays crisp at any size). Pointer handlers, when
 * given, turn clicks and drags into touches; the picture itself is hidden from screen readers
 * because the view offers the same content as text beside it.
 */
export function ScreenCanvas({
  model,
  touchHandlers,
}: {
  model: ScreenModel;
  touchHandlers: TouchHandlers | null;
}) {
  const style = {
    aspectRatio: `${model.width} / ${model.height}`,
    maxWidth: `${model.width * 2}px`,
    '--px': `calc(100cqw / ${model.width})`,
  } as CSSProperties;
  return (
    <div
      className={`phone-screen layout-${model.layout}${touchHandlers ? ' is-touchable' : ''}`}
      style={style}
      aria-hidden="true"
      data-testid="phone-screen"
      data-width={model.width}
      data-height={model.height}
      {...touchHandlers}
    >
      {model.layout === 'geometry' ? (
        model.placed.map((element) => (
          <div
            key={element.key}
            className={elementClass(element)}
            style={elementStyle(element, model)}
            data-text={element.text}
          >
            <span>{element.text}</span>
          </div>
        ))
      ) : (
        <ol className="phone-flow">
          {model.unplaced.map((element) => (
            <li key={element.key} className={elementClass(element)} data-text={element.text}>
              {element.text}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
