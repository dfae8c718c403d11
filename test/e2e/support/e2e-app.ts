import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import {
  startBrowserHost,
  type BrowserHost,
  type BrowserHostOptions,
} from '../../../src/main/browser-host/browser-host';
import { createCore, type Core } from '../../../src/main/core/create-core';
import {
  startSimulator,
  type SimulatedPhoneInfo,
  type Simulator,
  type SimulatorOptions,
} from '../../../src/simulator';
import type { PhoneInfo } from '../../../src/shared/domain';
import { ensureUiBuilt, UI_DIR } from '../../../scripts/dev-build';
import { simControl, type SimControl } from './sim-control';

/** Debian's Chromium; playwright-core drives it over CDP. */
export const CHROMIUM_PATH = process.env.DESKPILOT_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface E2eOptions {
  /** Add the simulated phone to the core before the page opens (default true). */
  addPhone?: boolean;
  /** The demo phone: off (default), on, or 'first-run' to let the core decide as for a new user. */
  demo?: boolean | 'first-run';
  simulator?: SimulatorOptions;
  colorScheme?: 'light' | 'dark';
  /**
   * Adds every simulated phone straight to the core (no connection test: the simulator is
   * known), named and grouped by `name(index)` and `group(index)`; in place of `addPhone`.
   */
  fleet?: { name: (index: number) => string; group: (index: number) => string | null };
  /** Lifetimes of the browser host's sign-in links and sessions. */
  sessionTimes?: BrowserHostOptions['sessionTimes'];
}

export interface E2eApp {
  page: Page;
  browser: Browser;
  core: Core;
  host: BrowserHost;
  sim: Simulator;
  /** The simulated phone (the first of the simulator). */
  simPhone: SimulatedPhoneInfo;
  control: SimControl;
  /** The phone as the core configured it, when `addPhone` was set. */
  phone: PhoneInfo | null;
  dataDir: string;
  /** Reloads the page (same session cookie). */
  reload(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The real thing, end to end: a simulator on an ephemeral port, the real core over a temporary
 * data dir, the real browser host serving the built renderer, and Chromium on its URL.
 */
export async function startE2eApp(options: E2eOptions = {}): Promise<E2eApp> {
  await ensureUiBuilt();
  const dataDir = await mkdtemp(join(tmpdir(), 'deskpilot-e2e-'));
  const sim = await startSimulator({ farEndAnswerMs: 600, ...options.simulator });
  const simPhone = sim.phones[0];
  if (!simPhone) throw new Error('the simulator started no phone');
  const demo = options.demo ?? false;
  const core = await createCore({
    dataDir,
    ...(demo === 'first-run' ? {} : { demo }),
    log: () => undefined,
    // Any free port: test files run side by side, each with its own event receiver.
    push: { port: 0 },
  });
  let phone: PhoneInfo | null = null;
  if (options.fleet) {
    const { name, group } = options.fleet;
    for (const [index, simulated] of sim.phones.entries()) {
      await core.phones.add({
        name: name(index),
        url: simulated.url,
        username: simulated.username,
        password: simulated.adminPassword,
        pinnedFingerprint: simulated.fingerprint,
        group: group(index),
      });
    }
  } else if (options.addPhone ?? true) {
    phone = await core.handlers['phones.add']({
      name: 'Desk phone',
      url: simPhone.url,
      username: simPhone.username,
      password: simPhone.adminPassword,
    });
    // Poll quickly so the UI follows the phone within a fraction of a second.
    phone = await core.handlers['phones.update']({
      phoneId: phone.id,
      pollIntervalIdleMs: 1000,
      pollIntervalActiveMs: 250,
    });
  }
  const host = await startBrowserHost({
    core,
    rendererDir: UI_DIR,
    log: () => undefined,
    ...(options.sessionTimes === undefined ? {} : { sessionTimes: options.sessionTimes }),
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const context = await browser.newContext({
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: 1280, height: 800 },
  });
  const page = await context.newPage();
  // Generous for a loaded CI machine; every wait is for a condition, never a fixed time.
  page.setDefaultTimeout(15_000);
  await page.goto(host.signInUrl());

  return {
    page,
    browser,
    core,
    host,
    sim,
    simPhone,
    control: simControl(simPhone, sim.controlToken),
    phone,
    dataDir,
    async reload() {
      await page.reload();
    },
    async close() {
      await browser.close();
      await host.close();
      await core.close();
      await sim.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
