/**
 * The `fleet.*` channels: each operation runs as a job under the caller's id (fleet-jobs.ts),
 * over the phones it names — or, for the inventory, every configured phone.
 */
import type { FleetProgress } from '../../../shared/contract/fleet';
import type { FailureLog } from '../../ground/contract-error';
import type { HandlersOf } from '../handler-types';
import { applyConfig, previewConfig } from './fleet-config';
import { FleetImport } from './fleet-import';
import { readInventory } from './fleet-inventory';
import { FleetJobs } from './fleet-jobs';
import { selectPhones, type FleetPhones } from './fleet-phones';
import { restartPhones } from './fleet-restart';
import { readImportRows, rowsToTry } from './import-rows';

export interface FleetService {
  handlers: HandlersOf<'fleet.'>;
  /** Cancels every running job (the core is closing). */
  close(): void;
}

/** The fleet handlers over `phones`; progress goes to `emit`. */
export function createFleetService(
  phones: FleetPhones,
  emit: (progress: FleetProgress) => void,
  log: FailureLog,
): FleetService {
  const jobs = new FleetJobs(emit);
  const importer = new FleetImport(phones, log);
  const handlers: HandlersOf<'fleet.'> = {
    'fleet.previewImport': async ({ jobId, csv, acceptFingerprints, ...defaults }) => {
      // A file that cannot be read is refused before any job starts.
      const rows = readImportRows(csv, defaults, phones.list());
      return jobs.run(jobId, 'preview-import', rowsToTry(rows), (job) =>
        importer.preview(rows, acceptFingerprints ?? [], job),
      );
    },
    'fleet.import': async ({ jobId, csv, acceptFingerprints, ...defaults }) => {
      const rows = readImportRows(csv, defaults, phones.list());
      return jobs.run(jobId, 'import', rowsToTry(rows), (job) =>
        importer.import(rows, acceptFingerprints, job),
      );
    },
    'fleet.inventory': async ({ jobId, phoneIds }) => {
      const selection = selectPhones(phones, phoneIds ?? phones.list().map((phone) => phone.id));
      return jobs.run(jobId, 'inventory', selection.length, (job) =>
        readInventory(phones, selection, job, log),
      );
    },
    'fleet.previewConfig': async ({ jobId, phoneIds, values }) => {
      const selection = selectPhones(phones, phoneIds);
      return jobs.run(jobId, 'preview-config', selection.length, (job) =>
        previewConfig(phones, selection, values, job, log),
      );
    },
    'fleet.applyConfig': async ({ jobId, phoneIds, values }) => {
      const selection = selectPhones(phones, phoneIds);
      return jobs.run(jobId, 'apply-config', selection.length, (job) =>
        applyConfig(phones, selection, values, job, log),
      );
    },
    'fleet.restart': async ({ jobId, phoneIds, ...request }) => {
      const selection = selectPhones(phones, phoneIds);
      return jobs.run(jobId, 'restart', selection.length, (job) =>
        restartPhones(phones, selection, request, job, log),
      );
    },
    'fleet.cancel': async ({ jobId }) => {
      jobs.cancel(jobId);
      return null;
    },
  };
  return { handlers, close: () => jobs.cancelAll() };
}
