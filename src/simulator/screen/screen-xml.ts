import type { Screen, UiElement } from './screen-types';
import { escapeXml } from '../http/xml-text';

function widget(element: UiElement, depth: number): string {
  const indent = '  '.repeat(depth);
  const attributes: Record<string, string> = {
    class: element.cls,
    name: element.name,
    text: element.text,
    x: String(element.x),
    y: String(element.y),
    width: String(element.width),
    height: String(element.height),
    visible: 'true',
    enabled: String(element.enabled ?? true),
    selected: String(element.selected ?? false),
    ...element.attributes,
  };
  const attributeText = Object.entries(attributes)
    .map(([key, value]) => `${key}="${escapeXml(value)}"`)
    .join(' ');
  const children = element.children ?? [];
  if (children.length === 0) return `${indent}<Widget ${attributeText}/>`;
  const inner = children.map((child) => widget(child, depth + 1)).join('\n');
  return `${indent}<Widget ${attributeText}>\n${inner}\n${indent}</Widget>`;
}

/** What the uixml root says about the phone. */
export interface ScreenOwner {
  model: string;
  touch: boolean;
  firmware: string;
}

/**
 * The uixml text: a `<Screen>` root with the model, its pixel size, touch support, firmware and
 * the current view, holding nested `<Widget>` elements (format documented in README.md).
 */
export function renderUiXml(screen: Screen, owner: ScreenOwner): string {
  const { model, touch, firmware } = owner;
  const body = screen.root.map((element) => widget(element, 1)).join('\n');
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<Screen model="${model}" width="${screen.width}" height="${screen.height}" touch="${touch}" ` +
    `view="${screen.view}" firmware="${firmware}">\n${body}\n</Screen>\n`
  );
}
