import type { FleetJob, FleetTask } from '../../stores/fleet-store';
import { useAppStore, useStores } from '../../stores/stores-context';

/**
 * A running job's bar with its counts and what it is doing ("12 of 40 — Restarting Desk 12"),
 * and its Cancel button; nothing when no job of the kind runs.
 */
export function JobProgress({ task }: { task: FleetTask }) {
  const stores = useStores();
  const job = useAppStore('fleet', (state) => state.jobs[task]);
  if (!job) return null;
  return (
    <div className="fleet-progress" role="group" aria-label={job.label}>
      <progress
        max={Math.max(job.total, 1)}
        value={job.total === 0 ? undefined : job.done}
        aria-label={job.label}
        aria-valuetext={progressWords(job)}
      />
      <p role="status">{progressWords(job)}</p>
      <button
        type="button"
        disabled={job.cancelling}
        onClick={() => void stores.fleet.getState().cancel(task)}
      >
        {job.cancelling ? 'Cancelling…' : 'Cancel'}
      </button>
    </div>
  );
}

function progressWords(job: FleetJob): string {
  if (job.cancelling)
    return `Cancelling after the phone in hand (${job.done} of ${job.total} done)…`;
  if (job.total === 0) return 'Starting…';
  return job.current === null
    ? `${job.done} of ${job.total}`
    : `${job.done} of ${job.total} — ${job.current}`;
}
