/**
 * Measurement 8 (bench/README.md): a ring on the phone to its caller's name in the incoming-call
 * banner of the real UI — the core, the browser host and Debian's Chromium (playwright-core) —
 * for a phone the app polls and one whose events are on, 150 ms phones, default intervals.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { chromium } from 'playwright-core';

import { ensureUiBuilt, UI_DIR } from '../scripts/dev-build';
import { startBrowserHost } from '../src/main/browser-host/browser-host';
import { createCore } from '../src/main/core/create-core';
import { phoneControl, type Simulator } from '../src/simulator';
import { fixed, percentile, since, sleep, verdict, type PairRow } from './figures';

const RINGS = 10;
const CHROMIUM = process.env.DESKPILOT_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Ring → banner p50/p95 for phone 0 (polled) and phone 1 (events on) of `simulator`, which
 * measurement 7 used (its sessions are gone; this core adds the phones afresh).
 */
export async function measureBannerLatency(
  simulator: Simulator,
  roundTripMs: number,
): Promise<PairRow> {
  await ensureUiBuilt();
  const dataDir = await mkdtemp(join(tmpdir(), 'deskpilot-bench-ui-'));
  const core = await createCore({ dataDir, demo: false, log: () => undefined, push: { port: 0 } });
  const host = await startBrowserHost({ core, rendererDir: UI_DIR, log: () => undefined });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  try {
    const ids: string[] = [];
    for (const [index, phone] of simulator.phones.slice(0, 2).entries()) {
      const info = await core.handlers['phones.add']({
        name: `Phone ${index + 1}`,
        url: phone.url,
        username: phone.username,
        password: phone.adminPassword,
        ...(phone.fingerprint === null ? {} : { acceptFingerprint: phone.fingerprint }),
      });
      ids.push(info.id);
    }
    const pushId = ids[1] ?? '';
    await core.handlers['push.enable']({ phoneId: pushId });
    const page = await (await browser.newContext()).newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(host.signInUrl());
    await page.getByRole('textbox', { name: 'Number to dial' }).waitFor();
    const banner = page.getByRole('region', { name: 'Incoming calls' });
    const timings: [number[], number[]] = [[], []];
    for (let ring = 0; ring < RINGS * 2; ring += 1) {
      const which = ring % 2;
      const phone = simulator.phones[which];
      if (phone === undefined) throw new Error('need two phones');
      const control = phoneControl(phone, simulator.controlToken);
      await sleep(500 + Math.random() * 3000);
      const caller = `Caller ${which === 0 ? 'polled' : 'pushed'} ${ring}`;
      const start = performance.now();
      const handle = await control.ring(`55503${ring}`, caller);
      await banner.getByText(caller).waitFor();
      (which === 0 ? timings[0] : timings[1]).push(since(start));
      await control.remote(handle, 'hangup');
      await banner.waitFor({ state: 'detached' });
    }
    const text = (values: number[]) =>
      `${fixed(percentile(values, 0.5), 0)} / ${fixed(percentile(values, 0.95), 0)} ms`;
    const target = roundTripMs + 50;
    return {
      measurement: `8. ring -> caller in the UI's banner, p50 / p95 (core + browser host + Chromium, ${RINGS} rings)`,
      poll: text(timings[0]),
      push: text(timings[1]),
      target: `p95 <= ${fixed(target, 0)} ms (1 round trip + 50)`,
      verdict: verdict(percentile(timings[1], 0.95) <= target),
    };
  } finally {
    await browser.close();
    await host.close();
    await core.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
