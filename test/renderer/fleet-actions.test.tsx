// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { FleetView } from '../../src/renderer/features/fleet/fleet-view';
import type {
  FleetConfigPlan,
  FleetImportPreview,
  FleetRestartReport,
} from '../../src/shared/contract/fleet';
import { renderWithStores } from './support/render-app';
import {
  createTestCore,
  makeInventoryRow,
  makeSnapshot,
  startupAnswers,
  type Answers,
} from './support/test-core';

afterEach(cleanup);

const PHONES = [
  { id: 'a', name: 'Alpha', group: 'Sales' },
  { id: 'b', name: 'Bravo', group: 'Sales' },
  { id: 'c', name: 'Charlie', group: 'Reception' },
];

function fleetCore(answers: Answers = {}) {
  return createTestCore({
    ...startupAnswers(
      PHONES.map(({ id, name, group }) =>
        makeSnapshot({ info: { ...makeSnapshot().info, id, name, group } }),
      ),
    ),
    'fleet.inventory': () => ({
      rows: PHONES.map(({ id, name, group }) => makeInventoryRow({ phoneId: id, name, group })),
      cancelled: false,
    }),
    'fleet.cancel': () => null,
    ...answers,
  });
}

/** A fleet job the test ends when it likes, as a long one on many phones would. */
function pending<T>() {
  let finish: (value: T) => void = () => undefined;
  const answer = new Promise<T>((resolve) => {
    finish = resolve;
  });
  return { answer, finish };
}

async function openTab(name: string) {
  await userEvent.setup().click(await screen.findByRole('tab', { name }));
}

const ALPHA_DIFF = {
  phoneId: 'a',
  name: 'Alpha',
  changes: [{ name: 'voice.volume.persist.handset', current: '0', source: 'default', next: '1' }],
  problem: null,
};

const PLAN: FleetConfigPlan = {
  phones: [
    ALPHA_DIFF,
    { phoneId: 'b', name: 'Bravo', changes: [], problem: null },
    { phoneId: 'c', name: 'Charlie', changes: [], problem: 'Wrong admin password.' },
  ],
  cancelled: false,
};

describe('fleet settings change', () => {
  it('previews the per-phone diff for the inventory selection, then applies it and reports exactly', async () => {
    const user = userEvent.setup();
    const core = fleetCore({
      'fleet.previewConfig': () => PLAN,
      'fleet.applyConfig': () => ({
        changed: [],
        unchanged: [],
        failed: { phoneId: 'a', name: 'Alpha', message: 'The phone refused the value.' },
        notAttempted: [{ phoneId: 'b', name: 'Bravo' }],
        cancelled: false,
      }),
    });
    renderWithStores(core, <FleetView />);
    const table = await screen.findByRole('table', { name: /^Phones/ });
    await user.click(within(table).getByRole('checkbox', { name: 'Select all 3 phones shown' }));
    await openTab('Change settings');
    expect(screen.getByRole('radio', { name: 'The 3 phones selected in Inventory' })).toBeTruthy();
    await user.type(screen.getByLabelText('Name of parameter 1'), 'voice.volume.persist.handset');
    await user.type(screen.getByLabelText('New value of parameter 1'), '1');
    await user.click(screen.getByRole('button', { name: 'Preview the change on 3 phones' }));

    const plan = await screen.findByRole('region', { name: 'What would change' });
    expect(core.callsTo('fleet.previewConfig')[0]).toMatchObject({
      phoneIds: ['a', 'b', 'c'],
      values: { 'voice.volume.persist.handset': '1' },
    });
    const alpha = within(plan).getByRole('row', { name: /Alpha/ });
    expect(alpha.textContent).toBe('Alphavoice.volume.persist.handset0 (default)1');
    expect(
      within(plan).getByRole('list', { name: 'Already set, would not change' }).textContent,
    ).toBe('Bravo');
    expect(within(plan).getByRole('list', { name: 'Cannot be read, left out' }).textContent).toBe(
      'Charlie: Wrong admin password.',
    );
    expect(core.callsTo('fleet.applyConfig')).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Apply to 2 phones…' }));
    const confirm = screen.getByRole('alertdialog', { name: 'Change 2 phones?' });
    expect(confirm.textContent).toContain('changes Alpha first');
    expect(confirm.textContent).toContain('stops at the first phone that fails');
    await user.click(within(confirm).getByRole('button', { name: 'Change 2 phones' }));

    const report = await screen.findByRole('region', { name: 'The change stopped at Alpha' });
    // The report takes the focus, so a screen reader says how the change ended.
    expect(document.activeElement).toBe(within(report).getByRole('heading', { level: 2 }));
    expect(core.callsTo('fleet.applyConfig')[0]).toMatchObject({ phoneIds: ['a', 'b'] });
    expect(within(report).getByRole('list', { name: 'Failed' }).textContent).toBe(
      'Alpha: The phone refused the value.',
    );
    expect(within(report).getByRole('list', { name: 'Not attempted' }).textContent).toBe('Bravo');
    expect(report.textContent).toContain(
      '0 phones changed, 0 unchanged, 1 failed, 1 not attempted',
    );
  });

  it('names what to fix in the parameters before asking any phone', async () => {
    const user = userEvent.setup();
    const core = fleetCore();
    renderWithStores(core, <FleetView />);
    await openTab('Change settings');
    await user.click(screen.getByRole('radio', { name: 'Every phone' }));
    await user.type(screen.getByLabelText('Name of parameter 1'), 'not a name');
    await user.click(screen.getByRole('button', { name: 'Add a parameter' }));
    await user.type(screen.getByLabelText('New value of parameter 2'), '5');
    await user.click(screen.getByRole('button', { name: 'Preview the change on 3 phones' }));
    const problems = screen.getByRole('list', { name: 'Fix these first' });
    expect(problems.textContent).toContain('Parameter 1: “not a name” is not a parameter name');
    expect(problems.textContent).toContain('Parameter 2 has a value but no name.');
    expect(core.callsTo('fleet.previewConfig')).toEqual([]);
  });

  it('shows the job’s progress with counts, cancels it, and keeps what it read', async () => {
    const user = userEvent.setup();
    const job = pending<FleetConfigPlan>();
    const core = fleetCore({ 'fleet.previewConfig': () => job.answer });
    renderWithStores(core, <FleetView />);
    await openTab('Change settings');
    await user.click(screen.getByRole('radio', { name: 'Every phone in a group' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Group' }), 'Sales');
    await user.type(screen.getByLabelText('Name of parameter 1'), 'tone.ringer.volume');
    await user.type(screen.getByLabelText('New value of parameter 1'), '3');
    await user.click(screen.getByRole('button', { name: 'Preview the change on 2 phones' }));

    const args = core.callsTo('fleet.previewConfig')[0] as { jobId: string; phoneIds: string[] };
    expect(args.phoneIds).toEqual(['a', 'b']);
    core.emit('fleet-progress', {
      jobId: args.jobId,
      operation: 'preview-config',
      done: 1,
      total: 2,
      current: 'Reading Bravo',
      ended: false,
    });
    const progress = await screen.findByRole('group', { name: 'Reading the current values' });
    expect(within(progress).getByRole('status').textContent).toBe('1 of 2 — Reading Bravo');
    // The rest of the view stays usable while the job runs.
    await openTab('Inventory');
    expect(screen.getByRole('table', { name: /^Phones/ })).toBeTruthy();
    await openTab('Change settings');

    await user.click(within(progress).getByRole('button', { name: 'Cancel' }));
    expect(core.callsTo('fleet.cancel')).toEqual([{ jobId: args.jobId }]);
    expect(within(progress).getByRole('button', { name: 'Cancelling…' })).toBeTruthy();
    job.finish({
      phones: [
        ALPHA_DIFF,
        {
          phoneId: 'b',
          name: 'Bravo',
          changes: [],
          problem: 'Not read: the preview was cancelled.',
        },
      ],
      cancelled: true,
    });
    const plan = await screen.findByRole('region', { name: 'What would change' });
    expect(plan.textContent).toContain('The preview was cancelled');
    expect(within(plan).getByRole('list', { name: 'Cannot be read, left out' }).textContent).toBe(
      'Bravo: Not read: the preview was cancelled.',
    );
    expect(screen.queryByRole('group', { name: 'Reading the current values' })).toBeNull();
  });
});

const IMPORT_PREVIEW: FleetImportPreview = {
  rows: [
    {
      line: 2,
      name: 'Lobby',
      url: 'http://127.0.0.1:9001',
      group: 'Reception',
      action: 'add',
      reason: null,
      fingerprint: null,
      checked: true,
      model: 'VVX411',
      firmware: '5.9.0',
      admin: true,
    },
    {
      line: 3,
      name: 'Boardroom',
      url: 'https://127.0.0.1:9002',
      group: null,
      action: 'add',
      reason: null,
      fingerprint: `AB${':CD'.repeat(31)}`,
      checked: false,
      model: null,
      firmware: null,
      admin: false,
    },
    {
      line: 4,
      name: 'Lobby',
      url: 'http://127.0.0.1:9003',
      group: null,
      action: 'skip',
      reason: 'The name Lobby is already used on line 2.',
      fingerprint: null,
      checked: false,
      model: null,
      firmware: null,
      admin: false,
    },
  ],
  certificates: [
    { url: 'https://127.0.0.1:9002', name: 'Boardroom', fingerprint: `AB${':CD'.repeat(31)}` },
  ],
  cancelled: false,
};

describe('fleet import', () => {
  it('previews every row with its reason, lists certificates unaccepted, and imports what was accepted', async () => {
    const user = userEvent.setup();
    const core = fleetCore({
      'fleet.previewImport': () => IMPORT_PREVIEW,
      'fleet.import': () => ({
        added: [
          { phoneId: 'x', name: 'Lobby' },
          { phoneId: 'y', name: 'Boardroom' },
        ],
        skipped: [{ line: 4, name: 'Lobby', reason: 'The name Lobby is already used on line 2.' }],
        cancelled: false,
      }),
    });
    renderWithStores(core, <FleetView />);
    await openTab('Import');
    await user.type(
      screen.getByLabelText(/Phones as CSV/),
      'name,address{Enter}Lobby,127.0.0.1:9001',
    );
    await user.type(screen.getByLabelText('Password'), 'secret');
    await user.type(screen.getByLabelText(/Group for rows without one/), 'Reception');
    await user.click(screen.getByRole('button', { name: 'Preview the import' }));

    const preview = await screen.findByRole('region', { name: 'Import preview' });
    expect(core.callsTo('fleet.previewImport')[0]).toMatchObject({
      csv: 'name,address\nLobby,127.0.0.1:9001',
      username: 'Polycom',
      password: 'secret',
      group: 'Reception',
      acceptFingerprints: [],
    });
    expect(within(preview).getByRole('row', { name: /Line 4|^4/ }).textContent).toContain(
      'Skip: The name Lobby is already used on line 2.',
    );
    expect(within(preview).getByRole('row', { name: /Boardroom/ }).textContent).toContain(
      'Skip unless its certificate is accepted',
    );
    const certificate = within(preview).getByRole('checkbox', {
      name: 'Accept the certificate of Boardroom (https://127.0.0.1:9002)',
    });
    expect((certificate as HTMLInputElement).checked).toBe(false);
    expect(preview.textContent).toContain(`AB${':CD'.repeat(31)}`);
    expect(within(preview).getByRole('button', { name: 'Import 1 phone' })).toBeTruthy();

    await user.click(certificate);
    expect(within(preview).getByRole('button', { name: 'Import 2 phones' })).toBeTruthy();
    expect(
      within(preview).getByRole('button', { name: 'Preview again with the accepted certificates' }),
    ).toBeTruthy();
    await user.click(within(preview).getByRole('button', { name: 'Import 2 phones' }));

    const report = await screen.findByRole('region', { name: 'The import is done' });
    expect(core.callsTo('fleet.import')[0]).toMatchObject({
      password: 'secret',
      acceptFingerprints: [`AB${':CD'.repeat(31)}`],
    });
    expect(within(report).getByRole('list', { name: 'Added' }).textContent).toBe('LobbyBoardroom');
    expect(within(report).getByRole('list', { name: 'Skipped' }).textContent).toBe(
      'Line 4, Lobby: The name Lobby is already used on line 2.',
    );
  });
});

describe('fleet restart', () => {
  const dryRun: FleetRestartReport = {
    done: [{ phoneId: 'a', name: 'Alpha' }],
    skippedInCall: [{ phoneId: 'b', name: 'Bravo' }],
    failed: [],
    notAttempted: [],
    cancelled: false,
    dryRun: true,
  };

  it('dry-runs first, leaving phones in a call alone, then restarts after a confirmation', async () => {
    const user = userEvent.setup();
    const core = fleetCore({
      'fleet.restart': (args) =>
        args.dryRun
          ? dryRun
          : {
              ...dryRun,
              dryRun: false,
              failed: [{ phoneId: 'a', name: 'Alpha', message: 'Offline.' }],
              done: [],
            },
    });
    renderWithStores(core, <FleetView />);
    await openTab('Restart');
    await user.click(screen.getByRole('radio', { name: 'Every phone in a group' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Group' }), 'Sales');
    expect(
      (screen.getByRole('checkbox', { name: 'Include phones in a call' }) as HTMLInputElement)
        .checked,
    ).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Dry run on 2 phones' }));

    const plan = await screen.findByRole('region', { name: 'Dry run: who would restart' });
    expect(core.callsTo('fleet.restart')[0]).toMatchObject({
      phoneIds: ['a', 'b'],
      kind: 'restart',
      staggerSeconds: 10,
      includeInCall: false,
      dryRun: true,
    });
    expect(within(plan).getByRole('list', { name: 'Would restart' }).textContent).toBe('Alpha');
    expect(within(plan).getByRole('list', { name: 'Left alone, in a call' }).textContent).toBe(
      'Bravo',
    );
    await user.click(screen.getByRole('button', { name: 'Restart 1 phone…' }));
    const confirm = screen.getByRole('alertdialog', { name: 'Restart 1 phone?' });
    await user.click(within(confirm).getByRole('button', { name: 'Restart 1 phone' }));

    const report = await screen.findByRole('region', { name: 'The restart is done' });
    expect(core.callsTo('fleet.restart')[1]).toMatchObject({ dryRun: false, includeInCall: false });
    expect(within(report).getByRole('list', { name: 'Failed' }).textContent).toBe(
      'Alpha: Offline.',
    );
  });

  it('warns before phones in a call are included, and asks for the dry run again after a change', async () => {
    const user = userEvent.setup();
    const core = fleetCore({ 'fleet.restart': () => dryRun });
    renderWithStores(core, <FleetView />);
    await openTab('Restart');
    await user.click(screen.getByRole('radio', { name: 'Every phone' }));
    await user.click(screen.getByRole('button', { name: 'Dry run on 3 phones' }));
    await screen.findByRole('region', { name: 'Dry run: who would restart' });
    await user.click(screen.getByRole('checkbox', { name: 'Include phones in a call' }));
    expect(screen.getByRole('alert').textContent).toBe(
      'Phones in a call will restart too: their calls are cut off.',
    );
    expect(screen.queryByRole('button', { name: /^Restart \d/ })).toBeNull();
    await waitFor(() =>
      expect(screen.getByText(/options changed since this dry run/)).toBeTruthy(),
    );
  });
});
