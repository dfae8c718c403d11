import { useState } from 'react';
import type { FleetRestartKind, FleetRestartReport } from '../../../shared/contract/fleet';
import { Checkbox, RadioGroup, TextField } from '../../components/fields';
import { describeUptime } from '../../lib/call-duration';
import { count } from '../../lib/count';
import type { RestartRequest } from '../../stores/fleet-store';
import { useAppStore, useStores } from '../../stores/stores-context';
import { ConfirmBox } from '../admin/confirm-box';
import { JobProgress } from './job-progress';
import { PhoneChoiceFields, usePhoneChoice } from './phone-choice';
import { ReportHeading } from './report-heading';
import { PhoneList, ProblemList } from './phone-lists';

const KINDS: readonly { value: FleetRestartKind; label: string }[] = [
  { value: 'restart', label: 'Restart: the phone software starts again (about a minute)' },
  { value: 'reboot', label: 'Reboot: the whole phone starts again (a few minutes)' },
];
const MAX_STAGGER_SECONDS = 600;

/** The seconds between two phones, or null when the field does not hold a whole 0–600. */
function staggerOf(text: string): number | null {
  const seconds = Number(text);
  return /^\d+$/.test(text.trim()) && seconds <= MAX_STAGGER_SECONDS ? seconds : null;
}

/** A stretch of time in words: "40 seconds", "2 hours, 5 minutes". */
function spanInWords(seconds: number): string {
  return seconds < 60 ? count(seconds, 'second') : describeUptime(seconds);
}

/** What a restart did, or on a dry run would do: done, left alone in a call, failed, not reached. */
function RestartReportView({
  report,
  kind,
}: {
  report: FleetRestartReport;
  kind: FleetRestartKind;
}) {
  const verb = kind === 'reboot' ? 'reboot' : 'restart';
  const failed = report.failed.length > 0 || report.cancelled;
  return (
    <section
      className={`report ${report.dryRun ? '' : failed ? 'report-problem' : 'report-ok'}`}
      aria-labelledby={report.dryRun ? 'fleet-restart-plan-title' : 'fleet-restart-report-title'}
    >
      <ReportHeading id={report.dryRun ? 'fleet-restart-plan-title' : 'fleet-restart-report-title'}>
        {report.dryRun
          ? `Dry run: who would ${verb}`
          : report.cancelled
            ? `The ${verb} was cancelled`
            : `The ${verb} is done`}
      </ReportHeading>
      <PhoneList
        title={report.dryRun ? `Would ${verb}` : verb === 'reboot' ? 'Rebooted' : 'Restarted'}
        phones={report.done}
      />
      <PhoneList title="Left alone, in a call" phones={report.skippedInCall} />
      <ProblemList title="Failed" problems={report.failed} />
      <PhoneList title="Not attempted" phones={report.notAttempted} />
    </section>
  );
}

/**
 * Restart or reboot many phones one after another, a number of seconds apart, never one in a
 * call unless asked: a dry run names who would be restarted and who left alone, then a
 * confirmation, then the report.
 */
export function RestartSection({ onShowInventory }: { onShowInventory: () => void }) {
  const stores = useStores();
  const store = stores.fleet.getState();
  const planned = useAppStore('fleet', (state) => state.restartPlan);
  const report = useAppStore('fleet', (state) => state.restartReport);
  const error = useAppStore('fleet', (state) => state.errors.restart);
  const busy = useAppStore('fleet', (state) => state.jobs.restart !== null);
  const choice = usePhoneChoice();
  const [kind, setKind] = useState<FleetRestartKind>('restart');
  const [staggerText, setStaggerText] = useState('10');
  const [includeInCall, setIncludeInCall] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const staggerSeconds = staggerOf(staggerText);
  const request: RestartRequest | null =
    staggerSeconds === null
      ? null
      : { phoneIds: [...choice.phoneIds], kind, staggerSeconds, includeInCall };
  const stale = planned !== null && JSON.stringify(request) !== JSON.stringify(planned.request);
  const toRestart = planned?.report.done.length ?? 0;
  const plannedKind = planned?.request.kind ?? kind;

  return (
    <div className="admin-section">
      <section className="admin-group" aria-labelledby="fleet-restart-title">
        <h2 id="fleet-restart-title">Restart or reboot many phones</h2>
        <PhoneChoiceFields
          choice={choice}
          name="restart-phones"
          onShowInventory={onShowInventory}
        />
        <RadioGroup
          legend="What to do"
          name="restart-kind"
          value={kind}
          options={KINDS}
          onChange={setKind}
        />
        <TextField
          label="Seconds between two phones (0–600)"
          type="number"
          min={0}
          max={MAX_STAGGER_SECONDS}
          value={staggerText}
          onChange={setStaggerText}
          aria-invalid={staggerSeconds === null}
          aria-describedby={staggerSeconds === null ? 'fleet-stagger-error' : undefined}
        />
        {staggerSeconds === null && (
          <p className="field-error" id="fleet-stagger-error">
            Give a whole number of seconds from 0 to 600.
          </p>
        )}
        <Checkbox checked={includeInCall} onChange={setIncludeInCall}>
          Include phones in a call
        </Checkbox>
        {includeInCall ? (
          <p className="report report-warning" role="alert">
            Phones in a call will {kind} too: their calls are cut off.
          </p>
        ) : (
          <p className="hint">Phones in a call are left alone and listed.</p>
        )}
        <div className="admin-actions">
          <button
            type="button"
            disabled={busy || request === null || choice.phoneIds.length === 0}
            onClick={() => {
              setConfirming(false);
              if (request) void store.previewRestart(request);
            }}
          >
            Dry run on {count(choice.phoneIds.length, 'phone')}
          </button>
        </div>
        <p className="hint">
          A dry run lists who would {kind} and who would be left alone; it restarts nothing.
        </p>
      </section>
      <JobProgress task="restart" />
      {error && (
        <p className="report report-problem" role="alert">
          The {kind} could not run: {error}
        </p>
      )}
      {planned && <RestartReportView report={planned.report} kind={plannedKind} />}
      {planned && stale && (
        <p className="report report-warning" role="status">
          The phones or the options changed since this dry run: run it again first.
        </p>
      )}
      {planned && !stale && toRestart > 0 && !confirming && (
        <div className="admin-actions">
          <button type="button" disabled={busy} onClick={() => setConfirming(true)}>
            {plannedKind === 'reboot' ? 'Reboot' : 'Restart'} {count(toRestart, 'phone')}…
          </button>
        </div>
      )}
      {planned && !stale && confirming && (
        <ConfirmBox
          title={`${plannedKind === 'reboot' ? 'Reboot' : 'Restart'} ${count(toRestart, 'phone')}?`}
          confirmLabel={`${plannedKind === 'reboot' ? 'Reboot' : 'Restart'} ${count(toRestart, 'phone')}`}
          onConfirm={() => {
            setConfirming(false);
            void store.restart();
          }}
          onCancel={() => setConfirming(false)}
        >
          <p>
            One phone every {count(planned.request.staggerSeconds, 'second')}
            {toRestart > 1
              ? `: about ${spanInWords(planned.request.staggerSeconds * (toRestart - 1))} in all`
              : ''}
            . Each phone is out of service until it is back.
            {planned.request.includeInCall ? ' Calls in progress are cut off.' : ''}
          </p>
        </ConfirmBox>
      )}
      {report && <RestartReportView report={report.report} kind={report.kind} />}
    </div>
  );
}
