/**
 * Restarting or rebooting many phones: one after another, `staggerSeconds` apart (so a floor of
 * phones never re-registers at once, and the wait ends early on cancel). A phone with a call up
 * is left alone unless the admin insists; a dry run reads the calls and says what it would do.
 * A phone that fails is reported and the next one goes ahead.
 */
import type { FleetRestartKind, FleetRestartReport } from '../../../shared/contract/fleet';
import type { FailureLog } from '../../ground/contract-error';
import { eachBounded, type FleetJob } from './fleet-jobs';
import { problemText, refOf, type FleetPhones, type SelectedPhone } from './fleet-phones';

export interface RestartRequest {
  kind: FleetRestartKind;
  staggerSeconds: number;
  includeInCall: boolean;
  dryRun: boolean;
}

/** Restarts (or reboots) the phones of `selection`, in order. */
export async function restartPhones(
  phones: FleetPhones,
  selection: readonly SelectedPhone[],
  request: RestartRequest,
  job: FleetJob,
  log: FailureLog,
): Promise<FleetRestartReport> {
  const report: FleetRestartReport = {
    done: [],
    skippedInCall: [],
    failed: [],
    notAttempted: [],
    cancelled: false,
    dryRun: request.dryRun,
  };
  const [verb, past] =
    request.kind === 'reboot' ? ['Rebooting', 'Rebooted'] : ['Restarting', 'Restarted'];
  let restarted = 0;
  const started = await eachBounded(selection, 1, job, async (phone) => {
    // The pause comes between two phones actually restarted, never before the first.
    if (restarted > 0 && !request.dryRun) {
      job.report(`Waiting ${request.staggerSeconds} s before ${phone.name}`);
      await job.wait(request.staggerSeconds * 1000);
      if (job.cancelled) {
        report.notAttempted.push(refOf(phone));
        return;
      }
    }
    job.report(`${verb} ${phone.name}`);
    let done: string;
    try {
      const session = phones.session(phone.phoneId);
      const calls = request.includeInCall ? [] : await session.refresh();
      if (calls.length > 0) {
        report.skippedInCall.push(refOf(phone));
        done = 'Left alone (a call is up):';
      } else {
        if (!request.dryRun) await session.device[request.kind]();
        report.done.push(refOf(phone));
        restarted += 1;
        done = request.dryRun ? `Would be ${past.toLowerCase()}:` : past;
      }
    } catch (error) {
      report.failed.push({ ...refOf(phone), message: problemText(error, 'fleet.restart', log) });
      done = 'Failed on';
    }
    job.step(`${done} ${phone.name}`);
  });
  report.notAttempted.push(...selection.filter((_, index) => !started[index]).map(refOf));
  report.cancelled = job.cancelled;
  return report;
}
