import { useState, type FormEvent } from 'react';
import type { PhoneInfo } from '../../../shared/domain';
import { TextField } from '../../components/fields';
import { useStores } from '../../stores/stores-context';

/** How often the phone is asked for news, idle and during calls (per phone). */
export function PollIntervals({ phone }: { phone: PhoneInfo }) {
  const stores = useStores();
  const [idleSeconds, setIdleSeconds] = useState(String(phone.pollIntervalIdleMs / 1000));
  const [activeSeconds, setActiveSeconds] = useState(String(phone.pollIntervalActiveMs / 1000));
  const idleMs = Math.round(Number(idleSeconds) * 1000);
  const activeMs = Math.round(Number(activeSeconds) * 1000);
  const problem =
    !Number.isFinite(idleMs) || idleMs < 1000 || idleMs > 60_000
      ? 'The idle interval is between 1 and 60 seconds.'
      : !Number.isFinite(activeMs) || activeMs < 250 || activeMs > 10_000
        ? 'The interval during calls is between 0.25 and 10 seconds.'
        : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!problem)
      void stores.setup
        .getState()
        .update(phone.id, { pollIntervalIdleMs: idleMs, pollIntervalActiveMs: activeMs });
  };

  return (
    <form className="panel" onSubmit={submit} aria-labelledby="poll-title">
      <h3 id="poll-title">Polling for {phone.name}</h3>
      <p className="hint">
        Shorter intervals show changes sooner; real phones are slow, so keep them modest.
      </p>
      <TextField
        label="When idle (seconds)"
        type="number"
        min={1}
        max={60}
        step={1}
        value={idleSeconds}
        onChange={setIdleSeconds}
      />
      <TextField
        label="During calls (seconds)"
        type="number"
        min={0.25}
        max={10}
        step={0.25}
        value={activeSeconds}
        onChange={setActiveSeconds}
      />
      {problem && <p className="hint">{problem}</p>}
      <button type="submit" disabled={problem !== null}>
        Save intervals
      </button>
    </form>
  );
}
