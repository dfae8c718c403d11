// @vitest-environment happy-dom
import { act, cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/renderer/app';
import type { PushStatus } from '../../src/shared/domain';
import { renderWithStores } from './support/render-app';
import { createTestCore, makeSnapshot, startupAnswers, type TestCore } from './support/test-core';

afterEach(cleanup);

const WAITING: PushStatus = {
  phase: 'waiting',
  message: 'Waiting for the first event from the phone: lift the handset and put it back.',
  lastEventAt: null,
  listeningOn: '192.168.1.5:8489',
};

function pushStatus(core: TestCore, push: PushStatus): void {
  act(() => core.emit('phone', { type: 'push-status', phoneId: 'p1', push }));
}

async function openPhones() {
  const user = userEvent.setup();
  const core = createTestCore({
    ...startupAnswers([makeSnapshot()]),
    'push.plan': () => ({
      changes: [
        {
          name: 'apps.telNotification.URL',
          from: '',
          to: 'http://192.168.1.5:8489/deskpilot/events/<secret>',
        },
        { name: 'apps.telNotification.callStateChangeEvent', from: '0', to: '1' },
      ],
      listeningOn: '192.168.1.5:8489',
      unsupported: ['apps.telNotification.lineRegistrationEvent'],
    }),
    'push.enable': () => WAITING,
    'push.disable': () => ({ ...WAITING, phase: 'off', message: 'Off: Deskpilot asks every 5 s.' }),
  });
  renderWithStores(core, <App />);
  await user.click(await screen.findByRole('button', { name: 'Phones' }));
  const section = screen.getByRole('region', { name: 'Instant call events' });
  return { user, core, section };
}

describe('instant call events', () => {
  it('shows what will change on the phone before changing anything, then turns on', async () => {
    const { user, core, section } = await openPhones();
    await user.click(within(section).getByRole('button', { name: 'Turn on instant call events…' }));
    const table = await within(section).findByRole('table', {
      name: 'Deskpilot will change these settings on Desk phone',
    });
    expect(table.textContent).toContain('apps.telNotification.URL');
    expect(table.textContent).toContain('(empty)');
    expect(table.textContent).toContain('http://192.168.1.5:8489/deskpilot/events/<secret>');
    expect(section.textContent).toContain('allow Deskpilot to receive connections');
    expect(section.textContent).toContain('no apps.telNotification.lineRegistrationEvent');
    expect(core.callsTo('push.enable')).toEqual([]);

    await user.click(within(section).getByRole('button', { name: 'Make these changes' }));
    expect(core.callsTo('push.enable')).toEqual([{ phoneId: 'p1' }]);
    pushStatus(core, WAITING);
    expect(section.textContent).toContain('lift the handset');
    expect(within(section).queryByRole('table')).toBeNull();
  });

  it('cancels a plan without asking the core to change anything', async () => {
    const { user, core, section } = await openPhones();
    await user.click(within(section).getByRole('button', { name: 'Turn on instant call events…' }));
    await user.click(await within(section).findByRole('button', { name: 'Cancel' }));
    expect(within(section).queryByRole('table')).toBeNull();
    expect(core.callsTo('push.enable')).toEqual([]);
  });

  it('says in words, above every view, when events stop arriving, and turns off from Phones', async () => {
    const { user, core, section } = await openPhones();
    pushStatus(core, {
      ...WAITING,
      phase: 'not-arriving',
      message:
        'Not arriving: calls changed on the phone but no event reached 192.168.1.5:8489. Likely cause: a firewall on this computer.',
    });
    const notice = screen.getByRole('region', { name: 'Phone status' });
    expect(notice.textContent).toContain('Instant call events from Desk phone are not arriving.');
    expect(notice.textContent).toContain('a firewall on this computer');
    await user.click(
      within(section).getByRole('button', {
        name: "Turn off instant call events (puts back the phone's settings)",
      }),
    );
    expect(core.callsTo('push.disable')).toEqual([{ phoneId: 'p1' }]);
  });

  it("shows the core's refusal (a user-level account) in words", async () => {
    const { user, core, section } = await openPhones();
    core.answer('push.plan', () => ({
      code: 'insufficient-access',
      message: "This needs the phone's admin password.",
    }));
    await user.click(within(section).getByRole('button', { name: 'Turn on instant call events…' }));
    expect((await within(section).findByRole('alert')).textContent).toBe(
      "This needs the phone's admin password.",
    );
  });
});
