import { createStore } from 'zustand/vanilla';
import type { DeskpilotApi } from '../../shared/contract/api';
import type { ContractError } from '../../shared/contract/errors';
import type {
  FleetConfigPlan,
  FleetConfigReport,
  FleetImportPreview,
  FleetImportReport,
  FleetInventory,
  FleetProgress,
  FleetRestartKind,
  FleetRestartReport,
} from '../../shared/contract/fleet';

/** The fleet view's kinds of work; one job of each kind runs at a time. */
export type FleetTask = 'inventory' | 'import' | 'config' | 'restart';

/** A job the core is running for this window, as its progress events describe it. */
export interface FleetJob {
  jobId: string;
  /** What the job does, in words ("Changing the phones"). */
  label: string;
  done: number;
  total: number;
  /** What the core is doing now, in words, or null before its first step. */
  current: string | null;
  /** Cancel was asked; the core stops after the phone in hand. */
  cancelling: boolean;
}

export interface ImportRequest {
  csv: string;
  username?: string;
  password?: string;
  group?: string;
}

export interface ConfigRequest {
  phoneIds: string[];
  values: Record<string, string>;
}

export interface RestartRequest {
  phoneIds: string[];
  kind: FleetRestartKind;
  staggerSeconds: number;
  includeInCall: boolean;
}

export interface FleetState {
  jobs: Record<FleetTask, FleetJob | null>;
  /** Why the last request of each kind failed as a whole (the core refused it), in words. */
  errors: Record<FleetTask, string | null>;
  inventory: FleetInventory | null;
  /** Phones chosen in the inventory, by id; changes and restarts may act on them. */
  selected: string[];
  /** The last preview, with the certificates accepted when it was made. */
  importPreview: {
    request: ImportRequest;
    preview: FleetImportPreview;
    acceptedThen: string[];
  } | null;
  /**
   * Certificates the user accepted for the import, by fingerprint: none until ticked. Only a
   * phone whose certificate is accepted gets the password, and only it is added.
   */
  acceptedFingerprints: string[];
  importReport: FleetImportReport | null;
  configPlan: { request: ConfigRequest; plan: FleetConfigPlan } | null;
  configReport: FleetConfigReport | null;
  /** The dry run: who would be restarted and who would be left alone. */
  restartPlan: { request: RestartRequest; report: FleetRestartReport } | null;
  /** What the restart did, with whether it was a restart or a reboot. */
  restartReport: { kind: FleetRestartKind; report: FleetRestartReport } | null;
  /** Follows the core's progress events; returns the unsubscribe. */
  start(): () => void;
  loadInventory(): Promise<void>;
  setSelected(phoneIds: readonly string[]): void;
  /** Tries every row; again after accepting certificates, it signs in to those phones too. */
  previewImport(request: ImportRequest): Promise<void>;
  setAccepted(fingerprints: readonly string[]): void;
  /** Adds the previewed rows, pinning the certificates the user accepted. */
  importPhones(): Promise<void>;
  clearImport(): void;
  previewConfig(request: ConfigRequest): Promise<void>;
  /** Applies the previewed change to the phones it would change and those already set. */
  applyConfig(phoneIds: readonly string[]): Promise<void>;
  previewRestart(request: RestartRequest): Promise<void>;
  restart(): Promise<void>;
  cancel(task: FleetTask): Promise<void>;
}

type Outcome<T> = { ok: true; value: T } | { ok: false; error: ContractError };

const NO_JOBS: Record<FleetTask, null> = {
  inventory: null,
  import: null,
  config: null,
  restart: null,
};

/** A fresh job id the core accepts (letters, digits, - and _), naming its kind for logs. */
function newJobId(task: FleetTask): string {
  return `${task}-${crypto.randomUUID()}`;
}

/**
 * The fleet view's work on many phones: each request runs as a job under a fresh id, its
 * progress followed from the core's events, cancellable, and its last answer kept so the view
 * shows it until the user starts another.
 */
export function createFleetStore(api: DeskpilotApi) {
  return createStore<FleetState>()((set, get) => {
    const setJob = (task: FleetTask, job: FleetJob | null) =>
      set({ jobs: { ...get().jobs, [task]: job } });
    const setError = (task: FleetTask, error: string | null) =>
      set({ errors: { ...get().errors, [task]: error } });

    /** Runs one job of a kind (none if one is already running); null when it failed as a whole. */
    async function run<T>(
      task: FleetTask,
      label: string,
      request: (jobId: string) => Promise<Outcome<T>>,
    ): Promise<T | null> {
      if (get().jobs[task] !== null) return null;
      const jobId = newJobId(task);
      setJob(task, { jobId, label, done: 0, total: 0, current: null, cancelling: false });
      setError(task, null);
      const outcome = await request(jobId);
      setJob(task, null);
      if (!outcome.ok) {
        setError(task, outcome.error.message);
        return null;
      }
      return outcome.value;
    }

    const follow = (progress: FleetProgress) => {
      const jobs = get().jobs;
      const task = (Object.keys(jobs) as FleetTask[]).find(
        (key) => jobs[key]?.jobId === progress.jobId,
      );
      const job = task && jobs[task];
      if (!task || !job) return;
      setJob(task, {
        ...job,
        done: progress.done,
        total: progress.total,
        current: progress.current,
      });
    };

    return {
      jobs: NO_JOBS,
      errors: { inventory: null, import: null, config: null, restart: null },
      inventory: null,
      selected: [],
      importPreview: null,
      acceptedFingerprints: [],
      importReport: null,
      configPlan: null,
      configReport: null,
      restartPlan: null,
      restartReport: null,
      start: () => api.events.on('fleet-progress', follow),
      async loadInventory() {
        const inventory = await run('inventory', 'Reading the inventory', (jobId) =>
          api.fleet.inventory({ jobId }),
        );
        if (!inventory) return;
        // A phone removed since it was chosen is no longer chosen.
        const known = new Set(inventory.rows.map((row) => row.phoneId));
        set({ inventory, selected: get().selected.filter((id) => known.has(id)) });
      },
      setSelected: (phoneIds) => set({ selected: [...new Set(phoneIds)] }),
      async previewImport(request) {
        // Accepting a certificate is about this file's phones: a new file starts with none.
        const sameFile = get().importPreview?.request.csv === request.csv;
        const acceptFingerprints = sameFile ? get().acceptedFingerprints : [];
        set({ importReport: null, acceptedFingerprints: acceptFingerprints });
        const preview = await run('import', 'Trying each phone of the file', (jobId) =>
          api.fleet.previewImport({ jobId, ...request, acceptFingerprints }),
        );
        if (preview) set({ importPreview: { request, preview, acceptedThen: acceptFingerprints } });
      },
      setAccepted: (fingerprints) => set({ acceptedFingerprints: [...new Set(fingerprints)] }),
      async importPhones() {
        const previewed = get().importPreview;
        if (!previewed) return;
        const report = await run('import', 'Adding the phones', (jobId) =>
          api.fleet.import({
            jobId,
            ...previewed.request,
            acceptFingerprints: get().acceptedFingerprints,
          }),
        );
        if (!report) return;
        set({ importReport: report, importPreview: null, acceptedFingerprints: [] });
        if (report.added.length > 0 && get().inventory) await get().loadInventory();
      },
      clearImport: () => set({ importPreview: null, importReport: null, acceptedFingerprints: [] }),
      async previewConfig(request) {
        set({ configPlan: null, configReport: null });
        const plan = await run('config', 'Reading the current values', (jobId) =>
          api.fleet.previewConfig({ jobId, ...request }),
        );
        if (plan) set({ configPlan: { request, plan } });
      },
      async applyConfig(phoneIds) {
        const planned = get().configPlan;
        if (!planned || phoneIds.length === 0) return;
        const report = await run('config', 'Changing the phones', (jobId) =>
          api.fleet.applyConfig({
            jobId,
            phoneIds: [...phoneIds],
            values: planned.request.values,
          }),
        );
        if (report) set({ configReport: report, configPlan: null });
      },
      async previewRestart(request) {
        set({ restartPlan: null, restartReport: null });
        const report = await run('restart', 'Checking which phones are in a call', (jobId) =>
          api.fleet.restart({ jobId, ...request, dryRun: true }),
        );
        if (report) set({ restartPlan: { request, report } });
      },
      async restart() {
        const planned = get().restartPlan;
        if (!planned) return;
        const report = await run(
          'restart',
          planned.request.kind === 'reboot' ? 'Rebooting the phones' : 'Restarting the phones',
          (jobId) => api.fleet.restart({ jobId, ...planned.request, dryRun: false }),
        );
        if (report)
          set({ restartReport: { kind: planned.request.kind, report }, restartPlan: null });
      },
      async cancel(task) {
        const job = get().jobs[task];
        if (!job || job.cancelling) return;
        setJob(task, { ...job, cancelling: true });
        const outcome = await api.fleet.cancel({ jobId: job.jobId });
        if (!outcome.ok) setError(task, `Cancelling failed: ${outcome.error.message}`);
      },
    };
  });
}
