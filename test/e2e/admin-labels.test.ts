import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startE2eApp, type E2eApp } from './support/e2e-app';

let app: E2eApp;

/** The words of an element's text that the layout breaks over two lines (none, when it reads well). */
async function brokenWords(element: Locator): Promise<string[]> {
  return element.evaluate((node) => {
    const broken: string[] = [];
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      const content = text.textContent ?? '';
      for (const match of content.matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(text, match.index);
        range.setEnd(text, match.index + match[0].length);
        const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
        if (lines.size > 1) broken.push(match[0]);
      }
    }
    return broken;
  });
}

beforeAll(async () => {
  app = await startE2eApp();
  await app.page.getByRole('navigation', { name: 'Main' }).waitFor({ timeout: 30_000 });
  await app.page.getByRole('button', { name: 'Admin', exact: true }).click();
  await app.page.getByRole('region', { name: 'Network', exact: true }).waitFor();
});
afterAll(async () => app?.close());

describe('admin pages read like a person wrote them', () => {
  it('labels firmware keys in words, with the raw key on hover', async () => {
    const device = app.page.getByRole('region', { name: 'Device', exact: true });
    expect(await device.locator('dt[title="MACAddress"]').textContent()).toBe('MAC address');
    expect(await device.locator('dt[title="ModelNumber"]').textContent()).toBe('Model');
    const network = app.page.getByRole('region', { name: 'Network', exact: true });
    expect(await network.locator('dt[title="SubnetMask"]').textContent()).toBe('Subnet mask');
    const labels = await app.page.locator('.key-values dt').allTextContents();
    expect(labels.filter((label) => /[a-z][A-Z]/.test(label))).toEqual([]);
  });

  it('keeps values and labels whole, word by word, in a narrow window', async () => {
    await app.page.setViewportSize({ width: 420, height: 700 });
    try {
      for (const group of ['Device', 'Network', 'Network statistics']) {
        const region = app.page.getByRole('region', { name: group, exact: true });
        for (const item of await region.locator('.key-values > div').all()) {
          expect(await brokenWords(item.locator('dt'))).toEqual([]);
          expect(await brokenWords(item.locator('dd'))).toEqual([]);
        }
      }
    } finally {
      await app.page.setViewportSize({ width: 1280, height: 800 });
    }
  });

  it('lines buttons up with the inputs beside them', async () => {
    await app.page.getByRole('tab', { name: 'Configuration' }).click();
    const input = app.page.getByLabel('Upload to URL');
    const button = app.page.getByRole('button', { name: 'Export', exact: true });
    const [field, action] = await Promise.all([input.boundingBox(), button.boundingBox()]);
    if (!field || !action) throw new Error('the export row is not laid out');
    expect(Math.abs(field.y + field.height - (action.y + action.height))).toBeLessThanOrEqual(1);
    expect(Math.abs(field.height - action.height)).toBeLessThanOrEqual(2);
  });
});
