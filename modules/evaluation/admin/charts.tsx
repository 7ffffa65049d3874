/**
 * Two small SVG charts (no chart library: a few lines of SVG render the same in every browser
 * and cost nothing to install): a line over labelled points, and horizontal bars.
 */
const WIDTH = 560;
const HEIGHT = 200;
const PAD = 32;

/** A trend line over labelled points; missing values (null) break the line. */
export function LineChart({ points, max = 100, title }: { points: Array<{ label: string; value: number | null }>; max?: number; title: string }) {
  const step = (WIDTH - 2 * PAD) / Math.max(1, points.length - 1);
  const y = (value: number) => HEIGHT - PAD - ((HEIGHT - 2 * PAD) * value) / max;
  const segments: string[] = [];
  let current = '';
  points.forEach((point, i) => {
    if (point.value === null) {
      if (current) segments.push(current);
      current = '';
      return;
    }
    current += `${current ? 'L' : 'M'}${PAD + i * step},${y(point.value)}`;
  });
  if (current) segments.push(current);
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-label={title} data-testid="trend-chart">
      {[0, 0.5, 1].map((f) => (
        <g key={f}>
          <line x1={PAD} x2={WIDTH - PAD} y1={y(max * f)} y2={y(max * f)} stroke="#eee" />
          <text x={4} y={y(max * f) + 4} fontSize={10} fill="#888">{max * f}</text>
        </g>
      ))}
      {segments.map((d) => <path key={d} d={d} fill="none" stroke="#1677ff" strokeWidth={2} />)}
      {points.map((point, i) => (
        <g key={point.label}>
          {point.value !== null && <circle cx={PAD + i * step} cy={y(point.value)} r={3} fill="#1677ff"><title>{`${point.label}: ${point.value}`}</title></circle>}
          <text x={PAD + i * step} y={HEIGHT - 10} fontSize={10} textAnchor="middle" fill="#555">{point.label}</text>
        </g>
      ))}
    </svg>
  );
}

/** Horizontal bars, one per labelled value. */
export function BarChart({ bars, title, format = String }: { bars: Array<{ label: string; value: number }>; title: string; format?: (value: number) => string }) {
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const row = 24;
  const labelWidth = 170;
  return (
    <svg viewBox={`0 0 ${WIDTH} ${bars.length * row + 8}`} width="100%" role="img" aria-label={title} data-testid="bar-chart">
      {bars.map((bar, i) => (
        <g key={bar.label} transform={`translate(0, ${i * row + 4})`}>
          <text x={0} y={15} fontSize={12} fill="#333">{bar.label}</text>
          <rect x={labelWidth} y={3} height={16} width={((WIDTH - labelWidth - 60) * bar.value) / max} fill="#52c41a" rx={2} />
          <text x={labelWidth + ((WIDTH - labelWidth - 60) * bar.value) / max + 6} y={15} fontSize={12} fill="#333">{format(bar.value)}</text>
        </g>
      ))}
    </svg>
  );
}
