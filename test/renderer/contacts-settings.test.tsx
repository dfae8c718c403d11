// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ContactsView } from '../../src/renderer/features/contacts/contacts-view';
import { SettingsView } from '../../src/renderer/features/settings/settings-view';
import { useTheme } from '../../src/renderer/features/app-frame/use-theme';
import type { Contact } from '../../src/shared/contacts';
import { renderWithStores } from './support/render-app';
import { createTestCore, makeSnapshot, startupAnswers, TEST_SETTINGS } from './support/test-core';

afterEach(() => {
  cleanup();
  delete document.documentElement.dataset.theme;
});

const ada: Contact = {
  id: 'c1',
  name: 'Ada Lovelace',
  company: 'Analytical Engines',
  favourite: false,
  updatedAt: 1,
  numbers: [{ label: 'work', number: '+44 20 7946 0958', dialable: '+442079460958' }],
};

describe('contact editing', () => {
  it('edits, favourites and deletes a contact (deleting asks once more)', async () => {
    const user = userEvent.setup();
    const core = createTestCore({
      ...startupAnswers([makeSnapshot()]),
      'contacts.list': () => [ada],
      'contacts.update': ({ id, contact }) => ({
        ...ada,
        ...contact,
        id,
        company: contact.company ?? '',
        favourite: contact.favourite ?? false,
        numbers: contact.numbers.map((n) => ({ ...n, dialable: null })),
      }),
      'contacts.remove': () => null,
    });
    renderWithStores(core, <ContactsView />);
    const row = await screen.findByRole('article', { name: 'Ada Lovelace' });

    await user.click(within(row).getByRole('button', { name: 'Favourite Ada Lovelace' }));
    await waitFor(() =>
      expect(
        screen.getByRole('button', { name: 'Favourite Ada Lovelace' }).getAttribute('aria-pressed'),
      ).toBe('true'),
    );
    expect(core.requests.find((r) => r.channel === 'contacts.update')?.args).toMatchObject({
      id: 'c1',
      contact: { favourite: true },
    });

    await user.click(screen.getByRole('button', { name: 'Edit Ada Lovelace' }));
    const form = await screen.findByRole('form', { name: 'Edit Ada Lovelace' });
    const name = within(form).getByRole('textbox', { name: 'Name' });
    await user.clear(name);
    await user.type(name, 'Augusta Ada King');
    await user.click(within(form).getByRole('button', { name: 'Save contact' }));
    expect(await screen.findByRole('article', { name: 'Augusta Ada King' })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Delete Augusta Ada King' }));
    expect(core.requests.some((r) => r.channel === 'contacts.remove')).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Delete Augusta Ada King' }));
    await waitFor(() =>
      expect(screen.queryByRole('article', { name: 'Augusta Ada King' })).toBeNull(),
    );
    expect(core.requests.find((r) => r.channel === 'contacts.remove')?.args).toEqual({ id: 'c1' });
  });

  it('will not save a contact without a number', async () => {
    const user = userEvent.setup();
    const core = createTestCore(startupAnswers([makeSnapshot()]));
    renderWithStores(core, <ContactsView />);
    await user.click(await screen.findByRole('button', { name: 'New contact' }));
    await user.type(await screen.findByRole('textbox', { name: 'Name' }), 'Nobody');
    await user.click(screen.getByRole('button', { name: 'Save contact' }));
    expect(screen.getByText('Give at least one number.')).toBeTruthy();
    expect(core.requests.some((request) => request.channel === 'contacts.add')).toBe(false);
  });
});

function Themed() {
  useTheme();
  return <SettingsView />;
}

describe('settings', () => {
  it('saves a change at once and applies the chosen theme to the window', async () => {
    const user = userEvent.setup();
    const core = createTestCore({
      ...startupAnswers([makeSnapshot()]),
      'settings.set': (patch) => ({ ...TEST_SETTINGS, ...patch }),
    });
    renderWithStores(core, <Themed />);
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Theme' }), 'dark');
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('dark'));
    await user.click(screen.getByRole('radio', { name: 'Dial at once' }));
    expect(core.requests.filter((r) => r.channel === 'settings.set').map((r) => r.args)).toEqual([
      { theme: 'dark' },
      { clickToDial: 'dial' },
    ]);
  });

  it('checks poll intervals before saving them on the phone', async () => {
    const user = userEvent.setup();
    const core = createTestCore({
      ...startupAnswers([makeSnapshot()]),
      'phones.update': () => makeSnapshot().info,
    });
    renderWithStores(core, <SettingsView />);
    const idle = await screen.findByRole('spinbutton', { name: 'When idle (seconds)' });
    await user.clear(idle);
    await user.type(idle, '0.5');
    expect(screen.getByText('The idle interval is between 1 and 60 seconds.')).toBeTruthy();
    await user.clear(idle);
    await user.type(idle, '10');
    await user.click(screen.getByRole('button', { name: 'Save intervals' }));
    await waitFor(() =>
      expect(core.requests.find((r) => r.channel === 'phones.update')?.args).toEqual({
        phoneId: 'p1',
        pollIntervalIdleMs: 10_000,
        pollIntervalActiveMs: 1000,
      }),
    );
  });
});
