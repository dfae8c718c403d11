// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import { AdminConsole } from '../../../src/renderer/features/admin/admin-console';
import { parseConfigNames, valuesToSend } from '../../../src/renderer/features/admin/config-edits';
import type { DeviceDetails, MediaSample } from '../../../src/shared/contract/device';
import type { ContractError } from '../../../src/shared/contract/errors';
import type { PhoneHealth, PhoneStatus } from '../../../src/shared/domain';
import { renderWithStores } from '../support/render-app';
import { createTestCore, type TestCore } from '../support/test-core';

const DETAILS: DeviceDetails = {
  uptimeSeconds: 3723,
  device: { Model: 'VVX601', Firmware: '5.8.0.17552', MACAddress: '0004F2A1B2C3' },
  network: { IPv4Address: '127.0.0.1' },
  networkStats: { RxPackets: '120' },
  stats: { CPU: '12 %', Memory: '48 %', Uptime: '0 days 1:02:03' },
  location: {},
  attachedHardware: { Camera: 'none' },
};

function sample(at: number, jitterMs: number): MediaSample {
  return { handle: '0x1', at, jitterMs, packetLossPercent: 0.5, mos: 4.2, codec: 'G.722', raw: {} };
}

const STATUS: PhoneStatus = {
  phoneId: 'p1',
  health: 'online',
  attention: null,
  message: '',
  presentedFingerprint: null,
  model: 'VVX601',
  firmware: '5.8.0.17552',
  macAddress: '0004F2A1B2C3',
  lastSeenAt: null,
  missing: [],
};

const UNREACHABLE: ContractError = { code: 'unreachable', message: 'The phone did not answer.' };

let phone: TestCore;

function openConsole(setup: (phone: TestCore) => void = () => undefined) {
  phone = createTestCore({
    'device.details': () => DETAILS,
    'phones.snapshots': () => [],
    'config.getTransferType': () => ({ type: 'Blind' }),
    'config.set': () => null,
    'config.export': () => null,
    'config.setTransferType': () => null,
    'device.restart': () => null,
    'device.reboot': () => null,
    'device.resetConfig': () => null,
    'device.factoryReset': () => null,
    'device.uploadCapture': () => null,
  });
  setup(phone);
  renderWithStores(phone, <AdminConsole phoneId="p1" />, { start: false });
}

afterEach(cleanup);

describe('admin console', () => {
  it('is hidden from a user-level login, saying why and how to get access', async () => {
    openConsole((p) => {
      p.answer('device.details', () => ({
        code: 'insufficient-access',
        message: 'The phone refused the user-level login.',
      }));
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The admin console is hidden');
    expect(alert.textContent).toContain('admin password');
    expect(screen.queryByRole('tablist')).toBeNull();
  });

  it('shows device information grouped, and the uptime in words', async () => {
    openConsole();
    const cpu = await screen.findByRole('region', { name: 'CPU, memory and uptime' });
    expect(within(cpu).getByText('0 days 1:02:03')).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Device' }).textContent).toContain('5.8.0.17552');
    expect(screen.getByText('Running for 1 hour, 2 minutes since it last started.')).toBeTruthy();
  });

  it("shows the phone's log, newest first, and says when there is nothing in it", async () => {
    openConsole((p) =>
      p.answer('device.log', () => [
        { at: Date.UTC(2026, 0, 1, 9), text: 'The phone lacks call control.' },
        {
          at: Date.UTC(2026, 0, 1, 10),
          text: 'The phone\'s answer to callLogs held something Deskpilot cannot read, at Placed.0.Duration: "forty secs".',
        },
      ]),
    );
    fireEvent.click(await screen.findByRole('tab', { name: 'Log' }));
    const log = await screen.findByRole('list', { name: 'Phone log, newest first' });
    const entries = within(log).getAllByRole('listitem');
    expect(entries[0]?.textContent).toContain('Placed.0.Duration: "forty secs"');
    expect(entries[1]?.textContent).toContain('The phone lacks call control.');
    phone.answer('device.log', () => []);
    fireEvent.click(screen.getByRole('button', { name: 'Read again' }));
    await screen.findByText(
      'Nothing to report: Deskpilot has understood everything this phone answered.',
    );
  });

  it('reads pasted parameters, previews the diff with device switches, sends, and reads back', async () => {
    const stored: Record<string, string> = { 'voice.volume': '5', 'device.sntp.serverName': 'a' };
    openConsole((p) => {
      p.answer('config.get', (args) => {
        const { names } = args;
        return Object.fromEntries(
          names.map((n) => [n, n in stored ? { value: stored[n] ?? '', source: 'web' } : null]),
        );
      });
      p.answer('config.set', (args) => {
        Object.assign(stored, args.values);
        return null;
      });
    });
    fireEvent.click(await screen.findByRole('tab', { name: 'Configuration' }));
    fireEvent.change(screen.getByLabelText(/Parameter names/), {
      target: { value: 'voice.volume = 5\ndevice.sntp.serverName, no.such.param' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Read values' }));
    const input = await screen.findByLabelText('Value of device.sntp.serverName');
    expect(screen.getByText('The phone does not know this parameter')).toBeTruthy();
    fireEvent.change(input, { target: { value: 'time.example' } });
    fireEvent.click(screen.getByRole('button', { name: 'Review 1 change' }));
    const preview = screen.getByRole('group', { name: 'Changes to send' });
    expect(preview.textContent).toContain('device.sntp.serverName: a → time.example');
    expect(preview.textContent).toContain('device.set: 1');
    fireEvent.click(within(preview).getByRole('button', { name: 'Send 1 change' }));
    expect(await screen.findByText('Saved 1 value and read them back.')).toBeTruthy();
    expect(phone.callsTo('config.set')).toEqual([
      {
        phoneId: 'p1',
        values: {
          'device.sntp.serverName': 'time.example',
          'device.set': '1',
          'device.sntp.serverName.set': '1',
        },
      },
    ]);
    expect(
      (screen.getByLabelText('Value of device.sntp.serverName') as HTMLInputElement).value,
    ).toBe('time.example');
  });

  it('says the save went through but the read-back failed, never claiming it read them back', async () => {
    let saved = false;
    openConsole((p) => {
      p.answer('config.get', () =>
        saved ? UNREACHABLE : { 'voice.volume': { value: '5', source: 'web' } },
      );
      p.answer('config.set', () => {
        saved = true;
        return null;
      });
    });
    fireEvent.click(await screen.findByRole('tab', { name: 'Configuration' }));
    fireEvent.change(screen.getByLabelText(/Parameter names/), {
      target: { value: 'voice.volume' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Read values' }));
    fireEvent.change(await screen.findByLabelText('Value of voice.volume'), {
      target: { value: '7' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Review 1 change' }));
    const preview = screen.getByRole('group', { name: 'Changes to send' });
    fireEvent.click(within(preview).getByRole('button', { name: 'Send 1 change' }));
    expect(
      await screen.findByText(
        'Saved 1 value; Reading configuration failed: The phone did not answer.',
      ),
    ).toBeTruthy();
    expect(screen.queryByText(/read them back/)).toBeNull();
  });

  it('asks before a restart and shows the phone going away and coming back', async () => {
    openConsole();
    fireEvent.click(await screen.findByRole('tab', { name: 'Maintenance' }));
    fireEvent.click(screen.getByRole('button', { name: 'Restart phone…' }));
    expect(screen.getByRole('alertdialog', { name: 'Restart the phone?' }).textContent).toContain(
      'Settings are kept',
    );
    expect(phone.callsTo('device.restart')).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Restart' }));
    const progress = await screen.findByRole('status', { name: 'Maintenance progress' });
    await waitFor(() =>
      expect(progress.textContent).toContain('the phone ends its calls, then restarts'),
    );
    const status = (health: PhoneHealth) => ({
      type: 'phone-status' as const,
      phoneId: 'p1',
      status: { ...STATUS, health, message: `It is ${health}.` },
    });
    phone.emit('phone', status('rebooting'));
    await waitFor(() => expect(progress.textContent).toContain('The phone is away'));
    phone.emit('phone', status('online'));
    await waitFor(() => expect(progress.textContent).toContain('restarted and is back online'));
  });

  it('needs the typed phrase before a factory reset and warns about the REST API', async () => {
    openConsole();
    fireEvent.click(await screen.findByRole('tab', { name: 'Maintenance' }));
    fireEvent.click(screen.getByRole('button', { name: 'Factory reset…' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Factory reset the phone?' });
    expect(dialog.textContent).toContain('turn the REST API off');
    expect(dialog.textContent).toContain('default admin password');
    const confirm = within(dialog).getByRole('button', { name: 'Factory reset' });
    expect((confirm as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(within(dialog).getByLabelText(/Type FACTORY RESET/), {
      target: { value: 'FACTORY RESET' },
    });
    fireEvent.click(confirm);
    await waitFor(() =>
      expect(phone.callsTo('device.factoryReset')).toEqual([
        { phoneId: 'p1', confirmation: 'FACTORY RESET' },
      ]),
    );
  });

  it('charts jitter, loss and MOS of a live call', async () => {
    let jitter = 3;
    openConsole((p) => {
      p.answer('device.media', () => [sample(Date.now(), (jitter += 1))]);
    });
    fireEvent.click(await screen.findByRole('tab', { name: 'Media' }));
    const chart = await screen.findByRole('img', { name: /^Jitter: 4 ms/ });
    expect(chart).toBeTruthy();
    expect(screen.getByRole('img', { name: /^MOS: 4\.20/ })).toBeTruthy();
  });
});

/** Opens the Skype for Business tab's sign-in form; `type` fills one of its fields. */
async function openSkypeSignIn() {
  fireEvent.click(await screen.findByRole('tab', { name: 'Skype for Business' }));
  const form = await screen.findByRole('form', { name: 'Skype for Business sign-in' });
  const type = (label: RegExp, value: string) =>
    fireEvent.change(within(form).getByLabelText(label), { target: { value } });
  return { form, type };
}

describe('admin console: running configuration and Skype for Business', () => {
  it('shows the running configuration in the device tab', async () => {
    openConsole((p) => {
      p.answer('device.details', () => ({
        ...DETAILS,
        runningConfig: { 'Network.IPGateway': '192.0.2.1' },
      }));
    });
    const running = await screen.findByRole('region', { name: 'Running configuration' });
    expect(within(running).getByText('192.0.2.1')).toBeTruthy();
  });

  it('hides Skype for Business with a note where the phone does not report it', async () => {
    openConsole((p) => {
      p.answer('device.skypePresence', () => ({ supported: false, presence: null, details: {} }));
    });
    fireEvent.click(await screen.findByRole('tab', { name: 'Skype for Business' }));
    const note = await screen.findByRole('note');
    expect(note.textContent).toContain('does not report it');
    expect(note.textContent).toContain('SkypeForBusiness');
    expect(screen.queryByRole('form', { name: 'Skype for Business sign-in' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Sign (in|out)/ })).toBeNull();
  });

  it('signs in without keeping the password, shows the presence, and signs out', async () => {
    let presence = 'Offline';
    openConsole((p) => {
      p.answer('device.skypePresence', () => ({
        supported: true,
        presence,
        details: { Presence: presence },
      }));
      p.answer('device.skypeSignIn', () => {
        presence = 'Available';
        return null;
      });
      p.answer('device.skypeSignOut', () => {
        presence = 'Offline';
        return null;
      });
    });
    const { form, type } = await openSkypeSignIn();
    type(/Sign-in address/, 'sip:me@example.com');
    type(/User name/, 'me');
    type(/Password/, 'sfb-Secret-1');
    type(/Domain/, 'example.com');
    expect((within(form).getByLabelText(/Password/) as HTMLInputElement).type).toBe('password');
    fireEvent.click(within(form).getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Available'));
    expect(phone.callsTo('device.skypeSignIn')).toEqual([
      {
        phoneId: 'p1',
        address: 'sip:me@example.com',
        user: 'me',
        password: 'sfb-Secret-1',
        domain: 'example.com',
      },
    ]);
    expect(document.body.innerHTML).not.toContain('sfb-Secret-1');
    fireEvent.click(screen.getByRole('button', { name: 'Sign out of Skype for Business' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Offline'));
    expect(phone.callsTo('device.skypeSignOut')).toHaveLength(1);
    const again = screen.getByRole('form', { name: 'Skype for Business sign-in' });
    expect((within(again).getByLabelText(/Password/) as HTMLInputElement).value).toBe('');
  });
});

describe('admin console: a refused Skype sign-in', () => {
  it('keeps the refusal in view even when the presence re-read fails too, and drops the password', async () => {
    let reads = 0;
    openConsole((p) => {
      p.answer('device.skypePresence', () =>
        ++reads === 1 ? { supported: true, presence: 'Offline', details: {} } : UNREACHABLE,
      );
      p.answer('device.skypeSignIn', () => ({
        code: 'phone-error',
        message: 'Line not registered (4002).',
      }));
    });
    const { form, type } = await openSkypeSignIn();
    type(/Sign-in address/, 'sip:me@example.com');
    type(/User name/, 'me');
    type(/Password/, 'sfb-Secret-2');
    fireEvent.click(within(form).getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(reads).toBe(2));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe('Line not registered (4002).'),
    );
    expect((within(form).getByLabelText(/Password/) as HTMLInputElement).value).toBe('');
    expect((within(form).getByLabelText(/Sign-in address/) as HTMLInputElement).value).toBe(
      'sip:me@example.com',
    );
  });
});

describe('configuration name parsing', () => {
  it('takes lines, lists and name = value lines, rejecting what cannot be a name', () => {
    expect(parseConfigNames('a.b\n c.d, e.f;a.b\nx.y = 3\n bad/name ')).toEqual({
      names: ['a.b', 'c.d', 'e.f', 'x.y'],
      rejected: ['bad/name'],
    });
  });

  it('adds the device switches only for device parameters', () => {
    expect(valuesToSend([{ name: 'voice.volume', from: '1', to: '2' }])).toEqual({
      'voice.volume': '2',
    });
  });
});
