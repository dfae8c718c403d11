import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditPage } from './support/accessibility-audit';
import { startE2eApp, type E2eApp } from './support/e2e-app';

// The system's accessibility settings (reduced motion, forced colours) and where the keyboard
// focus is, checked in Chromium through the media features the operating system sets.
let app: E2eApp;

const VIEWS = [
  'Calls',
  'Contacts',
  'History',
  'Phones',
  'Settings',
  'Remote screen',
  'Admin',
  'Operator',
] as const;
type ViewName = (typeof VIEWS)[number];

/** What the view shows once it is ready, so its controls are all there to be tabbed through. */
const READY: Record<ViewName, (page: Page) => Promise<void>> = {
  Calls: (page) => page.getByRole('textbox', { name: 'Number to dial' }).waitFor(),
  Contacts: (page) => page.getByRole('searchbox', { name: 'Search contacts' }).waitFor(),
  History: (page) =>
    page
      .getByRole('button', { name: /^Call back/ })
      .first()
      .waitFor(),
  Phones: (page) => page.getByRole('article', { name: 'Desk phone' }).waitFor(),
  Settings: (page) => page.getByRole('table').waitFor(),
  'Remote screen': (page) => page.getByRole('button', { name: 'Turn on screen capture' }).waitFor(),
  Admin: (page) => page.getByRole('region', { name: 'Network', exact: true }).waitFor(),
  Operator: (page) => page.locator('[data-phone-id]').first().waitFor(),
};

async function show(view: ViewName): Promise<void> {
  await app.page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: view, exact: true })
    .click();
  await READY[view](app.page);
}

const banner = () => app.page.getByRole('region', { name: 'Incoming calls' });

/** Rings the phone and waits for the banner; resolves with the call's handle. */
async function ringIn(): Promise<string> {
  const handle = await app.control.ring('5550123', 'Katherine Johnson');
  await banner().getByRole('button', { name: 'Answer' }).waitFor();
  return handle;
}

async function hangUp(handle: string): Promise<void> {
  await app.control.remote(handle, 'hangup');
  await banner().waitFor({ state: 'detached' });
}

/** A focused control and how its focus shows. */
interface FocusStop {
  control: string;
  /** Outline style and width, e.g. "solid 3px". */
  ring: string;
  /** Contrast of the ring against what surrounds it. */
  ringContrast: number;
  /** Whether some of the control is on screen and not covered by anything else. */
  uncovered: boolean;
}

/**
 * Tabs through the page from its start, once around, and reports every focus stop: the ring's
 * style, its contrast with the background around it (WCAG asks 3:1 of non-text contrast), and
 * whether the control is hidden under something else (WCAG 2.2's focus not obscured).
 */
async function focusStops(page: Page, limit = 160): Promise<FocusStop[]> {
  await page.evaluate(() => {
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
    window.scrollTo(0, 0);
  });
  const stops: FocusStop[] = [];
  const seen = new Set<string>();
  for (let press = 0; press < limit; press++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate((index) => {
      const control = document.activeElement;
      if (!(control instanceof HTMLElement) || control === document.body) return null;
      control.dataset.focusStop ??= String(index);
      const rgba = (colour: string): number[] => {
        const [r = 0, g = 0, b = 0, a = 1] = (colour.match(/[\d.]+/g) ?? []).map(Number);
        return [r, g, b, a];
      };
      const over = (top: number[], under: number[]): number[] => {
        const alpha = top[3] ?? 1;
        return [0, 1, 2].map((i) => (top[i] ?? 0) * alpha + (under[i] ?? 0) * (1 - alpha));
      };
      const luminance = (rgb: number[]): number => {
        const [r = 0, g = 0, b = 0] = rgb.map((value) => {
          const c = value / 255;
          return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      // The ring is drawn outside the control, over its parents' background.
      let behind = [255, 255, 255, 1];
      const layers: number[][] = [];
      for (let node = control.parentElement; node; node = node.parentElement) {
        const layer = rgba(getComputedStyle(node).backgroundColor);
        if ((layer[3] ?? 0) > 0) layers.push(layer);
        if ((layer[3] ?? 0) >= 1) break;
      }
      for (const layer of layers.reverse()) behind = [...over(layer, behind), 1];
      const style = getComputedStyle(control);
      const ring = over(rgba(style.outlineColor), behind);
      const [light, dark] = [luminance(ring), luminance(behind)].sort((a, b) => b - a);
      const box = control.getBoundingClientRect();
      const points = [
        [box.left + box.width / 2, box.top + box.height / 2],
        [box.left + 1, box.top + 1],
        [box.right - 1, box.top + 1],
        [box.left + 1, box.bottom - 1],
        [box.right - 1, box.bottom - 1],
      ];
      const uncovered = points.some(([x = 0, y = 0]) => {
        const hit = document.elementFromPoint(x, y);
        return hit !== null && (hit === control || control.contains(hit));
      });
      const name =
        control.getAttribute('aria-label') ??
        control.textContent?.trim().slice(0, 40) ??
        control.tagName;
      return {
        key: control.dataset.focusStop,
        stop: {
          control: `${control.tagName.toLowerCase()} "${name}"`,
          ring:
            style.outlineStyle === 'none' ? 'none' : `${style.outlineStyle} ${style.outlineWidth}`,
          ringContrast: Math.round((((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05)) * 100) / 100,
          uncovered,
        },
      };
    }, press);
    if (!stop) continue;
    if (seen.has(stop.key)) break;
    seen.add(stop.key);
    stops.push(stop.stop);
  }
  await page.evaluate(() =>
    document.querySelectorAll<HTMLElement>('[data-focus-stop]').forEach((element) => {
      delete element.dataset.focusStop;
    }),
  );
  return stops;
}

/** The stops whose focus people could miss: no ring, a faint ring, or a covered control. */
function unseenFocus(stops: FocusStop[]): FocusStop[] {
  return stops.filter(
    (stop) => !/^solid ([2-9]|\d\d)/.test(stop.ring) || stop.ringContrast < 3 || !stop.uncovered,
  );
}

beforeAll(async () => {
  app = await startE2eApp();
  await app.page.getByRole('navigation', { name: 'Main' }).waitFor({ timeout: 30_000 });
  // Some history, so the History view has entries to tab through.
  await hangUp(await ringIn());
});
afterAll(async () => app?.close());

describe('keyboard focus', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`shows a clear, uncovered ring on every control of every view (${scheme})`, async () => {
      const { page } = app;
      await page.emulateMedia({ colorScheme: scheme });
      try {
        for (const view of VIEWS) {
          await show(view);
          const stops = await focusStops(page);
          expect(stops.length, `${view} has controls to reach`).toBeGreaterThan(5);
          expect({ view, unseen: unseenFocus(stops) }).toEqual({ view, unseen: [] });
        }
      } finally {
        await page.emulateMedia({ colorScheme: 'light' });
      }
    });
  }
});

describe('reduced motion', () => {
  it('pulses the Answer button of a ringing call and fades hovers, unless the system asks for less motion', async () => {
    const { page } = app;
    await show('Calls');
    const moving = () =>
      page.evaluate(() =>
        document
          .getAnimations()
          .map((animation) =>
            animation instanceof CSSAnimation ? animation.animationName : 'a transition',
          ),
      );
    const handle = await ringIn();
    try {
      expect(await moving()).toContain('ring-pulse');
      const answer = banner().getByRole('button', { name: 'Answer' });
      expect(
        await answer.evaluate((button) => getComputedStyle(button).transitionDuration),
      ).not.toBe('0s');

      await page.emulateMedia({ reducedMotion: 'reduce' });
      expect(await moving()).toEqual([]);
      // Nothing anywhere is set to move, including motion a future style may add.
      const stillMoving = await page.evaluate(() => {
        const probe = document.createElement('div');
        probe.style.animation = 'ring-pulse 1s infinite';
        probe.style.transition = 'opacity 1s';
        document.body.append(probe);
        try {
          return Array.from(document.querySelectorAll('*'))
            .filter((element) => {
              const style = getComputedStyle(element);
              return style.animationName !== 'none' || style.transitionDuration !== '0s';
            })
            .map(
              (element) =>
                element.tagName.toLowerCase() + (element.className ? `.${element.className}` : ''),
            );
        } finally {
          probe.remove();
        }
      });
      expect(stillMoving).toEqual([]);
      await answer.hover();
      expect(await moving()).toEqual([]);
    } finally {
      await page.emulateMedia({ reducedMotion: 'no-preference' });
      await hangUp(handle);
    }
  });
});

describe('reduced motion in the operator view', () => {
  it('pulses a ringing tile, which keeps saying "Ringing", and stills it when asked', async () => {
    const { page } = app;
    await show('Operator');
    // The style, not the running animations: the three pulses may be over on a slow machine.
    const tileMotion = () =>
      page
        .locator('[data-state="ringing"]')
        .evaluate((tile) => getComputedStyle(tile).animationName);
    const handle = await app.control.ring('5550124', 'Dorothy Vaughan');
    try {
      const tile = page.locator('[data-state="ringing"]');
      await tile.getByText('Ringing', { exact: true }).waitFor();
      expect(await tileMotion()).toBe('ring-pulse');
      await page.emulateMedia({ reducedMotion: 'reduce' });
      expect(await tileMotion()).toBe('none');
      expect(await tile.getByText('Ringing', { exact: true }).isVisible()).toBe(true);
    } finally {
      await page.emulateMedia({ reducedMotion: 'no-preference' });
      await app.control.remote(handle, 'hangup');
      await page.locator('[data-state="ringing"]').waitFor({ state: 'detached' });
    }
  });
});

describe('forced colours', () => {
  /** Computed colours of the matched elements, as the forced palette resolves them. */
  const colours = (page: Page, selector: string) =>
    page.locator(selector).evaluateAll((elements) =>
      elements.map((element) => {
        const style = getComputedStyle(element);
        return {
          background: style.backgroundColor,
          text: style.color,
          border: `${style.borderTopStyle} ${style.borderTopColor}`,
        };
      }),
    );

  it('keeps buttons outlined, states visible without colour, and focus rings drawn', async () => {
    const { page } = app;
    await page.emulateMedia({ forcedColors: 'active' });
    try {
      await show('History');
      const canvas = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      // Every button keeps a border people can see against the page.
      const buttons = await colours(page, 'main button, nav button');
      expect(buttons.length).toBeGreaterThan(5);
      for (const button of buttons) {
        expect(button.border).toMatch(/^solid /);
        expect(button.border).not.toContain(canvas);
      }
      // The chosen filter and the current view stand out from the others without our colours.
      const [pressed] = await colours(page, '[aria-pressed="true"]');
      const [notPressed] = await colours(page, '[aria-pressed="false"]');
      expect(pressed?.background).not.toBe(notPressed?.background);
      const [current] = await colours(page, 'nav [aria-current="page"]');
      const [other] = await colours(page, 'nav button:not([aria-current])');
      expect(current?.background).not.toBe(other?.background);
      // The status dot is still drawn beside its words.
      const [dot] = await colours(page, '.app-header .status-dot');
      expect(dot?.background).not.toBe(canvas);
      expect(unseenFocus(await focusStops(page))).toEqual([]);

      await show('Admin');
      const [selectedTab] = await colours(page, '[role="tab"][aria-selected="true"]');
      const [otherTab] = await colours(page, '[role="tab"][aria-selected="false"]');
      expect(selectedTab?.background).not.toBe(otherTab?.background);

      await show('Remote screen');
      const keys = await colours(page, '.phone-element.kind-softkey');
      expect(keys.length).toBeGreaterThan(0);
      for (const key of keys) expect(key.border).not.toContain(canvas);
      expect(unseenFocus(await focusStops(page))).toEqual([]);
    } finally {
      await page.emulateMedia({ forcedColors: 'none' });
    }
  });

  it('passes the audit in forced colours with a call ringing in', async () => {
    const { page } = app;
    await page.emulateMedia({ forcedColors: 'active' });
    await show('Calls');
    const handle = await ringIn();
    try {
      const report = await auditPage(page, 'Calls in forced colours, a call ringing in');
      expect(report.blocking).toEqual([]);
    } finally {
      await page.emulateMedia({ forcedColors: 'none' });
      await hangUp(handle);
    }
  });
});
