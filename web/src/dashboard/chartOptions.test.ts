import { describe, expect, it } from 'vitest';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import { barChartOption, lineChartOption, lineLooks } from './chartOptions';

const bars = (labels: string[], values: number[], isClickable = true) =>
  barChartOption({ labels, values, categoryName: 'Kênh', valueName: 'Số hồ sơ tiếp nhận', description: 'Biểu đồ cột: thử.', isClickable });

const seriesOf = <T>(option: { series?: unknown }): T[] => (Array.isArray(option.series) ? option.series as T[] : []);

describe('bar chart option', () => {
  it('draws the server’s numbers in the server’s order, top to bottom', () => {
    const option = bars(['Trực tiếp', 'Bưu chính công ích', 'Trực tuyến'], [1234, 56, 0]);
    expect(option.yAxis).toMatchObject({ type: 'category', inverse: true, data: ['Trực tiếp', 'Bưu chính công ích', 'Trực tuyến'], name: 'Kênh' });
    expect(seriesOf<BarSeriesOption>(option)[0]?.data).toEqual([1234, 56, 0]);
    expect(option.xAxis).toMatchObject({ type: 'value', name: 'Số hồ sơ tiếp nhận', minInterval: 1 });
  });

  it('writes each bar’s number at its end in Vietnamese format', () => {
    const label = seriesOf<BarSeriesOption>(bars(['Thủ tục A'], [1234]))[0]?.label;
    const formatter = label?.formatter;
    expect(label?.show).toBe(true);
    expect(typeof formatter === 'function' ? formatter({ value: 1234 } as never) : formatter).toBe('1.234');
  });

  it('shows a pointer only when bars open a drill-down', () => {
    expect(seriesOf<BarSeriesOption>(bars(['A'], [1], true))[0]?.cursor).toBe('pointer');
    expect(seriesOf<BarSeriesOption>(bars(['A'], [1], false))[0]?.cursor).toBe('default');
  });

  it('prints as it shows: no animation, and the description is ours', () => {
    const option = bars(['A'], [1]);
    expect(option.animation).toBe(false);
    expect(option.aria).toEqual({ enabled: true, label: { enabled: true, description: 'Biểu đồ cột: thử.' } });
  });
});

describe('line chart option', () => {
  const option = lineChartOption({
    labels: ['T1/2026', 'T2/2026'], categoryName: 'Tháng', valueName: 'Số hồ sơ', description: 'Biểu đồ đường: thử.',
    series: [{ name: 'Tiếp nhận', values: [10, 12] }, { name: 'Đã giải quyết', values: [8, 11] }, { name: 'Trực tuyến', values: [3, 4] }],
  });
  const series = seriesOf<LineSeriesOption>(option);

  it('draws one line per series with the server’s numbers', () => {
    expect(series.map((s) => [s.name, s.data])).toEqual([['Tiếp nhận', [10, 12]], ['Đã giải quyết', [8, 11]], ['Trực tuyến', [3, 4]]]);
    expect(option.xAxis).toMatchObject({ type: 'category', data: ['T1/2026', 'T2/2026'], name: 'Tháng' });
  });

  it('tells the lines apart by dash and marker, for black-and-white paper', () => {
    expect(new Set(series.map((s) => JSON.stringify(s.lineStyle?.type))).size).toBe(lineLooks.length);
    expect(new Set(series.map((s) => s.symbol)).size).toBe(lineLooks.length);
    expect(option.animation).toBe(false);
  });
});
