import { useState } from 'react';
import { count } from '../../lib/count';
import { useAppStore, useStores } from '../../stores/stores-context';
import { ConfirmBox } from '../admin/confirm-box';
import { ConfigPlanView, ConfigReportView, phonesToApply } from './config-change-results';
import { MAX_FLEET_CONFIG_VALUES } from '../../../shared/fleet-limits';
import { valuesOf, type ParameterRow } from './config-values';
import { JobProgress } from './job-progress';
import { PhoneChoiceFields, usePhoneChoice } from './phone-choice';

function ParameterRows({
  rows,
  onChange,
}: {
  rows: readonly ParameterRow[];
  onChange: (rows: ParameterRow[]) => void;
}) {
  const edit = (index: number, change: Partial<ParameterRow>) =>
    onChange(rows.map((row, at) => (at === index ? { ...row, ...change } : row)));
  return (
    <fieldset className="fleet-parameters">
      <legend>Parameters to set (up to {MAX_FLEET_CONFIG_VALUES})</legend>
      {rows.map((row, index) => (
        <div className="admin-actions" key={index}>
          <label className="field">
            Name of parameter {index + 1}
            <input
              value={row.name}
              spellCheck={false}
              autoComplete="off"
              placeholder="e.g. voice.volume.persist.handset"
              onChange={(event) => edit(index, { name: event.target.value })}
            />
          </label>
          <label className="field">
            New value of parameter {index + 1}
            <input
              value={row.value}
              onChange={(event) => edit(index, { value: event.target.value })}
            />
          </label>
          {rows.length > 1 && (
            <button
              type="button"
              className="quiet"
              onClick={() => onChange(rows.filter((_, at) => at !== index))}
            >
              Remove parameter {index + 1}
            </button>
          )}
        </div>
      ))}
      <button
        type="button"
        disabled={rows.length >= MAX_FLEET_CONFIG_VALUES}
        onClick={() => onChange([...rows, { name: '', value: '' }])}
      >
        Add a parameter
      </button>
    </fieldset>
  );
}

/**
 * One configuration change for many phones: choose the phones and up to 20 name = value pairs,
 * preview the per-phone diff, then apply it to one phone first and the rest after, stopping at
 * the first failure, with a report of exactly what changed.
 */
export function ConfigChangeSection({ onShowInventory }: { onShowInventory: () => void }) {
  const stores = useStores();
  const store = stores.fleet.getState();
  const planned = useAppStore('fleet', (state) => state.configPlan);
  const report = useAppStore('fleet', (state) => state.configReport);
  const error = useAppStore('fleet', (state) => state.errors.config);
  const busy = useAppStore('fleet', (state) => state.jobs.config !== null);
  const choice = usePhoneChoice();
  const [rows, setRows] = useState<ParameterRow[]>([{ name: '', value: '' }]);
  const [problems, setProblems] = useState<string[]>([]);
  const [confirming, setConfirming] = useState(false);

  const parsed = valuesOf(rows);
  // A preview speaks of the phones and values it was made for; any edit since makes it stale.
  const stale =
    planned !== null &&
    JSON.stringify({ phoneIds: choice.phoneIds, values: parsed.values }) !==
      JSON.stringify(planned.request);
  const toApply = planned ? phonesToApply(planned.plan) : [];
  // Phones to change come first: when the first one has nothing to change, none has.
  const first = toApply[0]?.changes.length ? toApply[0] : undefined;

  const preview = () => {
    setConfirming(false);
    setProblems(parsed.problems);
    if (parsed.values === null || choice.phoneIds.length === 0) return;
    void store.previewConfig({ phoneIds: [...choice.phoneIds], values: parsed.values });
  };

  return (
    <div className="admin-section">
      <section className="admin-group" aria-labelledby="fleet-config-title">
        <h2 id="fleet-config-title">Change settings on many phones</h2>
        <PhoneChoiceFields choice={choice} name="config-phones" onShowInventory={onShowInventory} />
        <ParameterRows rows={rows} onChange={setRows} />
        {problems.length > 0 && (
          <div role="alert">
            <ul className="field-error" aria-label="Fix these first">
              {problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          </div>
        )}
        <div className="admin-actions">
          <button
            type="button"
            className="primary"
            disabled={busy || choice.phoneIds.length === 0}
            onClick={preview}
          >
            Preview the change on {count(choice.phoneIds.length, 'phone')}
          </button>
        </div>
        <p className="hint">
          The preview reads each phone&apos;s current values and changes nothing.
        </p>
      </section>
      <JobProgress task="config" />
      {error && (
        <p className="report report-problem" role="alert">
          The change could not run: {error}
        </p>
      )}
      {planned && (
        <>
          <ConfigPlanView plan={planned.plan} />
          {stale ? (
            <p className="report report-warning" role="status">
              The phones or the values changed since this preview: preview again before applying.
            </p>
          ) : first === undefined ? (
            <p className="report report-ok" role="status">
              Nothing to apply: no phone that could be read would change.
            </p>
          ) : (
            !confirming && (
              <div className="admin-actions">
                <button type="button" disabled={busy} onClick={() => setConfirming(true)}>
                  Apply to {count(toApply.length, 'phone')}…
                </button>
              </div>
            )
          )}
          {confirming && first && !stale && (
            <ConfirmBox
              title={`Change ${count(toApply.length, 'phone')}?`}
              confirmLabel={`Change ${count(toApply.length, 'phone')}`}
              onConfirm={() => {
                setConfirming(false);
                void store.applyConfig(toApply.map((phone) => phone.phoneId));
              }}
              onCancel={() => setConfirming(false)}
            >
              <p>
                Deskpilot changes {first.name} first and reads it back
                {toApply.length > 1
                  ? `; if that worked, the other ${count(toApply.length - 1, 'phone')} one after another`
                  : ''}
                . It stops at the first phone that fails and reports exactly which phones changed.
              </p>
            </ConfirmBox>
          )}
        </>
      )}
      {report && <ConfigReportView report={report} />}
    </div>
  );
}
