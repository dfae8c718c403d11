import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { saveScreenshot } from './support/screenshots';
import { startE2eApp, type E2eApp } from './support/e2e-app';
import { waitUntil } from './support/wait';

let app: E2eApp;

function phoneId(): string {
  if (!app.phone) throw new Error('the e2e app added no phone');
  return app.phone.id;
}

async function openTab(name: string) {
  await app.page.getByRole('tab', { name }).click();
}

/** A local HTTP server that keeps every body uploaded to it (the phone's uploads land here). */
async function startReceiver(): Promise<{
  url: string;
  uploads: Buffer[];
  close(): Promise<void>;
}> {
  const uploads: Buffer[] = [];
  const server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      uploads.push(Buffer.concat(chunks));
      outgoing.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/upload`,
    uploads,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

beforeAll(async () => {
  app = await startE2eApp({ simulator: { rebootMs: 1500 } });
  // The first paint can take long on a loaded machine; later waits use the page default.
  await app.page.getByRole('navigation', { name: 'Main' }).waitFor({ timeout: 30_000 });
  await app.page.getByRole('button', { name: 'Admin', exact: true }).click();
});
afterAll(async () => app?.close());

describe('admin console against the simulator', () => {
  it('reads device and network information, grouped', async () => {
    const device = app.page.getByRole('region', { name: 'Device', exact: true });
    await device.getByText(app.simPhone.model).first().waitFor();
    expect(await device.textContent()).toContain(app.simPhone.macAddress);
    const network = app.page.getByRole('region', { name: 'Network', exact: true });
    expect(await network.locator('dt').count()).toBeGreaterThan(0);
    expect(
      await app.page.getByRole('region', { name: 'CPU, memory and uptime' }).textContent(),
    ).toMatch(/\d/);
    const running = app.page.getByRole('region', { name: 'Running configuration' });
    // Keys read in words, the firmware's own key on hover.
    expect(await running.locator('dt[title="Network.IPAddress"]').textContent()).toBe(
      'Network › IP address',
    );
    await saveScreenshot(app.page, 'admin-device');
  });

  it('reads line registration', async () => {
    await openTab('Lines');
    const table = app.page.getByRole('table', { name: 'Lines' });
    await table.waitFor();
    const firstLine = table.getByRole('row').nth(1);
    expect(await firstLine.textContent()).toContain('Registered');
  });

  it('charts the media figures of a live call', async () => {
    await openTab('Media');
    await app.page.getByText(/No call is in progress/).waitFor();
    const dialled = await app.core.handlers['calls.dial']({
      phoneId: phoneId(),
      destination: '4081',
    });
    const ringing = await waitUntil(
      () => app.control.state(),
      (s) => s.calls.length > 0,
    );
    const handle = dialled.handle ?? ringing.calls[0]?.CallHandle ?? '';
    // The far end picks up (the simulator's control API), so media starts flowing.
    await app.control.remote(handle, 'answer');
    // A few samples, so the charts (and the screenshot) show a line, not a point.
    await app.page
      .getByRole('img', { name: /^Jitter: [\d.]+ ms, .* over [3-9] samples/ })
      .waitFor({ timeout: 15_000 });
    await app.page.getByRole('img', { name: /^Packet loss: / }).waitFor();
    await saveScreenshot(app.page, 'admin-media');
    await app.core.handlers['calls.end']({ phoneId: phoneId(), handle });
    await app.page.getByText(/No call is in progress/).waitFor({ timeout: 15_000 });
  });

  it('sets a configuration value after a diff preview and reads it back', async () => {
    await openTab('Configuration');
    await app.page
      .getByLabel(/Parameter names/)
      .fill('log.level.change.restapi\nno.such.parameter');
    await app.page.getByRole('button', { name: 'Read values' }).click();
    const value = app.page.getByLabel('Value of log.level.change.restapi');
    await value.waitFor();
    const before = await value.inputValue();
    const after = before === '5' ? '3' : '5';
    await app.page.getByText('The phone does not know this parameter').waitFor();
    await value.fill(after);
    await app.page.getByRole('button', { name: 'Review 1 change' }).click();
    const preview = app.page.getByRole('group', { name: 'Changes to send' });
    expect(await preview.textContent()).toContain(`log.level.change.restapi: ${before} → ${after}`);
    await preview.getByRole('button', { name: 'Send 1 change' }).click();
    await app.page.getByText('Saved 1 value and read them back.').waitFor();
    expect(await value.inputValue()).toBe(after);
    const onPhone = await app.core.handlers['config.get']({
      phoneId: phoneId(),
      names: ['log.level.change.restapi'],
    });
    expect(onPhone['log.level.change.restapi']?.value).toBe(after);
  });

  it('exports the configuration to a URL and sets the transfer type', async () => {
    const receiver = await startReceiver();
    try {
      await app.page.getByLabel('Upload to URL').fill(receiver.url);
      await app.page
        .getByRole('region', { name: 'Export configuration' })
        .getByRole('combobox', { name: /^Type/ })
        .selectOption('All');
      await app.page.getByRole('button', { name: 'Export' }).click();
      await app.page
        .getByText(`The phone sent its All configuration to ${receiver.url}.`)
        .waitFor();
      const received = await waitUntil(
        async () => receiver.uploads,
        (list) => list.length > 0,
      );
      expect(received.map((body) => body.toString('utf8')).join('')).toContain(
        'log.level.change.restapi',
      );
    } finally {
      await receiver.close();
    }

    const transfer = app.page.getByRole('region', { name: 'Transfer type' });
    await transfer.getByText(/^Currently: (Consultative|Blind|Safe)$/).waitFor();
    await transfer.getByLabel('New transfer type').selectOption('Blind');
    await transfer.getByRole('button', { name: 'Set transfer type' }).click();
    await app.page.getByText('Transfer type set to Blind.').waitFor();
    await transfer.getByText('Currently: Blind').waitFor();
  });

  it('uploads a background packet capture once the phone allows it, explaining a refusal', async () => {
    await openTab('Maintenance');
    const receiver = await startReceiver();
    try {
      const form = app.page.getByRole('region', { name: 'Packet capture' });
      await form.getByLabel(/Upload to URL/).fill(receiver.url);
      await form.getByRole('button', { name: 'Upload capture' }).click();
      const progress = app.page.getByRole('status', { name: 'Maintenance progress' });
      await app.page.locator('.maintenance-progress.phase-failed').waitFor();
      expect(await progress.textContent()).not.toBe('');
      await app.core.handlers['config.set']({
        phoneId: phoneId(),
        values: { 'diags.pcap.enabled': '1', 'diags.pcap.background.enabled': '1' },
      });
      await form.getByRole('button', { name: 'Upload capture' }).click();
      await progress.getByText('The phone is uploading its background packet capture.').waitFor();
      const received = await waitUntil(
        async () => receiver.uploads,
        (list) => list.length > 0,
      );
      // A pcap file starts with the libpcap magic number (written little-endian).
      expect(received[0]?.subarray(0, 4).toString('hex')).toBe('d4c3b2a1');
    } finally {
      await receiver.close();
    }
  });

  it('restarts safely after a confirmation and shows the phone come back', async () => {
    await openTab('Maintenance');
    await app.page.getByRole('button', { name: 'Restart phone…' }).click();
    const dialog = app.page.getByRole('alertdialog', { name: 'Restart the phone?' });
    expect(await dialog.textContent()).toContain('Settings are kept');
    await dialog.getByRole('button', { name: 'Restart', exact: true }).click();
    const progress = app.page.getByRole('status', { name: 'Maintenance progress' });
    await progress.getByText(/The phone is away/).waitFor({ timeout: 15_000 });
    await progress.getByText(/restarted and is back online/).waitFor({ timeout: 20_000 });
  });

  it('hides Skype for Business with a note on a phone without that profile', async () => {
    await openTab('Skype for Business');
    const note = app.page.getByRole('note');
    await note.waitFor();
    expect(await note.textContent()).toContain('does not report it');
    expect(await app.page.getByRole('button', { name: 'Sign in' }).count()).toBe(0);
  });

  it('refuses the admin console to a user-level login, saying why', async () => {
    await app.core.handlers['phones.update']({
      phoneId: phoneId(),
      password: app.simPhone.userPassword,
    });
    await app.reload();
    await app.page.getByRole('button', { name: 'Admin', exact: true }).click();
    const alert = app.page.getByRole('alert').filter({ hasText: 'The admin console is hidden' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('admin password');
    expect(await app.page.getByRole('tablist', { name: 'Admin sections' }).count()).toBe(0);
  });
});
