/**
 * A small line chart of recent values as inline SVG (no chart library: a few points need no
 * more). Scales to its container; the accessible name carries the latest value and the range.
 */
export function Sparkline({
  label,
  unit,
  values,
  floor = 0,
  ceiling,
}: {
  label: string;
  unit: string;
  values: number[];
  /** The lowest value of the scale (MOS charts start at 1). */
  floor?: number;
  /** The highest value of the scale when known (MOS ends at 5); otherwise the largest sample. */
  ceiling?: number;
}) {
  const latest = values.at(-1);
  const top = ceiling ?? Math.max(floor + 1, ...values);
  const width = 120;
  const height = 32;
  // A single sample draws as a flat line, so the chart is never an empty box.
  const drawn = values.length === 1 ? [values[0] ?? 0, values[0] ?? 0] : values;
  const step = drawn.length > 1 ? width / (drawn.length - 1) : 0;
  const points = drawn
    .map((value, index) => {
      // Two units of margin keep a line at either end of the scale visible.
      const y = height - 2 - ((value - floor) / (top - floor)) * (height - 4);
      return `${(index * step).toFixed(1)},${Math.min(Math.max(y, 2), height - 2).toFixed(1)}`;
    })
    .join(' ');
  const summary =
    latest === undefined
      ? `${label}: no samples yet`
      : `${label}: ${format(latest)}${unit}, range ${format(Math.min(...values))}–${format(Math.max(...values))}${unit} over ${values.length} samples`;
  return (
    <figure className="sparkline">
      <figcaption>
        {label} <strong>{latest === undefined ? '—' : `${format(latest)}${unit}`}</strong>
      </figcaption>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={summary}
      >
        <polyline
          points={points}
          fill="none"
          stroke="currentColor"
          strokeWidth="1.5"
          vectorEffect="non-scaling-stroke"
        />
      </svg>
    </figure>
  );
}

function format(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}
