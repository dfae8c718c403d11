import { asFields, text } from './input';
import { ok, status, type Route, type RouteContext, type RouteResult } from './route-types';
import type { SimulatedPhone } from '../phone/phone';
import { swipe, tapAt } from '../screen/screen-actions';
import { inputText, isKeyName, pressKey } from '../screen/screen-keys';
import { buildScreen } from '../screen/screen-model';
import { renderUiXml } from '../screen/screen-xml';

const TOUCH_TYPES = ['Tap', 'Press', 'Release', 'Swipe'] as const;
type TouchType = (typeof TOUCH_TYPES)[number];

/** Touch and key simulation need the test-automation switch, as on the phone. */
function automationOff(phone: SimulatedPhone): boolean {
  return !phone.config.enabled('httpd.ta.enabled');
}

function coordinate(value: unknown, max: number): number | null {
  const raw = typeof value === 'number' ? String(value) : value;
  if (typeof raw !== 'string' || !/^\d+$/.test(raw.trim())) return null;
  const n = Number(raw);
  return n < max ? n : null;
}

/** Optional whole-number field: absent is fine, present must be within bounds. */
function optionalWithin(fields: Record<string, unknown>, name: string, max: number): boolean {
  if (fields[name] === undefined) return true;
  const value = text(fields, name);
  return value !== undefined && /^\d+$/.test(value) && Number(value) <= max;
}

function simulateTouch(ctx: RouteContext): RouteResult {
  const { phone, now } = ctx;
  if (!phone.model.touch) return status(4004);
  if (automationOff(phone)) return status(4003);
  const fields = asFields(ctx.data);
  const type = TOUCH_TYPES.find((t): t is TouchType => t === text(fields, 'Type'));
  const raw = fields?.Positions;
  if (!fields || !type || !Array.isArray(raw)) return status(4000);
  if (!optionalWithin(fields, 'Duration', 60_000) || !optionalWithin(fields, 'Easing', 40))
    return status(4000);
  const wanted = type === 'Swipe' ? { min: 2, max: 5 } : { min: 1, max: 1 };
  if (raw.length > wanted.max) return status(4009);
  if (raw.length < wanted.min) return status(4000);
  const points: { x: number; y: number }[] = [];
  for (const item of raw) {
    const position = asFields(item);
    const x = coordinate(position?.X, phone.model.screenWidth);
    const y = coordinate(position?.Y, phone.model.screenHeight);
    if (x === null || y === null) return status(4000);
    points.push({ x, y });
  }
  const [point] = points;
  if (!point) return status(4000);
  switch (type) {
    case 'Tap':
      tapAt(phone, point.x, point.y, now);
      break;
    case 'Press':
      phone.screen.pressedAt = point;
      break;
    case 'Release': {
      const pressed = phone.screen.pressedAt;
      phone.screen.pressedAt = null;
      // A release far from its press is a drag off the element: nothing is activated.
      if (pressed && Math.abs(pressed.x - point.x) <= 8 && Math.abs(pressed.y - point.y) <= 8) {
        tapAt(phone, point.x, point.y, now);
      }
      break;
    }
    case 'Swipe':
      swipe(phone, points);
      break;
  }
  return ok();
}

function simulateKeyEvent(ctx: RouteContext): RouteResult {
  if (automationOff(ctx.phone)) return status(4003);
  const fields = asFields(ctx.data);
  const type = text(fields, 'Type') ?? 'Tap';
  const key = text(fields, 'KeyName') ?? '';
  if (!['Tap', 'Press', 'Release'].includes(type) || !isKeyName(key)) return status(4000);
  // A key acts once: on Tap, or on the Release that ends a Press.
  if (type !== 'Press') pressKey(ctx.phone, key, ctx.now);
  return ok();
}

function simulateTextInput(ctx: RouteContext): RouteResult {
  if (automationOff(ctx.phone)) return status(4003);
  const fields = asFields(ctx.data);
  const value = text(fields, 'Value');
  const replace = (text(fields, 'ReplaceText') ?? 'false').toLowerCase();
  if (
    value === undefined ||
    !/^[\x20-\x7e]{0,128}$/.test(value) ||
    !['true', 'false'].includes(replace)
  ) {
    return status(4000);
  }
  return inputText(ctx.phone, value, replace === 'true', ctx.now) ? ok() : status(4003);
}

/** The later firmware's screen endpoints: in its dialect, or with `laterFirmware` where optional. */
function laterScreenApi(phone: SimulatedPhone): boolean {
  const served = phone.dialect.laterScreenApi;
  return served === 'always' || (served === 'option' && phone.setup.laterFirmware);
}

/**
 * Screen endpoints: uixml and simulateTouch, plus with later firmware key and text input. (The
 * screen capture belongs to the web UI: http/web-ui.ts.)
 */
export const screenRoutes: Route[] = [
  {
    method: 'GET',
    path: '/api/v1/mgmt/uixml',
    access: 'admin',
    handle: ({ phone, now }) =>
      ok(
        renderUiXml(buildScreen(phone, now), {
          model: phone.model.id,
          touch: phone.model.touch,
          firmware: phone.firmware.release,
        }),
      ),
  },
  { method: 'POST', path: '/api/v1/mgmt/simulateTouch', access: 'admin', handle: simulateTouch },
  {
    method: 'POST',
    path: '/api/v1/mgmt/simulateKeyEvent',
    access: 'admin',
    served: laterScreenApi,
    handle: simulateKeyEvent,
  },
  {
    method: 'POST',
    path: '/api/v1/mgmt/simulateTextInput',
    access: 'admin',
    served: laterScreenApi,
    handle: simulateTextInput,
  },
];
