import type {
  FleetConfigDiff,
  FleetConfigPlan,
  FleetConfigReport,
} from '../../../shared/contract/fleet';
import { count } from '../../lib/count';
import { ReportHeading } from './report-heading';
import { PhoneList, ProblemList } from './phone-lists';

/** The value as the diff shows it: an empty value and an unknown parameter said in words. */
function shownValue(value: string | null): string {
  if (value === null) return '(not known to the phone)';
  return value === '' ? '(empty)' : value;
}

/** Phones to change, in the plan's order: those with changes first, then those already set. */
export function phonesToApply(plan: FleetConfigPlan): FleetConfigDiff[] {
  const readable = plan.phones.filter((phone) => phone.problem === null);
  return [
    ...readable.filter((phone) => phone.changes.length > 0),
    ...readable.filter((phone) => phone.changes.length === 0),
  ];
}

/**
 * The per-phone diff: each parameter's current value and where it comes from → the new value;
 * then the phones already set, and those that could not be read with why.
 */
export function ConfigPlanView({ plan }: { plan: FleetConfigPlan }) {
  const changing = plan.phones.filter(
    (phone) => phone.problem === null && phone.changes.length > 0,
  );
  const unchanged = plan.phones.filter(
    (phone) => phone.problem === null && phone.changes.length === 0,
  );
  const unreadable = plan.phones.flatMap((phone) =>
    phone.problem === null
      ? []
      : [{ phoneId: phone.phoneId, name: phone.name, message: phone.problem }],
  );
  return (
    <section className="admin-group" aria-labelledby="fleet-config-plan-title">
      <ReportHeading id="fleet-config-plan-title">What would change</ReportHeading>
      <p>
        {count(plan.phones.length, 'phone')}: {changing.length} would change, {unchanged.length}{' '}
        already set, {unreadable.length} cannot be read.
      </p>
      {plan.cancelled && (
        <p className="report report-warning">
          The preview was cancelled: it shows only the phones read before.
        </p>
      )}
      {changing.length > 0 && (
        <div className="fleet-table-scroll">
          <table className="admin-table config-diff">
            <caption className="visually-hidden">Changes by phone</caption>
            <thead>
              <tr>
                <th scope="col">Phone</th>
                <th scope="col">Parameter</th>
                <th scope="col">Now (source)</th>
                <th scope="col">Becomes</th>
              </tr>
            </thead>
            <tbody>
              {changing.flatMap((phone) =>
                phone.changes.map((change, index) => (
                  <tr key={`${phone.phoneId}-${change.name}`}>
                    {index === 0 && (
                      <th scope="row" rowSpan={phone.changes.length}>
                        {phone.name}
                      </th>
                    )}
                    <td>
                      <code>{change.name}</code>
                    </td>
                    <td>
                      <del>{shownValue(change.current)}</del>
                      {change.source && <span className="muted"> ({change.source})</span>}
                    </td>
                    <td>
                      <ins>{shownValue(change.next)}</ins>
                    </td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </div>
      )}
      <PhoneList title="Already set, would not change" phones={unchanged} />
      <ProblemList title="Cannot be read, left out" problems={unreadable} />
    </section>
  );
}

/** Exactly what the change did: changed, unchanged, the failure that stopped it, the rest. */
export function ConfigReportView({ report }: { report: FleetConfigReport }) {
  const stopped = report.failed !== null || report.cancelled;
  return (
    <section
      className={`report ${stopped ? 'report-problem' : 'report-ok'}`}
      aria-labelledby="fleet-config-report-title"
    >
      <ReportHeading id="fleet-config-report-title">
        {report.cancelled
          ? 'The change was cancelled'
          : report.failed
            ? `The change stopped at ${report.failed.name}`
            : 'The change is done'}
      </ReportHeading>
      <p>
        {count(report.changed.length, 'phone')} changed, {report.unchanged.length} unchanged
        {report.failed ? ', 1 failed' : ''}, {report.notAttempted.length} not attempted.
      </p>
      <PhoneList title="Changed and read back" phones={report.changed} />
      <PhoneList title="Unchanged, already set" phones={report.unchanged} />
      {report.failed && <ProblemList title="Failed" problems={[report.failed]} />}
      <PhoneList title="Not attempted" phones={report.notAttempted} />
    </section>
  );
}
