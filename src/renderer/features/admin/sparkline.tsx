/**
 * A small line chart of recent values as inline SVG (no chart library: a few points need no
 * more). Scales to its container; the accessible name carries the latest value and the range.
 */
export function Sparkline({
  label,
  unit,
  values,
  floor = 0,
}: {
  label: string;
  unit: string;
  values: number[];
  /** The lowest value of the scale (MOS charts start at 1). */
  floor?: number;
}) {
  const latest = values.at(-1);
  const top = Math.max(floor + 1, ...values);
  const width = 120;
  const height = 32;
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  const points = values
    .map((value, index) => {
      const y = height - ((value - floor) / (top - floor)) * height;
      return `${(index * step).toFixed(1)},${Math.min(Math.max(y, 0), height).toFixed(1)}`;
    })
    .join(' ');
  const summary =
    latest === undefined
      ? `${label}: no samples yet`
      : `${label}: ${format(latest)}${unit}, range ${format(Math.min(...values))}–${format(Math.max(...values))}${unit}`;
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
