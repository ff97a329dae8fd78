// The ECharts options of the dashboard's charts, built from the server's numbers as they come
// (nothing is added up or estimated here). Drawn for paper as much as for the screen: no
// animation, dark text, lines told apart by dash and marker as well as by colour, numbers in
// Vietnamese format. Texts (axis names, series names, the description) arrive translated.
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { AriaComponentOption, GridComponentOption, LegendComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';

export type ChartOption = ComposeOption<BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | AriaComponentOption>;

const ink = '#1a1a1a';
const gridLine = '#d5d9de';
const barColour = '#1d4f91';

export const formatCount = (n: number): string => n.toLocaleString('vi-VN');

// ECharts writes its aria text into the container's aria-label; its generated text is English or
// Chinese, so it gets ours, the same summary the React container carries.
const aria = (description: string): AriaComponentOption => ({ enabled: true, label: { enabled: true, description } });

const axisText = { color: ink, fontSize: 12 } as const;

/** What every chart has: its category labels, the names of its two axes and its summary. */
interface ChartData {
  readonly labels: readonly string[];
  /** What the categories are (the breakdown: channel, agency, …; the months), named above the labels. */
  readonly categoryName: string;
  /** What the numbers count, named under the value axis. */
  readonly valueName: string;
  readonly description: string;
}

export interface BarChartData extends ChartData {
  readonly values: readonly number[];
  readonly isClickable: boolean;
}

/** Room for the legend and axis name plus one row per bar. */
export const barChartHeightPx = (count: number): number => 72 + Math.max(1, count) * 28;

/** Horizontal bars in the server's order, top to bottom, each with its number at its end. */
export function barChartOption(d: BarChartData): ChartOption {
  return {
    animation: false,
    aria: aria(d.description),
    textStyle: axisText,
    grid: { left: 8, right: 56, top: 24, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'all' },
    xAxis: {
      type: 'value', name: d.valueName, nameLocation: 'middle', nameGap: 26, nameTextStyle: axisText, minInterval: 1,
      axisLabel: { ...axisText, formatter: (v: number) => formatCount(v) },
      splitLine: { lineStyle: { color: gridLine } },
    },
    yAxis: {
      type: 'category', inverse: true, data: [...d.labels], name: d.categoryName, nameLocation: 'start',
      nameTextStyle: { ...axisText, fontWeight: 'bold', align: 'right' }, nameGap: 10,
      axisLabel: { ...axisText, interval: 0, width: 240, overflow: 'truncate' },
      axisTick: { show: false }, axisLine: { lineStyle: { color: ink } },
    },
    series: [{
      type: 'bar', name: d.valueName, data: [...d.values], barMaxWidth: 20,
      itemStyle: { color: barColour },
      label: { show: true, position: 'right', color: ink, fontSize: 12, formatter: (p) => formatCount(Number(p.value)) },
      cursor: d.isClickable ? 'pointer' : 'default',
    }],
  };
}

export interface LineSeries {
  readonly name: string;
  readonly values: readonly number[];
}

export interface LineChartData extends ChartData {
  readonly series: readonly LineSeries[];
}

export const lineChartHeightPx = 300;

// One look per series, in order; on a black-and-white print the dash and the marker still tell
// the lines apart.
export const lineLooks = [
  { colour: '#1d4f91', dash: 'solid', symbol: 'circle' },
  { colour: '#1b5e20', dash: [6, 3], symbol: 'triangle' },
  { colour: '#8a3b00', dash: [2, 3], symbol: 'rect' },
] as const satisfies readonly { colour: string; dash: 'solid' | number[]; symbol: string }[];

export function lineChartOption(d: LineChartData): ChartOption {
  return {
    animation: false,
    aria: aria(d.description),
    textStyle: axisText,
    legend: { top: 0, left: 0, itemWidth: 32, textStyle: axisText, inactiveColor: '#777' },
    grid: { left: 8, right: 24, top: 48, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'all' },
    xAxis: {
      type: 'category', data: [...d.labels], boundaryGap: d.labels.length <= 1, name: d.categoryName, nameLocation: 'middle', nameGap: 28,
      nameTextStyle: axisText, axisLabel: axisText, axisLine: { lineStyle: { color: ink } },
    },
    yAxis: {
      type: 'value', name: d.valueName, nameLocation: 'end', nameTextStyle: { ...axisText, align: 'left' }, minInterval: 1,
      axisLabel: { ...axisText, formatter: (v: number) => formatCount(v) },
      splitLine: { lineStyle: { color: gridLine } },
    },
    series: d.series.map((s, i): LineSeriesOption => {
      const look = lineLooks[i % lineLooks.length] ?? lineLooks[0];
      return {
        type: 'line', name: s.name, data: [...s.values], symbol: look.symbol, symbolSize: 8,
        lineStyle: { color: look.colour, width: 2, type: look.dash === 'solid' ? 'solid' : [...look.dash] },
        itemStyle: { color: look.colour },
      };
    }),
  };
}
