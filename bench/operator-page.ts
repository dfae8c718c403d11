/**
 * Measurement 10 in the browser: what is read off the operator view through its DOM (each
 * phone's tile is `[data-phone-id]` with a `data-state`; `operator-count` says "Showing N of M
 * phones"; the grid keeps only the rows in sight in the DOM), frames timed with
 * requestAnimationFrame, and the JS heap through the DevTools protocol. The functions handed to
 * `evaluate` run in the page and so use nothing from this module.
 */
import type { CDPSession, JSHandle, Page } from 'playwright-core';

import { since, sleep } from './figures';

const TILE = '[data-phone-id]';
const COUNT = '[data-testid="operator-count"]';
/** A tile in either of these states has not shown its phone yet. */
const NOT_SHOWN = ['connecting', 'offline'];
/** Rings not seen within this long count as missed. */
const RING_TIMEOUT_MS = 10_000;

/**
 * tsx compiles the bench with esbuild's keepNames, which wraps named functions in a `__name`
 * helper that exists only in Node; the page gets an identity stand-in before any script runs.
 */
export async function preparePage(page: Page): Promise<void> {
  await page.addInitScript('globalThis.__name = (target) => target;');
}

/** Opens a view from the main navigation ("Calls", "Operator") and waits until it is current. */
export async function showView(page: Page, name: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name, exact: true })
    .click();
  await page.locator('[aria-current="page"]', { hasText: name }).waitFor();
}

/** "Showing 48 of 1,000 phones" → 1000 (null before the view says it). */
async function phonesListed(page: Page): Promise<number | null> {
  const text = (await page.locator(COUNT).textContent()) ?? '';
  const match = /of\s+([\d,.\s]+?)\s+phones?/i.exec(text);
  return match?.[1] === undefined ? null : Number(match[1].replace(/\D/g, ''));
}

/**
 * Scrolls the grid from top to bottom once (back to the top at the end) and returns the ids of
 * the tiles that showed their phone's state on the way.
 */
function sweepTiles(page: Page): Promise<string[]> {
  return page.evaluate(
    async ({ tile, notShown }) => {
      const shown = new Set<string>();
      const frames = async (count: number) => {
        for (let i = 0; i < count; i += 1) {
          await new Promise((resolve) => requestAnimationFrame(resolve));
        }
      };
      const read = () => {
        for (const element of document.querySelectorAll(tile)) {
          const state = element.getAttribute('data-state') ?? 'connecting';
          const id = element.getAttribute('data-phone-id');
          if (id !== null && !notShown.includes(state)) shown.add(id);
        }
      };
      // The grid's scroller: the nearest ancestor of a tile that scrolls, else the page.
      let box = document.querySelector(tile)?.parentElement ?? null;
      while (
        box !== null &&
        !(
          box.scrollHeight > box.clientHeight + 1 &&
          /auto|scroll/.test(getComputedStyle(box).overflowY)
        )
      ) {
        box = box.parentElement;
      }
      const scroller = box ?? document.scrollingElement ?? document.documentElement;
      scroller.scrollTop = 0;
      await frames(3);
      read();
      for (;;) {
        const before = scroller.scrollTop;
        scroller.scrollTop = before + Math.max(1, Math.floor(scroller.clientHeight * 0.8));
        if (scroller.scrollTop === before) break;
        await frames(3);
        read();
      }
      scroller.scrollTop = 0;
      await frames(3);
      return [...shown];
    },
    { tile: TILE, notShown: NOT_SHOWN },
  );
}

/**
 * Sweeps the grid again and again until every one of the view's phones has shown its state
 * (or `timeoutMs` passed); returns how many did.
 */
export async function waitAllShown(page: Page, timeoutMs: number): Promise<number> {
  const start = performance.now();
  const shown = new Set<string>();
  while (since(start) < timeoutMs) {
    for (const id of await sweepTiles(page)) shown.add(id);
    const total = await phonesListed(page);
    if (total !== null && total > 0 && shown.size >= total) break;
    await sleep(200);
  }
  return shown.size;
}

/** The ids of the tiles in sight now (the middle of the tile is what the window shows there). */
export function visibleTiles(page: Page): Promise<string[]> {
  return page.evaluate((tile) => {
    return [...document.querySelectorAll(tile)]
      .filter((element) => {
        const box = element.getBoundingClientRect();
        const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        return hit !== null && element.contains(hit);
      })
      .map((element) => element.getAttribute('data-phone-id') ?? '')
      .filter((id) => id !== '');
  }, TILE);
}

/** Where a ring shows: its phone's tile in the operator view, or the banner of every other view. */
export type RingSign = 'tile' | 'banner';

/**
 * Starts watching, before the ring, for phone `phoneId`'s tile to turn `ringing` or for
 * `caller` to appear in the incoming-call banner; settles with true once seen, false after
 * the timeout.
 */
export function watchRing(
  page: Page,
  sign: RingSign,
  phoneId: string,
  caller: string,
): Promise<JSHandle<{ seen: Promise<boolean> }>> {
  return page.evaluateHandle(
    ({ tileSelector, sign, caller, timeoutMs }) => {
      const test = () =>
        sign === 'tile'
          ? document.querySelector(tileSelector)?.getAttribute('data-state') === 'ringing'
          : (document
              .querySelector('[aria-label="Incoming calls"]')
              ?.textContent?.includes(caller) ?? false);
      const seen = new Promise<boolean>((resolve) => {
        if (test()) {
          resolve(true);
          return;
        }
        const observer = new MutationObserver(() => {
          if (!test()) return;
          observer.disconnect();
          clearTimeout(timer);
          resolve(true);
        });
        const timer = setTimeout(() => {
          observer.disconnect();
          resolve(false);
        }, timeoutMs);
        observer.observe(document.body, {
          subtree: true,
          childList: true,
          characterData: true,
          attributes: true,
          attributeFilter: ['data-state'],
        });
      });
      // Wrapped, so evaluateHandle hands back the watch at once instead of waiting for it.
      return { seen };
    },
    {
      tileSelector: `${TILE}[data-phone-id="${phoneId}"]`,
      sign,
      caller,
      timeoutMs: RING_TIMEOUT_MS,
    },
  );
}

/**
 * Milliseconds from `start` (this process's clock) until the page reported the watch: the page
 * answers the moment its observer fires, so both ends are read on one clock. NaN when not seen.
 */
export async function ringDelay(
  watch: JSHandle<{ seen: Promise<boolean> }>,
  start: number,
): Promise<number> {
  const seen = await watch.evaluate((w) => w.seen);
  const delay = seen ? since(start) : Number.NaN;
  await watch.dispose();
  return delay;
}

/** Frame times over `ms`: the gaps between successive requestAnimationFrame callbacks. */
export function frameTimes(page: Page, ms: number): Promise<number[]> {
  return page.evaluate(
    (duration) =>
      new Promise<number[]>((resolve) => {
        const gaps: number[] = [];
        const end = performance.now() + duration;
        let last = Number.NaN;
        const tick = (now: number) => {
          if (!Number.isNaN(last)) gaps.push(now - last);
          last = now;
          if (now < end) requestAnimationFrame(tick);
          else resolve(gaps);
        };
        requestAnimationFrame(tick);
      }),
    ms,
  );
}

/** The renderer's used JS heap in MiB, after a full collection when `collect`. */
export async function jsHeapMiB(cdp: CDPSession, collect: boolean): Promise<number> {
  if (collect) await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const used = metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
  return used / 2 ** 20;
}
