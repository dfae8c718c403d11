// @vitest-environment happy-dom
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanPastedNumber, DialPad } from '../../src/renderer/features/dialpad/dial-pad';
import { renderWithStores } from './support/render-app';
import { createTestCore, makeSnapshot, startupAnswers } from './support/test-core';

afterEach(cleanup);

function setup() {
  const core = createTestCore({
    ...startupAnswers([makeSnapshot()]),
    'calls.dial': () => ({ handle: '0x1' }),
  });
  renderWithStores(core, <DialPad />);
  const dials = () =>
    core.requests
      .filter((request) => request.channel === 'calls.dial')
      .map((request) => request.args);
  return { core, dials };
}

describe('dial pad', () => {
  it('dials what was typed when Enter is pressed, then clears the field', async () => {
    const user = userEvent.setup();
    const { dials } = setup();
    const field = await screen.findByRole('textbox', { name: 'Number to dial' });
    await user.type(field, '1001{Enter}');
    await waitFor(() => expect(dials()).toEqual([{ phoneId: 'p1', destination: '1001' }]));
    await waitFor(() => expect((field as HTMLInputElement).value).toBe(''));
  });

  it('builds the number from the on-screen keypad and dials on the chosen line', async () => {
    const user = userEvent.setup();
    const { dials } = setup();
    const keypad = await screen.findByRole('group', { name: 'Dial pad' });
    // Each key is named by what it shows, digit and letters.
    for (const key of ['2 ABC', '0 +', '0 +', '#'])
      await user.click(within(keypad).getByRole('button', { name: key }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Line' }), '1');
    await user.click(screen.getByRole('button', { name: 'Dial' }));
    await waitFor(() => expect(dials()).toEqual([{ phoneId: 'p1', destination: '200#', line: 1 }]));
  });

  it('falls back to the default line when the chosen one stops being registered', async () => {
    const user = userEvent.setup();
    const { core, dials } = setup();
    const picker = (await screen.findByRole('combobox', { name: 'Line' })) as HTMLSelectElement;
    await user.selectOptions(picker, '1');
    const [line1, line2] = makeSnapshot().lines;
    if (!line1 || !line2) throw new Error('the test snapshot has two lines');
    act(() =>
      core.emit('phone', {
        type: 'lines-changed',
        phoneId: 'p1',
        lines: [{ ...line1, registration: 'Unregistered' }, line2],
      }),
    );
    expect(picker.value).toBe('');
    await user.type(screen.getByRole('textbox', { name: 'Number to dial' }), '1001{Enter}');
    await waitFor(() => expect(dials()).toEqual([{ phoneId: 'p1', destination: '1001' }]));
  });

  it('shows unregistered lines as unavailable and says why', async () => {
    setup();
    const option = (await screen.findByRole('option', {
      name: 'Line 2: 1002 (not registered)',
    })) as HTMLOptionElement;
    expect(option.disabled).toBe(true);
    expect(screen.getByText(/Line 2 is not registered with the phone system/)).toBeTruthy();
  });

  it('accepts pasted formatted numbers and links', async () => {
    const user = userEvent.setup();
    setup();
    const field = (await screen.findByRole('textbox', {
      name: 'Number to dial',
    })) as HTMLInputElement;
    await user.click(field);
    await user.paste('tel:+1 (555) 010-2000\n');
    expect(field.value).toBe('+1 (555) 010-2000');
    expect(cleanPastedNumber('  sip:alice@pbx.example ')).toBe('sip:alice@pbx.example');
  });
});
