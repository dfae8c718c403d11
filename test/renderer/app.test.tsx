// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/renderer/app';
import type { ConnectionTestResult } from '../../src/shared/contract/phones';
import type { DialRequest } from '../../src/shared/contract/links';
import { renderWithStores } from './support/render-app';
import {
  createTestCore,
  type Answers,
  type TestCore,
  makeCall,
  makeSnapshot,
  startupAnswers,
  TEST_SETTINGS,
} from './support/test-core';

afterEach(cleanup);

const FINGERPRINT = Array.from({ length: 32 }, (_, index) =>
  (index + 16).toString(16).toUpperCase(),
).join(':');

/** Starts the app on one phone and has the core ask to dial `link`; returns the prompt. */
async function askToDial(link: DialRequest['link'], answers: Answers = {}) {
  const core = createTestCore({
    ...startupAnswers([makeSnapshot()]),
    'calls.dial': () => ({ handle: '0x3' }),
    ...answers,
  });
  renderWithStores(core, <App />);
  await screen.findByRole('textbox', { name: 'Number to dial' });
  act(() => core.emit('dial-request', { id: 'request-1', source: 'link', link }));
  return { core, dialog: screen.getByRole('dialog', { name: `Dial ${link.display}?` }) };
}

/** Waits for the first dial the core received to be `args`. */
async function expectDialled(core: TestCore, args: { phoneId: string; destination: string }) {
  await waitFor(() =>
    expect(core.requests.find((request) => request.channel === 'calls.dial')?.args).toEqual(args),
  );
}

function testResult(overrides: Partial<ConnectionTestResult>): ConnectionTestResult {
  return {
    ok: false,
    attention: null,
    message: '',
    fingerprint: null,
    model: null,
    firmware: null,
    admin: false,
    ...overrides,
  };
}

describe('first run', () => {
  it('offers the demo phone when no phone is configured, and shows the calls view once added', async () => {
    const user = userEvent.setup();
    const core = createTestCore({
      ...startupAnswers([]),
      'phones.addDemo': () => makeSnapshot().info,
    });
    renderWithStores(core, <App />);
    const useDemo = await screen.findByRole('button', { name: 'Use the demo phone' });
    core.answer('phones.snapshots', () => [makeSnapshot()]);
    await user.click(useDemo);
    expect(await screen.findByRole('textbox', { name: 'Number to dial' })).toBeTruthy();
  });

  it('names the problem a connection test finds and how to fix it', async () => {
    const user = userEvent.setup();
    const core = createTestCore({
      ...startupAnswers([]),
      'phones.test': () =>
        testResult({
          attention: 'api-disabled',
          message:
            'Turn on the REST API: Settings → Applications → REST API → Enabled (apps.restapi.enabled=1).',
        }),
    });
    renderWithStores(core, <App />);
    await user.type(await screen.findByLabelText('Address'), '192.168.1.20');
    await user.type(screen.getByLabelText('Password'), 'secret');
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    const heading = await screen.findByRole('heading', {
      name: "The phone's REST API is turned off",
    });
    const report = heading.closest('[role="alert"]') as HTMLElement;
    expect(report.textContent).toContain('apps.restapi.enabled=1');
    expect(core.requests.find((request) => request.channel === 'phones.test')?.args).toEqual({
      url: 'https://192.168.1.20',
      username: 'Polycom',
      password: 'secret',
    });
  });

  it('tests an edited phone only once its password is typed, since the saved one is never sent here', async () => {
    const user = userEvent.setup();
    const core = createTestCore({
      ...startupAnswers([makeSnapshot()]),
      'phones.test': () => testResult({ ok: true, admin: true }),
    });
    renderWithStores(core, <App />);
    await user.click(
      within(await screen.findByRole('navigation', { name: 'Main' })).getByRole('button', {
        name: 'Phones',
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Edit' }));
    const test = screen.getByRole('button', { name: 'Test connection' });
    expect((test as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('Type the password to test the connection.')).toBeTruthy();
    await user.type(screen.getByLabelText('Password'), 'secret');
    expect((test as HTMLButtonElement).disabled).toBe(false);
    await user.click(test);
    await waitFor(() =>
      expect(
        core.requests.find((request) => request.channel === 'phones.test')?.args,
      ).toMatchObject({ password: 'secret' }),
    );
  });

  it('shows an unknown certificate fingerprint and adds the phone trusting it only when ticked', async () => {
    const user = userEvent.setup();
    const core = createTestCore({
      ...startupAnswers([]),
      'phones.test': () =>
        testResult({
          attention: 'certificate-unknown',
          message: 'The phone presented a certificate Deskpilot has not seen.',
          fingerprint: FINGERPRINT,
        }),
      'phones.add': () => makeSnapshot().info,
    });
    renderWithStores(core, <App />);
    await user.type(await screen.findByLabelText('Name'), 'Front desk');
    await user.type(screen.getByLabelText('Address'), 'phone.local');
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    const shown = await screen.findByText(/Certificate fingerprint/);
    expect(shown.querySelector('code')?.textContent).toBe(FINGERPRINT);
    await user.click(screen.getByRole('checkbox', { name: 'Trust this certificate' }));
    await user.click(screen.getByRole('button', { name: 'Add phone' }));
    await waitFor(() =>
      expect(core.requests.find((request) => request.channel === 'phones.add')?.args).toEqual({
        name: 'Front desk',
        url: 'https://phone.local',
        username: 'Polycom',
        password: '',
        acceptFingerprint: FINGERPRINT,
      }),
    );
  });

  it('says what plain HTTP exposes as soon as it is chosen, and not for HTTPS', async () => {
    const user = userEvent.setup();
    renderWithStores(createTestCore(startupAnswers([])), <App />);
    await user.type(await screen.findByLabelText('Address'), '10.0.0.5');
    expect(screen.queryByText(/Plain HTTP is not encrypted/)).toBeNull();
    await user.click(screen.getByRole('radio', { name: 'HTTP' }));
    expect(screen.getByText(/Plain HTTP is not encrypted/).textContent).toMatch(/password/);
  });

  it("shows the core's refusal when a phone cannot be added", async () => {
    const user = userEvent.setup();
    const core = createTestCore({
      ...startupAnswers([]),
      'phones.add': () => ({
        code: 'default-password',
        message: 'The phone still uses its factory admin password 456: change it first.',
      }),
    });
    renderWithStores(core, <App />);
    await user.type(await screen.findByLabelText('Address'), '10.0.0.5');
    await user.click(screen.getByRole('radio', { name: 'HTTP' }));
    await user.click(screen.getByRole('button', { name: 'Add phone' }));
    const refusal = await screen.findByText(
      'The phone still uses its factory admin password 456: change it first.',
    );
    expect(refusal.getAttribute('role')).toBe('alert');
    expect(core.requests.find((request) => request.channel === 'phones.add')?.args).toMatchObject({
      url: 'http://10.0.0.5',
    });
  });
});

describe('everyday window', () => {
  it('shows an incoming call banner and answers with Alt+A', async () => {
    const core = createTestCore({
      ...startupAnswers([makeSnapshot()]),
      'calls.answer': () => ({ handle: '0x7' }),
    });
    renderWithStores(core, <App />);
    await screen.findByRole('textbox', { name: 'Number to dial' });
    act(() =>
      core.emit('phone', {
        type: 'incoming-call',
        phoneId: 'p1',
        call: makeCall({
          handle: '0x7',
          state: 'Offering',
          direction: 'Incoming',
          remoteName: 'Grace Hopper',
        }),
      }),
    );
    const banner = screen.getByRole('region', { name: 'Incoming calls' });
    expect(banner.textContent).toContain('Grace Hopper is calling');
    fireEvent.keyDown(window, { key: 'a', code: 'KeyA', altKey: true });
    await waitFor(() =>
      expect(core.requests.find((request) => request.channel === 'calls.answer')?.args).toEqual({
        phoneId: 'p1',
        handle: '0x7',
      }),
    );
  });

  it('asks before dialling a number from a link, and dials on confirmation', async () => {
    const user = userEvent.setup();
    const { core, dialog } = await askToDial({
      destination: '+15550102000',
      type: 'TEL',
      display: '+1 555 010 2000',
    });
    expect(core.requests.some((request) => request.channel === 'calls.dial')).toBe(false);
    const call = within(dialog).getByRole('button', { name: 'Call +1 555 010 2000' });
    // Focus starts on the answer and stays inside the dialog while tabbing.
    expect(document.activeElement).toBe(call);
    await user.tab();
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    await user.tab();
    expect(document.activeElement).toBe(call);
    await user.click(call);
    await expectDialled(core, { phoneId: 'p1', destination: '+15550102000' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('dials a confirmed link on the shown phone when the default phone was removed', async () => {
    const { core, dialog } = await askToDial(
      { destination: '2002', type: 'TEL', display: '2002' },
      { 'settings.get': () => ({ ...TEST_SETTINGS, defaultPhoneId: 'removed-phone' }) },
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Call 2002' }));
    await expectDialled(core, { phoneId: 'p1', destination: '2002' });
  });

  it('keeps the extension of a confirmed link when it dials', async () => {
    const { core, dialog } = await askToDial({
      destination: '+15550102000',
      type: 'TEL',
      display: '+1 555 010 2000 ext. 89',
      postDial: '89',
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Call +1 555 010 2000 ext. 89' }));
    await expectDialled(core, { phoneId: 'p1', destination: '+15550102000,89' });
  });

  it('switches views from the keyboard and marks the current one', async () => {
    const core = createTestCore({ ...startupAnswers([makeSnapshot()]), 'calls.logs': () => [] });
    renderWithStores(core, <App />);
    await screen.findByRole('textbox', { name: 'Number to dial' });
    fireEvent.keyDown(window, { key: '3', code: 'Digit3', altKey: true });
    expect(await screen.findByRole('heading', { name: 'History' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'History' }).getAttribute('aria-current')).toBe(
      'page',
    );
  });
});

describe('a phone without call control', () => {
  it('says so where dialling would be, shows its calls and offers no action on them', async () => {
    const snapshot = makeSnapshot({
      calls: [
        makeCall({ handle: '0x1', remoteName: 'Ada Lovelace' }),
        makeCall({
          handle: '0x2',
          state: 'Offering',
          direction: 'Incoming',
          remoteName: 'Alan Turing',
          active: false,
        }),
      ],
    });
    const core = createTestCore(
      startupAnswers([{ ...snapshot, status: { ...snapshot.status, missing: ['call-control'] } }]),
    );
    renderWithStores(core, <App />);
    await screen.findByRole('textbox', { name: 'Number to dial' });
    const dial = screen.getByRole('button', { name: 'Dial' });
    expect(dial).toHaveProperty('disabled', true);
    const reason = document.getElementById(dial.getAttribute('aria-describedby') ?? '');
    expect(reason?.textContent).toBe(
      'This phone does not offer call control through its REST API: dial, answer, hold and end calls on the phone itself. Deskpilot still shows its calls.',
    );
    const call = screen.getByRole('article', { name: 'Call with Ada Lovelace' });
    expect(within(call).getByText('Connected')).toBeTruthy();
    expect(within(call).queryAllByRole('button')).toEqual([]);
    expect(
      within(call).getByText('Answer, hold or end this call on the phone itself.'),
    ).toBeTruthy();
    const banner = screen.getByRole('region', { name: 'Incoming calls' });
    expect(within(banner).getByText('Answer it on the phone itself.')).toBeTruthy();
    expect(within(banner).queryByRole('button', { name: 'Answer' })).toBeNull();
  });
});

describe('phone status', () => {
  it('explains a phone that needs attention above every view and leads to the fix', async () => {
    const user = userEvent.setup();
    const core = createTestCore(startupAnswers([makeSnapshot()]));
    renderWithStores(core, <App />);
    await screen.findByRole('textbox', { name: 'Number to dial' });
    act(() =>
      core.emit('phone', {
        type: 'phone-status',
        phoneId: 'p1',
        status: {
          ...makeSnapshot().status,
          health: 'needs-attention',
          attention: 'wrong-credentials',
          message: 'The phone refused the password: enter the current admin password.',
        },
      }),
    );
    const region = screen.getByRole('region', { name: 'Phone status' });
    expect(region.textContent).toContain('The user name or password is wrong.');
    expect(region.textContent).toContain('enter the current admin password');
    expect(screen.getByText('Needs attention')).toBeTruthy();
    await user.click(within(region).getByRole('button', { name: 'Fix it in Phones' }));
    expect(await screen.findByRole('heading', { name: 'Phones' })).toBeTruthy();
  });
});

describe('phones view', () => {
  it("says on a plain-HTTP phone's entry what that exposes", async () => {
    const user = userEvent.setup();
    const plain = makeSnapshot();
    plain.info = { ...plain.info, url: 'http://10.0.0.5' };
    const secure = makeSnapshot();
    secure.info = { ...secure.info, id: 'p2', name: 'Lab phone' };
    renderWithStores(createTestCore(startupAnswers([plain, secure])), <App />);
    await user.click(await screen.findByRole('button', { name: 'Phones' }));
    const warning = /Plain HTTP is not encrypted/;
    expect(
      within(screen.getByRole('article', { name: 'Desk phone' })).getByText(warning),
    ).toBeTruthy();
    expect(
      within(screen.getByRole('article', { name: 'Lab phone' })).queryByText(warning),
    ).toBeNull();
  });

  it('removes a phone only after a second, explicit click, then offers onboarding again', async () => {
    const user = userEvent.setup();
    const core = createTestCore({
      ...startupAnswers([makeSnapshot()]),
      'phones.remove': () => null,
    });
    renderWithStores(core, <App />);
    await user.click(await screen.findByRole('button', { name: 'Phones' }));
    const entry = screen.getByRole('article', { name: 'Desk phone' });
    await user.click(within(entry).getByRole('button', { name: 'Remove' }));
    expect(core.requests.some((request) => request.channel === 'phones.remove')).toBe(false);
    core.answer('phones.snapshots', () => []);
    await user.click(within(entry).getByRole('button', { name: 'Remove Desk phone' }));
    expect(await screen.findByRole('heading', { name: 'Welcome to Deskpilot' })).toBeTruthy();
    expect(core.requests.find((request) => request.channel === 'phones.remove')?.args).toEqual({
      phoneId: 'p1',
    });
  });
});
