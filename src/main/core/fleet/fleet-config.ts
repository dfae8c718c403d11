/**
 * Changing configuration on many phones. The preview reads each phone's current values and
 * their source (a few phones at a time) and lists only what differs. Applying goes one phone at
 * a time — the first alone is the trial, and a failure on any phone stops the change before the
 * next one starts, so a wrong value reaches as few phones as possible and the report says
 * exactly which phones have it: each phone's values are set, then read back and compared.
 */
import type {
  FleetConfigChange,
  FleetConfigDiff,
  FleetConfigPlan,
  FleetConfigReport,
  FleetPhoneRef,
} from '../../../shared/contract/fleet';
import type { FailureLog } from '../../ground/contract-error';
import { DeskpilotError } from '../../ground/deskpilot-error';
import { eachBounded, FLEET_CONCURRENCY, type FleetJob } from './fleet-jobs';
import {
  problemText,
  refOf,
  type FleetPhones,
  type FleetSession,
  type SelectedPhone,
} from './fleet-phones';

/** How a phone shows a secret's value (a password): never the value itself. */
const HIDDEN_VALUE = '********';

/** One parameter to change; `secret` when the phone hides its value, so it is never shown. */
interface Difference extends FleetConfigChange {
  secret: boolean;
}

/**
 * The changes `values` would make on a phone: only the parameters whose value differs. A value
 * the phone hides cannot be compared, so it is always set, and its new value is never shown.
 */
async function differences(
  session: FleetSession,
  values: Readonly<Record<string, string>>,
): Promise<Difference[]> {
  const current = await session.config.get({ names: Object.keys(values) });
  return Object.entries(values).flatMap(([name, next]) => {
    const now = current[name] ?? null;
    const secret = now?.value === HIDDEN_VALUE;
    if (now !== null && now.value === next && !secret) return [];
    return [{ name, current: now?.value ?? null, source: now?.source ?? null, next, secret }];
  });
}

/** A difference as a preview shows it: a secret's new value hidden like the phone hides it. */
function shown({ name, current, source, next, secret }: Difference): FleetConfigChange {
  return { name, current, source, next: secret ? HIDDEN_VALUE : next };
}

/** What the change would do to each phone of `selection`, nothing changed. */
export async function previewConfig(
  phones: FleetPhones,
  selection: readonly SelectedPhone[],
  values: Readonly<Record<string, string>>,
  job: FleetJob,
  log: FailureLog,
): Promise<FleetConfigPlan> {
  const diffs = new Map<string, FleetConfigDiff>();
  await eachBounded(selection, FLEET_CONCURRENCY, job, async (phone) => {
    job.report(`Reading ${phone.name}`);
    let diff: FleetConfigDiff;
    try {
      const changes = await differences(phones.session(phone.phoneId), values);
      diff = { ...refOf(phone), changes: changes.map(shown), problem: null };
    } catch (error) {
      diff = {
        ...refOf(phone),
        changes: [],
        problem: problemText(error, 'fleet.previewConfig', log),
      };
    }
    diffs.set(phone.phoneId, diff);
    job.step(`Read ${phone.name}`);
  });
  return {
    phones: selection.map(
      (phone) =>
        diffs.get(phone.phoneId) ?? {
          ...refOf(phone),
          changes: [],
          problem: 'Not read: the preview was cancelled.',
        },
    ),
    cancelled: job.cancelled,
  };
}

/**
 * Sets what differs on one phone and reads it back: 'changed', 'unchanged', or throws what went
 * wrong (the phone refused, or did not keep a value).
 */
async function applyTo(
  session: FleetSession,
  values: Readonly<Record<string, string>>,
): Promise<'changed' | 'unchanged'> {
  const changes = await differences(session, values);
  if (changes.length === 0) return 'unchanged';
  await session.config.set({
    values: Object.fromEntries(changes.map((change) => [change.name, change.next])),
  });
  const kept = (await differences(session, values)).filter((change) => !change.secret);
  if (kept.length > 0) {
    const described = kept
      .map(
        (change) =>
          `${change.name} is "${change.current ?? ''}" (${change.source ?? 'unknown source'})`,
      )
      .join(', ');
    throw new DeskpilotError(
      'phone-error',
      `The phone took the change but reads back other values: ${described}.`,
    );
  }
  return 'changed';
}

/** Changes the phones of `selection` one after another, stopping at the first failure. */
export async function applyConfig(
  phones: FleetPhones,
  selection: readonly SelectedPhone[],
  values: Readonly<Record<string, string>>,
  job: FleetJob,
  log: FailureLog,
): Promise<FleetConfigReport> {
  const report: FleetConfigReport = {
    changed: [],
    unchanged: [],
    failed: null,
    notAttempted: [],
    cancelled: false,
  };
  const started = await eachBounded(
    selection,
    1,
    job,
    async (phone) => {
      job.report(`Changing ${phone.name}`);
      let done: string;
      try {
        const result = await applyTo(phones.session(phone.phoneId), values);
        report[result].push(refOf(phone));
        done = result === 'changed' ? 'Changed' : 'Already set:';
      } catch (error) {
        report.failed = { ...refOf(phone), message: problemText(error, 'fleet.applyConfig', log) };
        done = 'Failed on';
      }
      job.step(`${done} ${phone.name}`);
    },
    () => report.failed !== null,
  );
  report.notAttempted = selection
    .filter((_, index) => !started[index])
    .map((phone): FleetPhoneRef => refOf(phone));
  report.cancelled = job.cancelled;
  return report;
}
