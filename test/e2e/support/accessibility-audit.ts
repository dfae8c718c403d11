import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AxeResults, ImpactValue, Result, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** axe-core from node_modules (a development dependency: it never enters the app's bundle). */
const AXE_SOURCE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
/**
 * Where the page fetches axe from. The UI's Content-Security-Policy allows only its own origin's
 * scripts, so axe is served on that origin by playwright's router instead of being inlined, and
 * the audit runs under the same policy as the app.
 */
const AXE_PATH_ON_HOST = '/__e2e__/axe-core.min.js';

/** Impacts that fail a test: barriers some people cannot get past. */
const BLOCKING: ReadonlySet<ImpactValue> = new Set(['serious', 'critical']);

/** One rule broken on a page, with the elements that break it. */
export interface AuditFinding {
  rule: string;
  impact: ImpactValue;
  help: string;
  /** CSS selectors of the offending elements, with axe's reason for each. */
  elements: { target: string; why: string }[];
}

/** What axe found on one page state, split by whether it fails the test. */
export interface AuditReport {
  /** The page state audited, e.g. "Calls, a call connected, dark". */
  state: string;
  /** Serious and critical findings: any one fails the test. */
  blocking: AuditFinding[];
  /** Moderate and minor findings, listed in the test output. */
  advisory: AuditFinding[];
  /** How many rules axe checked with at least one matching element and no violation. */
  passedRules: number;
}

const routed = new WeakSet<Page>();
let axeSource: Promise<Buffer> | null = null;

/** Puts axe-core into the page once per document, from node_modules, with no network. */
async function injectAxe(page: Page): Promise<void> {
  if (await page.evaluate(() => 'axe' in window)) return;
  if (!routed.has(page)) {
    axeSource ??= readFile(AXE_SOURCE_PATH);
    const source = axeSource;
    await page.route(`**${AXE_PATH_ON_HOST}`, async (route) =>
      route.fulfill({ body: await source, contentType: 'text/javascript' }),
    );
    routed.add(page);
  }
  await page.addScriptTag({ url: new URL(AXE_PATH_ON_HOST, page.url()).href });
}

function toFinding(result: Result): AuditFinding {
  return {
    rule: result.id,
    impact: result.impact ?? 'minor',
    help: result.help,
    elements: result.nodes.map((node) => ({
      target: node.target.map(String).join(' '),
      why: node.failureSummary?.replace(/\s+/g, ' ').trim() ?? '',
    })),
  };
}

/**
 * Runs axe-core (its WCAG 2.0–2.2 A and AA rules, target size included, and its best practices)
 * on the page as it is now, after the fonts have loaded and transitions have settled.
 */
export async function auditPage(page: Page, state: string): Promise<AuditReport> {
  await injectAxe(page);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  // A theme switch fades colours for a moment; contrast is measured once they have arrived.
  await page.waitForFunction(
    () =>
      !document
        .getAnimations()
        .some(
          (animation) => animation instanceof CSSTransition && animation.playState === 'running',
        ),
  );
  const options: RunOptions = {
    // axe's own rule set, plus WCAG 2.2's minimum target size, which axe leaves off by default.
    rules: { 'target-size': { enabled: true } },
    resultTypes: ['violations'],
  };
  const results = await page.evaluate(async (runOptions) => {
    const { axe } = window as Window & { axe?: { run(o: RunOptions): Promise<AxeResults> } };
    if (!axe) throw new Error('axe-core did not load into the page');
    return axe.run(runOptions);
  }, options);
  const findings = results.violations.map(toFinding);
  return {
    state,
    blocking: findings.filter((finding) => BLOCKING.has(finding.impact)),
    advisory: findings.filter((finding) => !BLOCKING.has(finding.impact)),
    passedRules: results.passes.length,
  };
}

/** A finding as lines a person can act on: rule, impact, what to do, and where. */
export function describeFindings(findings: readonly AuditFinding[]): string {
  return findings
    .map((finding) =>
      [
        `${finding.impact} ${finding.rule}: ${finding.help} (${finding.elements.length}×)`,
        ...finding.elements.map((element) => `    ${element.target} — ${element.why}`),
      ].join('\n'),
    )
    .join('\n');
}

/**
 * Audits the page as it is now in the light and in the dark theme (the system's preference, which
 * the window follows): fails on any serious or critical finding, and prints the moderate and
 * minor ones so they stay in view.
 */
export async function expectAccessible(page: Page, state: string): Promise<void> {
  try {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const report = await auditPage(page, `${state} (${scheme})`);
      if (report.advisory.length > 0)
        console.log(`Accessibility, ${report.state}:\n${describeFindings(report.advisory)}`);
      expect(report.blocking, `${report.state}:\n${describeFindings(report.blocking)}`).toEqual([]);
    }
  } finally {
    await page.emulateMedia({ colorScheme: 'light' });
  }
}
