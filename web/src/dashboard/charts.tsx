// The dashboard's charts, drawn by Apache ECharts (DESIGN §5) as SVG through EChart.tsx, with
// the options of chartOptions.ts. Each chart is a figure: a visible title, the picture as
// role="img" with a one-sentence summary, and a table of the same numbers for screen readers
// (and, for the trend, for paper too, where no tooltip can show the values). A bar with a
// drill-down opens it when clicked, like the number it stands for.
import { useMemo, useState } from 'react';
import { barChartHeightPx, barChartOption, formatCount, lineChartHeightPx, lineChartOption } from './chartOptions';
import { EChart } from './EChart';
import { useDashboardT } from './i18n';

export interface Bar {
  readonly label: string;
  /** A number the server computed. */
  readonly value: number;
  /** Opens the dossiers behind the number, when the server can list them. */
  readonly onSelect?: () => void;
}

export function BarChart({ title, categoryName, valueName, bars }: {
  readonly title: string;
  readonly categoryName: string;
  readonly valueName: string;
  readonly bars: readonly Bar[];
}) {
  const t = useDashboardT();
  const [isDrawn, setIsDrawn] = useState(true);
  const top = bars.reduce<Bar | undefined>((best, b) => (best === undefined || b.value > best.value ? b : best), undefined);
  const summary = top === undefined
    ? t('chart_barSummaryEmpty', { title })
    : t('chart_barSummary', { title, items: bars.length, top: top.label, value: formatCount(top.value) });
  const isClickable = bars.some((b) => b.onSelect !== undefined);
  const option = useMemo(() => barChartOption({
    labels: bars.map((b) => b.label), values: bars.map((b) => b.value), categoryName, valueName, description: summary, isClickable,
  }), [bars, categoryName, valueName, summary, isClickable]);
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      {isClickable && isDrawn ? <p className="chart-hint no-print">{t('chart_barHint')}</p> : null}
      {isDrawn
        ? <EChart option={option} label={summary} heightPx={barChartHeightPx(bars.length)}
            onSelect={({ dataIndex }) => bars[dataIndex]?.onSelect?.()} onFail={() => setIsDrawn(false)} />
        : null}
      <table className={isDrawn ? 'chart-data' : 'data'}>
        <caption>{title}</caption>
        <thead><tr><th scope="col">{categoryName}</th><th scope="col">{valueName}</th></tr></thead>
        <tbody>{bars.map((b, i) => <tr key={`${i}-${b.label}`}><th scope="row">{b.label}</th><td>{formatCount(b.value)}</td></tr>)}</tbody>
      </table>
    </figure>
  );
}

export interface Series {
  readonly name: string;
  /** One number per label, computed by the server. */
  readonly values: readonly number[];
}

export function LineChart({ title, categoryName, valueName, labels, longLabels, series }: {
  readonly title: string;
  readonly categoryName: string;
  readonly valueName: string;
  /** Short labels for the axis. */
  readonly labels: readonly string[];
  /** The same labels spelt out, for the table. */
  readonly longLabels: readonly string[];
  readonly series: readonly Series[];
}) {
  const t = useDashboardT();
  const [isDrawn, setIsDrawn] = useState(true);
  const summary = labels.length === 0
    ? t('chart_lineSummaryEmpty', { title })
    : t('chart_lineSummary', { title, first: longLabels[0] ?? '', last: longLabels[longLabels.length - 1] ?? '', series: series.map((s) => s.name).join(', ') });
  const option = useMemo(() => lineChartOption({ labels, series, categoryName, valueName, description: summary }), [labels, series, categoryName, valueName, summary]);
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      {isDrawn ? <EChart option={option} label={summary} heightPx={lineChartHeightPx} onFail={() => setIsDrawn(false)} /> : null}
      <table className={isDrawn ? 'chart-data chart-data--print' : 'data'}>
        <caption>{title}</caption>
        <thead><tr><th scope="col">{categoryName}</th>{series.map((s) => <th key={s.name} scope="col">{s.name}</th>)}</tr></thead>
        <tbody>{longLabels.map((l, i) => (
          <tr key={l}><th scope="row">{l}</th>{series.map((s) => <td key={s.name}>{formatCount(s.values[i] ?? 0)}</td>)}</tr>
        ))}</tbody>
      </table>
    </figure>
  );
}
