import { useState, type FormEvent } from 'react';
import type { PhoneInfo } from '../../../shared/domain';
import { TextField } from '../../components/fields';
import { useStores } from '../../stores/stores-context';

interface IntervalRange {
  label: string;
  /** Whole name of the interval for the error ("The idle interval"). */
  name: string;
  minSeconds: number;
  maxSeconds: number;
  step: number;
}

// One range per interval drives both the input's bounds and the check before saving.
const IDLE: IntervalRange = {
  label: 'When idle (seconds)',
  name: 'The idle interval',
  minSeconds: 1,
  maxSeconds: 60,
  step: 1,
};
const ACTIVE: IntervalRange = {
  label: 'During calls (seconds)',
  name: 'The interval during calls',
  minSeconds: 0.25,
  maxSeconds: 10,
  step: 0.25,
};

function rangeProblem(ms: number, range: IntervalRange): string | null {
  return Number.isFinite(ms) && ms >= range.minSeconds * 1000 && ms <= range.maxSeconds * 1000
    ? null
    : `${range.name} is between ${range.minSeconds} and ${range.maxSeconds} seconds.`;
}

const PROBLEM_ID = 'poll-intervals-problem';

/** A seconds field; when out of range it is marked invalid and described by the problem. */
function SecondsField({
  range,
  value,
  onChange,
}: {
  range: IntervalRange;
  value: string;
  onChange: (value: string) => void;
}) {
  const invalid = rangeProblem(Math.round(Number(value) * 1000), range) !== null;
  return (
    <TextField
      label={range.label}
      type="number"
      min={range.minSeconds}
      max={range.maxSeconds}
      step={range.step}
      value={value}
      onChange={onChange}
      aria-invalid={invalid}
      aria-describedby={invalid ? PROBLEM_ID : undefined}
    />
  );
}

/** How often the phone is asked for news, idle and during calls (per phone). */
export function PollIntervals({ phone }: { phone: PhoneInfo }) {
  const stores = useStores();
  const [idleSeconds, setIdleSeconds] = useState(String(phone.pollIntervalIdleMs / 1000));
  const [activeSeconds, setActiveSeconds] = useState(String(phone.pollIntervalActiveMs / 1000));
  const idleMs = Math.round(Number(idleSeconds) * 1000);
  const activeMs = Math.round(Number(activeSeconds) * 1000);
  const problem = rangeProblem(idleMs, IDLE) ?? rangeProblem(activeMs, ACTIVE);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!problem)
      void stores.setup
        .getState()
        .update(phone.id, { pollIntervalIdleMs: idleMs, pollIntervalActiveMs: activeMs });
  };

  return (
    <form className="panel" onSubmit={submit} aria-labelledby="poll-title">
      <h2 id="poll-title">Polling for {phone.name}</h2>
      <p className="hint">
        Shorter intervals show changes sooner; real phones are slow, so keep them modest.
      </p>
      <SecondsField range={IDLE} value={idleSeconds} onChange={setIdleSeconds} />
      <SecondsField range={ACTIVE} value={activeSeconds} onChange={setActiveSeconds} />
      {problem && (
        <p className="field-error" id={PROBLEM_ID}>
          {problem}
        </p>
      )}
      <button type="submit" disabled={problem !== null}>
        Save intervals
      </button>
    </form>
  );
}
