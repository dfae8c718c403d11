// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ContactsView } from '../../src/renderer/features/contacts/contacts-view';
import { renderWithStores } from './support/render-app';
import { createTestCore, makeSnapshot, startupAnswers } from './support/test-core';

afterEach(cleanup);

const imported = [
  {
    name: 'Ada Lovelace',
    company: 'Analytical',
    favourite: false,
    numbers: [{ label: 'work', number: '+44 20 7946 0001', dialable: '+442079460001' }],
  },
  {
    name: 'Alan Turing',
    company: '',
    favourite: false,
    numbers: [{ label: 'mobile', number: '1002', dialable: '1002' }],
  },
];

describe('contacts import preview', () => {
  it('says so when the chosen file cannot be read, asking the core nothing', async () => {
    const user = userEvent.setup();
    const core = createTestCore(startupAnswers([makeSnapshot()]));
    renderWithStores(core, <ContactsView />);
    const file = new File(['BEGIN:VCARD'], 'gone.vcf', { type: 'text/vcard' });
    file.arrayBuffer = () => Promise.reject(new Error('NotReadableError'));
    await user.upload(screen.getByLabelText('Contacts file to import (vCard or CSV)'), file);
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toContain(
        'Reading gone.vcf failed: it cannot be opened.',
      ),
    );
    expect(core.requests.some((request) => request.channel === 'contacts.previewImport')).toBe(
      false,
    );
  });

  it('shows what will be imported and what is skipped, and imports only on confirmation', async () => {
    const user = userEvent.setup();
    const core = createTestCore({
      ...startupAnswers([makeSnapshot()]),
      'contacts.previewImport': ({ fileName }) => ({
        previewId: `preview-of-${fileName}`,
        format: 'vcard',
        contacts: imported,
        skipped: [{ record: 3, reason: 'The card has no phone number' }],
        notes: [],
      }),
      'contacts.commitImport': () => ({ imported: 2 }),
    });
    renderWithStores(core, <ContactsView />);

    const file = new File(['BEGIN:VCARD\nVERSION:3.0\nEND:VCARD\n'], 'people.vcf', {
      type: 'text/vcard',
    });
    await user.upload(screen.getByLabelText('Contacts file to import (vCard or CSV)'), file);

    const preview = await screen.findByRole('region', { name: 'Import from people.vcf' });
    expect(within(preview).getByText(/2 contacts ready to import, 1 card skipped/)).toBeTruthy();
    expect(within(preview).getByRole('cell', { name: 'Ada Lovelace' })).toBeTruthy();
    expect(within(preview).getByRole('cell', { name: 'mobile: 1002' })).toBeTruthy();
    const skipped = within(preview).getByRole('list', { name: 'Skipped records' });
    expect(skipped.textContent).toBe('Card 3: The card has no phone number');
    expect(core.requests.some((request) => request.channel === 'contacts.commitImport')).toBe(
      false,
    );
    expect(
      core.requests.find((request) => request.channel === 'contacts.previewImport')?.args,
    ).toEqual({
      fileName: 'people.vcf',
      content: 'BEGIN:VCARD\nVERSION:3.0\nEND:VCARD\n',
    });

    core.answer('contacts.list', () =>
      imported.map((contact, index) => ({ ...contact, id: `c${index}`, updatedAt: 1 })),
    );
    await user.click(within(preview).getByRole('button', { name: 'Import 2 contacts' }));
    await waitFor(() =>
      expect(screen.queryByRole('region', { name: 'Import from people.vcf' })).toBeNull(),
    );
    expect(
      core.requests.find((request) => request.channel === 'contacts.commitImport')?.args,
    ).toEqual({ previewId: 'preview-of-people.vcf' });
    expect(await screen.findByRole('article', { name: 'Alan Turing' })).toBeTruthy();
  });

  it('cancelling the preview imports nothing', async () => {
    const user = userEvent.setup();
    const core = createTestCore({
      ...startupAnswers([makeSnapshot()]),
      'contacts.previewImport': () => ({
        previewId: 'p',
        format: 'csv',
        contacts: imported,
        skipped: [],
        notes: [],
      }),
    });
    renderWithStores(core, <ContactsView />);
    await user.upload(
      screen.getByLabelText('Contacts file to import (vCard or CSV)'),
      new File(['x'], 'outlook.csv'),
    );
    await user.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('region', { name: 'Import from outlook.csv' })).toBeNull();
    expect(core.requests.some((request) => request.channel === 'contacts.commitImport')).toBe(
      false,
    );
  });

  it('searches as you type across names and numbers, and dials a number in one click', async () => {
    const user = userEvent.setup();
    const core = createTestCore({
      ...startupAnswers([makeSnapshot()]),
      'contacts.list': () =>
        imported.map((contact, index) => ({ ...contact, id: `c${index}`, updatedAt: 1 })),
      'calls.dial': () => ({ handle: '0x2' }),
    });
    renderWithStores(core, <ContactsView />);
    await screen.findByRole('article', { name: 'Ada Lovelace' });
    await user.type(screen.getByRole('searchbox', { name: 'Search contacts' }), '1002');
    expect(screen.queryByRole('article', { name: 'Ada Lovelace' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Call Alan Turing, mobile 1002' }));
    await waitFor(() =>
      expect(core.requests.find((request) => request.channel === 'calls.dial')?.args).toEqual({
        phoneId: 'p1',
        destination: '1002',
      }),
    );
  });
});
