// Simple accessible SVG charts (no chart library is installed; DESIGN §5 names Apache ECharts,
// which should replace these). Each chart has a title, a text description and a data table
// fallback for screen readers; they print in black and white.
import { useId } from 'react';

const fmt = (n: number) => n.toLocaleString('vi-VN');

export interface Bar {
  readonly label: string;
  readonly value: number;
  readonly onSelect?: () => void;
}

export function BarChart({ title, bars, unit = '' }: { readonly title: string; readonly bars: readonly Bar[]; readonly unit?: string }) {
  const id = useId();
  const max = Math.max(1, ...bars.map((b) => b.value));
  const rowH = 26;
  const labelW = 220;
  const width = 640;
  const height = bars.length * rowH + 8;
  return (
    <figure className="chart">
      <figcaption id={`${id}-t`}>{title}</figcaption>
      <svg role="img" aria-labelledby={`${id}-t`} viewBox={`0 0 ${width} ${height}`} width="100%" preserveAspectRatio="xMinYMin meet">
        {bars.map((b, i) => {
          const w = ((width - labelW - 90) * b.value) / max;
          const y = i * rowH + 4;
          return (
            <g key={b.label} className={b.onSelect ? 'chart-bar clickable' : 'chart-bar'} onClick={b.onSelect}>
              <text x={labelW - 6} y={y + 16} textAnchor="end" fontSize="12">{b.label.length > 34 ? `${b.label.slice(0, 33)}…` : b.label}</text>
              <rect x={labelW} y={y + 3} width={Math.max(1, w)} height={rowH - 8} fill="currentColor" opacity={0.75} />
              <text x={labelW + w + 6} y={y + 16} fontSize="12">{fmt(b.value)}{unit}</text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

export interface Series {
  readonly name: string;
  readonly values: readonly number[];
  readonly dash?: string;
}

export function LineChart({ title, labels, series }: { readonly title: string; readonly labels: readonly string[]; readonly series: readonly Series[] }) {
  const id = useId();
  const width = 680;
  const height = 240;
  const pad = { l: 56, r: 12, t: 12, b: 36 };
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const x = (i: number) => pad.l + (labels.length <= 1 ? 0 : (i * (width - pad.l - pad.r)) / (labels.length - 1));
  const y = (v: number) => height - pad.b - (v * (height - pad.t - pad.b)) / max;
  const every = Math.max(1, Math.ceil(labels.length / 12));
  return (
    <figure className="chart">
      <figcaption id={`${id}-t`}>{title}</figcaption>
      <svg role="img" aria-labelledby={`${id}-t`} viewBox={`0 0 ${width} ${height}`} width="100%">
        <line x1={pad.l} y1={height - pad.b} x2={width - pad.r} y2={height - pad.b} stroke="currentColor" />
        <line x1={pad.l} y1={pad.t} x2={pad.l} y2={height - pad.b} stroke="currentColor" />
        <text x={pad.l - 6} y={pad.t + 10} textAnchor="end" fontSize="11">{fmt(max)}</text>
        <text x={pad.l - 6} y={height - pad.b} textAnchor="end" fontSize="11">0</text>
        {labels.map((l, i) => (i % every === 0 ? <text key={l} x={x(i)} y={height - pad.b + 16} textAnchor="middle" fontSize="10">{l}</text> : null))}
        {series.map((s) => (
          <polyline key={s.name} fill="none" stroke="currentColor" strokeWidth={2} strokeDasharray={s.dash}
            points={s.values.map((v, i) => `${x(i)},${y(v)}`).join(' ')} />
        ))}
      </svg>
      <p className="chart-legend">{series.map((s) => <span key={s.name}><svg width="28" height="8" aria-hidden="true"><line x1="0" y1="4" x2="28" y2="4" stroke="currentColor" strokeWidth="2" strokeDasharray={s.dash} /></svg> {s.name} </span>)}</p>
      <table className="visually-hidden">
        <caption>{title}</caption>
        <thead><tr><th>Tháng</th>{series.map((s) => <th key={s.name}>{s.name}</th>)}</tr></thead>
        <tbody>{labels.map((l, i) => <tr key={l}><th>{l}</th>{series.map((s) => <td key={s.name}>{s.values[i] ?? 0}</td>)}</tr>)}</tbody>
      </table>
    </figure>
  );
}
