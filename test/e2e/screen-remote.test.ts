import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startE2eApp, type E2eApp } from './support/e2e-app';
import { waitUntil } from './support/wait';

let app: E2eApp;
let oddPhone: Server | null = null;

const canvas = () => app.page.getByTestId('phone-screen');
const drawn = (text: string) => canvas().locator(`.phone-element[data-text="${text}"]`);
const lineKey = (text: string) => canvas().locator(`.kind-linekey[data-text="${text}"]`);

/** Client coordinates of a phone pixel on the drawn screen, from its current box. */
async function clientPoint(x: number, y: number): Promise<{ x: number; y: number }> {
  const box = await canvas().boundingBox();
  const width = Number(await canvas().getAttribute('data-width'));
  const height = Number(await canvas().getAttribute('data-height'));
  if (!box) throw new Error('the remote screen is not drawn');
  return {
    x: box.x + ((x + 0.5) * box.width) / width,
    y: box.y + ((y + 0.5) * box.height) / height,
  };
}

async function swipe(from: [number, number], to: [number, number]) {
  await canvas().scrollIntoViewIfNeeded();
  const start = await clientPoint(...from);
  const end = await clientPoint(...to);
  await app.page.mouse.move(start.x, start.y);
  await app.page.mouse.down();
  await app.page.mouse.move(end.x, end.y, { steps: 12 });
  await app.page.mouse.up();
}

/**
 * A phone whose firmware describes its screen in a schema nobody documented: a real HTTP
 * proxy in front of the simulated phone that answers uixml with foreign XML.
 */
async function startOddPhone(target: URL): Promise<string> {
  const foreign =
    '<?xml version="1.0"?><ui><panel id="p"><item>Odd firmware</item><item>Menu</item>' +
    '<row><cell>Directories</cell><cell>Settings &amp; more</cell></row></panel>loose text</ui>';
  oddPhone = createServer((incoming, outgoing) => {
    if (incoming.url === '/api/v1/mgmt/uixml') {
      incoming.resume();
      outgoing.writeHead(200, { 'Content-Type': 'application/json' });
      outgoing.end(JSON.stringify({ Status: '2000', data: foreign }));
      return;
    }
    const forward = request(
      {
        host: target.hostname,
        port: target.port,
        path: incoming.url,
        method: incoming.method,
        headers: incoming.headers,
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forward.on('error', () => outgoing.destroy());
    incoming.pipe(forward);
  });
  await new Promise<void>((resolve) => oddPhone?.listen(0, '127.0.0.1', resolve));
  const { port } = oddPhone.address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

function phoneId(): string {
  if (!app.phone) throw new Error('the e2e app added no phone');
  return app.phone.id;
}

/** The touches the page sent, as the core received them. */
const touches: { type: string; positions: { x: number; y: number }[] }[] = [];

beforeAll(async () => {
  app = await startE2eApp();
  const handlers = app.core.handlers;
  const touch = handlers['screen.touch'];
  handlers['screen.touch'] = (args) => {
    touches.push(args);
    return touch(args);
  };
  // The first paint can take long on a loaded machine; later waits use the page default.
  await app.page.getByRole('navigation', { name: 'Main' }).waitFor({ timeout: 30_000 });
  await app.page.getByRole('button', { name: 'Remote screen' }).click();
});
afterAll(async () => {
  await app?.close();
  await new Promise((resolve) => (oddPhone ? oddPhone.close(resolve) : resolve(undefined)));
});

describe('remote screen against the simulator', () => {
  it('shows the idle screen with its softkeys and line keys', async () => {
    await drawn('New Call').waitFor();
    expect(await drawn('New Call').getAttribute('class')).toContain('kind-softkey');
    expect(await canvas().locator('.kind-linekey').count()).toBeGreaterThan(0);
    const text = app.page.getByRole('list', { name: 'Screen text' });
    expect(await text.textContent()).toContain('Soft key: New Call');
  });

  it('ends a call when its End Call softkey is tapped on the drawn screen', async () => {
    await app.core.handlers['calls.dial']({ phoneId: phoneId(), destination: '4081' });
    const ringing = await waitUntil(
      () => app.control.state(),
      (s) => s.calls.length > 0,
    );
    await app.control.remote(ringing.calls[0]?.CallHandle ?? '', 'answer');
    await drawn('End Call').waitFor();
    await drawn('End Call').click();
    const after = await waitUntil(
      () => app.control.state(),
      (s) => s.calls.length === 0,
    );
    expect(after.calls).toEqual([]);
    await drawn('End Call').waitFor({ state: 'detached' });
    await app.page.getByRole('button', { name: 'Calls', exact: true }).click();
    await app.page.getByText('No calls right now.').waitFor();
    await app.page.getByRole('button', { name: 'Remote screen' }).click();
  });

  it('pages the line keys with a swipe, and back with the opposite swipe', async () => {
    // The simulator numbers phone k's first line (100 + k) * 10 + 1: 1011 for the first phone.
    const firstLine = String((100 + app.simPhone.index) * 10 + 1);
    await lineKey(firstLine).waitFor();
    await swipe([70, 200], [70, 40]); // up: the next page
    await lineKey(firstLine).waitFor({ state: 'detached' });
    await swipe([70, 40], [70, 200]); // down: back to the first page
    await lineKey(firstLine).waitFor();
  });

  it('maps a click to the exact phone pixel at another window size and page zoom', async () => {
    await app.page.setViewportSize({ width: 760, height: 700 });
    await app.page.evaluate(() => {
      document.documentElement.style.zoom = '1.5';
    });
    try {
      const newCall = drawn('New Call');
      await newCall.waitFor();
      const before = touches.length;
      await newCall.click(); // Playwright clicks the middle of the drawn key
      await canvas()
        .getByText(/^Dial \(line 1\)/)
        .waitFor();
      const [tap] = touches.slice(before);
      expect(tap?.type).toBe('Tap');
      const { x, y } = tap?.positions[0] ?? { x: -9, y: -9 };
      // The simulator's VVX601 draws New Call at x 0–120, y 217–252: its middle is (60, 234).
      expect(Math.abs(x - 60)).toBeLessThanOrEqual(1);
      expect(Math.abs(y - 234)).toBeLessThanOrEqual(1);
      await drawn('Cancel').click();
      await drawn('New Call').waitFor();
    } finally {
      await app.page.evaluate(() => {
        document.documentElement.style.zoom = '';
      });
      await app.page.setViewportSize({ width: 1280, height: 800 });
    }
  });

  it('sends Press while the pointer is held and Release on let go, activating the key', async () => {
    await drawn('New Call').waitFor();
    const box = await drawn('New Call').boundingBox();
    if (!box) throw new Error('New Call is not drawn');
    await app.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const before = touches.length;
    await app.page.mouse.down();
    await waitUntil(
      async () => touches.slice(before).map((touch) => touch.type),
      (types) => types.includes('Press'),
    );
    expect(
      await canvas()
        .getByText(/^Dial \(line 1\)/)
        .count(),
    ).toBe(0);
    await app.page.mouse.up();
    await waitUntil(
      async () => touches.slice(before).map((touch) => touch.type),
      (types) => types.includes('Release'),
    );
    await canvas()
      .getByText(/^Dial \(line 1\)/)
      .waitFor();
    await drawn('Cancel').click();
    await drawn('New Call').waitFor();
  });

  it('still renders the texts of a uixml document in an unknown schema', async () => {
    const url = await startOddPhone(new URL(app.simPhone.url));
    await app.core.handlers['phones.add']({
      name: 'Odd phone',
      url,
      username: app.simPhone.username,
      password: app.simPhone.adminPassword,
    });
    await app.page.getByRole('combobox', { name: /^Phone/ }).selectOption({ label: 'Odd phone' });
    await canvas().getByText('Odd firmware').waitFor();
    for (const text of ['Menu', 'Directories', 'Settings & more', 'loose text']) {
      expect(await canvas().getByText(text).count()).toBe(1);
    }
    await app.page.getByText('Raw XML').click();
    expect(await app.page.locator('.screen-raw pre').textContent()).toContain('<ui>');
  });
});
