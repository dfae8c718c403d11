/**
 * Starts the real Electron main process code (with the real core and demo phone) against a thin
 * stand-in for `electron`, and asserts the security-relevant options and handlers it installs.
 */
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { APP_CONTENT_SECURITY_POLICY } from '../../src/main/electron/app-protocol';
import { app, recorded, type StandInWindow } from './electron-stand-in';

vi.mock('electron', () => import('./electron-stand-in'));

let dataDir: string;
let window: StandInWindow;
const previousDataDir = process.env.DESKPILOT_DATA_DIR;

async function until(condition: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 200 && !condition(); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  expect(condition()).toBe(true);
}

function invoke(frameUrl: string, sender: unknown, channel: string, args: unknown) {
  const handler = recorded.ipcHandlers.get('deskpilot:invoke');
  if (handler === undefined) throw new Error('no IPC handler');
  return handler({ sender, senderFrame: { url: frameUrl, parent: null } }, channel, args);
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'deskpilot-shell-'));
  process.env.DESKPILOT_DATA_DIR = dataDir;
  const rendererDir = join(dataDir, 'renderer');
  await mkdir(rendererDir);
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Deskpilot</title>');
  const { startDesktopApp } = await import('../../src/main/electron/desktop-app');
  await startDesktopApp({
    rendererDir,
    preload: '/app/out/preload/index.cjs',
    trayIcon: '/app/assets/tray.png',
  });
  const created = recorded.windows[0];
  if (created === undefined) throw new Error('no window was created');
  window = created;
});

afterAll(async () => {
  app.emit('will-quit', { preventDefault: () => undefined });
  await until(() => recorded.exited !== null);
  if (previousDataDir === undefined) delete process.env.DESKPILOT_DATA_DIR;
  else process.env.DESKPILOT_DATA_DIR = previousDataDir;
  await rm(dataDir, { recursive: true, force: true });
});

describe('the Electron shell', () => {
  it('opens the window isolated, sandboxed and without Node', () => {
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
      preload: '/app/out/preload/index.cjs',
    });
  });

  it('loads the UI from the app:// protocol, not file://', () => {
    expect(window.loadedUrl).toBe('app://deskpilot/index.html');
    expect(recorded.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) },
    ]);
  });

  it('serves app:// pages with a strict CSP and nothing from other hosts', async () => {
    const handler = recorded.protocolHandlers.get('app');
    if (handler === undefined) throw new Error('app:// is not handled');
    const page = await handler(new Request('app://deskpilot/index.html'));
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'none'");
    expect((await handler(new Request('app://elsewhere/index.html'))).status).toBe(404);
    for (const path of [
      '../../etc/passwd',
      '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      '..%5c..%5cetc%5cpasswd',
    ]) {
      const response = await handler(new Request(`app://deskpilot/${path}`));
      expect(await response.text()).not.toContain('root:');
    }
  });

  it('adds the same strict CSP to every response of the session', () => {
    let headers: Record<string, string[]> = {};
    recorded.headersReceived?.(
      { responseHeaders: { 'Content-Type': ['text/html'] } },
      (result: { responseHeaders: Record<string, string[]> }) => (headers = result.responseHeaders),
    );
    expect(headers['Content-Security-Policy']).toEqual([APP_CONTENT_SECURITY_POLICY]);
    expect(headers['Content-Type']).toEqual(['text/html']);
  });

  it('blocks navigation away from the app and never opens windows', () => {
    const navigate = (url: string) => {
      const event = { url, preventDefault: vi.fn() };
      window.webContents.emit('will-navigate', event);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(navigate('https://evil.example/')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate('app://deskpilot/index.html')).toBe(false);
    const navigateFrame = (url: string) => {
      const event = { url, isMainFrame: false, preventDefault: vi.fn() };
      window.webContents.emit('will-frame-navigate', event);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(navigateFrame('https://evil.example/')).toBe(true);
    expect(navigateFrame('app://deskpilot/index.html')).toBe(false);
    const webview = { preventDefault: vi.fn() };
    window.webContents.emit('will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalled();
    expect(window.webContents.windowOpenHandler?.({ url: 'https://evil.example' })).toEqual({
      action: 'deny',
    });
  });

  it('opens only allow-listed links in the system browser', () => {
    window.webContents.windowOpenHandler?.({ url: 'https://github.com/deskpilot' });
    window.webContents.windowOpenHandler?.({ url: 'https://github.com.evil.example/' });
    window.webContents.windowOpenHandler?.({ url: 'file:///etc/passwd' });
    expect(recorded.openedExternally).toEqual(['https://github.com/deskpilot']);
  });

  it('denies every permission request and check', () => {
    const callback = vi.fn();
    recorded.permissionRequestHandler?.({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(recorded.permissionCheckHandler?.({}, 'media')).toBe(false);
    expect(recorded.devicePermissionHandler?.({})).toBe(false);
  });

  it('answers contract calls from its own page only', async () => {
    const own = await invoke('app://deskpilot/index.html', window.webContents, 'phones.list', {});
    expect(own).toMatchObject({ ok: true, value: [{ name: 'Demo phone' }] });
    const foreignFrame = await invoke(
      'https://evil.example/',
      window.webContents,
      'phones.list',
      {},
    );
    expect(foreignFrame).toMatchObject({ ok: false, error: { code: 'insufficient-access' } });
    const foreignSender = await invoke('app://deskpilot/index.html', {}, 'phones.list', {});
    expect(foreignSender).toMatchObject({ ok: false, error: { code: 'insufficient-access' } });
  });

  it('registers for tel:, callto: and sip: links', () => {
    expect(recorded.defaultProtocolClients).toEqual(['tel', 'callto', 'sip']);
  });

  it('hands a second launch with --dial to the UI for confirmation', async () => {
    app.emit('second-instance', {}, ['deskpilot', '--dial', '+1 (555) 010-0123']);
    await until(() =>
      window.webContents.sent.some((m) => m.channel === 'deskpilot:event:dial-request'),
    );
    const request = window.webContents.sent.find(
      (m) => m.channel === 'deskpilot:event:dial-request',
    );
    expect(request?.payload).toMatchObject({
      source: 'command-line',
      link: { type: 'TEL', destination: '+15550100123' },
    });
  });

  it('refuses a hostile link with a notification and dials nothing', async () => {
    const before = window.webContents.sent.length;
    app.emit('open-url', { preventDefault: () => undefined }, 'tel:1234;$(reboot)');
    await until(() =>
      recorded.notifications.some((n) => n.options.title === 'Deskpilot did not dial'),
    );
    expect(
      window.webContents.sent
        .slice(before)
        .some((message) => message.channel === 'deskpilot:event:dial-request'),
    ).toBe(false);
  });

  it('dials the clipboard with the configured global shortcut', async () => {
    const shortcut = recorded.shortcuts.get('CommandOrControl+Shift+D');
    expect(shortcut).toBeTypeOf('function');
    recorded.clipboardText = 'sip:alice@example.com';
    shortcut?.();
    await until(() =>
      window.webContents.sent.some(
        (m) =>
          m.channel === 'deskpilot:event:dial-request' &&
          JSON.stringify(m.payload).includes('alice@example.com'),
      ),
    );
  });

  it('keeps its settings and contacts as electron-store files in the per-user folder', async () => {
    expect(recorded.ipcListeners.has('electron-store-get-data')).toBe(true);
    const settings = JSON.parse(await readFile(join(dataDir, 'settings.json'), 'utf8')) as {
      phones: { name: string }[];
    };
    expect(settings.phones.map((phone) => phone.name)).toEqual(['Demo phone']);
    expect((await stat(join(dataDir, 'contacts.json'))).mode & 0o777).toBe(0o600);
  });

  it('follows the start-at-login setting', () => {
    expect(recorded.loginItem).toEqual({ openAtLogin: false });
  });
});
