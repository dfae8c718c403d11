/**
 * What an LCD expansion module shows: a title bar and one page of line keys in two columns of
 * 14. A module has 28 keys a page and three pages (84 lines: the vendor's EM addendum counts
 * "VVX 600 + 3 LCD EMs = 16 + 252"); its keys continue the phone's own, and hold no
 * registration in the simulator (a key beyond the phone's is unassigned). The panel is drawn
 * 272×480, portrait, as the datasheet's 4.3-inch colour module (its capture size is unrecorded).
 */
import type { SimulatedPhone } from '../phone/phone';
import type { Screen, UiElement } from './screen-types';

export const MODULE_WIDTH = 272;
export const MODULE_HEIGHT = 480;
const KEYS_PER_COLUMN = 14;
const KEYS_PER_PAGE = 2 * KEYS_PER_COLUMN;
const PAGES = 3;
const TITLE_HEIGHT = 24;

/** Module `index` (1-based) of the phone, first page. */
export function buildModuleScreen(
  phone: SimulatedPhone,
  index: number,
): Pick<Screen, 'width' | 'height' | 'root'> {
  const first = phone.model.lineKeys + (index - 1) * KEYS_PER_PAGE * PAGES + 1;
  const keyHeight = Math.floor((MODULE_HEIGHT - TITLE_HEIGHT) / KEYS_PER_COLUMN);
  const keyWidth = MODULE_WIDTH / 2;
  const keys: UiElement[] = Array.from({ length: KEYS_PER_PAGE }, (_, slot) => {
    const column = Math.floor(slot / KEYS_PER_COLUMN);
    return {
      cls: 'LineKey',
      name: `moduleKey${first + slot}`,
      text: String(first + slot),
      x: column * keyWidth,
      y: TITLE_HEIGHT + (slot % KEYS_PER_COLUMN) * keyHeight,
      width: keyWidth,
      height: keyHeight,
      enabled: false,
      action: { kind: 'lineKey', line: first + slot },
    };
  });
  const title: UiElement = {
    cls: 'StatusBar',
    name: 'moduleTitle',
    text: `EM ${index} page 1 of ${PAGES}`,
    x: 0,
    y: 0,
    width: MODULE_WIDTH,
    height: TITLE_HEIGHT,
  };
  return { width: MODULE_WIDTH, height: MODULE_HEIGHT, root: [title, ...keys] };
}
