import { useState, type FormEvent } from 'react';
import { TextField } from '../../components/fields';
import { useAppStore } from '../../stores/stores-context';

const PROBLEM_ID = 'push-port-problem';

/** The port phones post their instant call events to (app-wide). */
export function PushPort() {
  const port = useAppStore('settings', (state) => state.settings.pushPort);
  const save = useAppStore('settings', (state) => state.save);
  const [text, setText] = useState(String(port));
  const value = Number(text);
  const problem =
    Number.isInteger(value) && value >= 1024 && value <= 65_535
      ? null
      : 'The port is a whole number from 1024 to 65535.';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (problem === null && value !== port) void save({ pushPort: value });
  };

  return (
    <form className="panel" onSubmit={submit} aria-labelledby="push-port-title">
      <h2 id="push-port-title">Instant call events</h2>
      <p className="hint">
        Phones with instant call events on post them to this port on this computer. When another
        program holds it, Deskpilot takes a free one and tells the phones.
      </p>
      <TextField
        label="Port"
        type="number"
        min={1024}
        max={65_535}
        value={text}
        onChange={setText}
        aria-invalid={problem !== null}
        aria-describedby={problem !== null ? PROBLEM_ID : undefined}
      />
      {problem !== null && (
        <p className="field-error" id={PROBLEM_ID}>
          {problem}
        </p>
      )}
      <button type="submit" disabled={problem !== null}>
        Save port
      </button>
    </form>
  );
}
