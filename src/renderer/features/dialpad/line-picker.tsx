import type { Line } from '../../../shared/domain';

/**
 * The line to dial out on. Unregistered lines stay visible (so people see why their second line
 * is missing) but cannot be chosen, with the reason in words.
 */
export function LinePicker({
  lines,
  value,
  onChange,
}: {
  lines: Line[];
  value: number | null;
  onChange: (line: number | null) => void;
}) {
  if (lines.length === 0) return null;
  const unregistered = lines.filter((line) => line.registration !== 'Registered');
  return (
    <div className="line-picker">
      <label>
        Line
        <select
          value={value === null ? '' : String(value)}
          onChange={(event) =>
            onChange(event.target.value === '' ? null : Number(event.target.value))
          }
          aria-describedby={unregistered.length > 0 ? 'line-picker-note' : undefined}
        >
          <option value="">Phone's default line</option>
          {lines.map((line) => (
            <option key={line.line} value={line.line} disabled={line.registration !== 'Registered'}>
              {`Line ${line.line}: ${line.label || line.address}${line.registration === 'Registered' ? '' : ' (not registered)'}`}
            </option>
          ))}
        </select>
      </label>
      {unregistered.length > 0 && (
        <p id="line-picker-note" className="hint">
          {unregistered.map((line) => `Line ${line.line}`).join(', ')}{' '}
          {unregistered.length === 1 ? 'is' : 'are'} not registered with the phone system, so calls
          cannot go out on {unregistered.length === 1 ? 'it' : 'them'}. Check the line's SIP
          settings or ask your administrator.
        </p>
      )}
    </div>
  );
}
