// One Apache ECharts instance drawn as SVG into a div: created on mount, given the option whenever
// it changes, resized with its box (and to the paper's width while printing), disposed on
// unmount. The engine (./echarts) is imported on first use, so the library is a chunk of its own
// that only the dashboard fetches. Nothing here evaluates code or adds inline scripts, which
// the server's CSP forbids; ECharts sets inline styles through the CSSOM only.
import { useEffect, useRef, useState } from 'react';
import type { EChartsType } from 'echarts/core';
import type { ChartOption } from './chartOptions';

let engine: Promise<typeof import('./echarts')> | undefined;
function loadEngine(): Promise<typeof import('./echarts')> {
  engine ??= import('./echarts').catch((error: unknown) => {
    engine = undefined; // a failed fetch (network) may succeed on the next chart
    throw error;
  });
  return engine;
}

/** The chart's width on paper, the same as `.chart-canvas` under `@media print` in dashboard.css. */
export const printWidthPx = 680;

export interface ChartItem {
  readonly seriesIndex: number;
  readonly dataIndex: number;
}

export function EChart({ option, label, heightPx, onSelect, onFail }: {
  readonly option: ChartOption;
  /** The summary a screen reader announces for the picture (role="img"). */
  readonly label: string;
  readonly heightPx: number;
  /** Called with the bar or point clicked. */
  readonly onSelect?: (item: ChartItem) => void;
  /** Called when the engine cannot be loaded; the caller shows its table instead. */
  readonly onFail?: () => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [chart, setChart] = useState<EChartsType | null>(null);
  // the instance lives across renders: the handlers it calls are read at click time
  const handlers = useRef({ onSelect, onFail });
  useEffect(() => {
    handlers.current = { onSelect, onFail };
  });

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    let isLive = true;
    let instance: EChartsType | undefined;
    const observer = new ResizeObserver(() => instance?.resize());
    const toPaper = () => instance?.resize({ width: printWidthPx });
    const toScreen = () => instance?.resize();
    loadEngine().then(({ init }) => {
      if (!isLive) return;
      instance = init(element, null, { renderer: 'svg' });
      instance.on('click', (event) => {
        if (event.componentType === 'series') handlers.current.onSelect?.({ seriesIndex: event.seriesIndex ?? 0, dataIndex: event.dataIndex });
      });
      observer.observe(element);
      window.addEventListener('beforeprint', toPaper);
      window.addEventListener('afterprint', toScreen);
      setChart(instance);
    }, () => {
      if (isLive) handlers.current.onFail?.();
    });
    return () => {
      isLive = false;
      observer.disconnect();
      window.removeEventListener('beforeprint', toPaper);
      window.removeEventListener('afterprint', toScreen);
      instance?.dispose();
    };
  }, []);

  useEffect(() => {
    if (!chart || !box.current) return;
    // SVG text carries its own font: take the page's, which has the Vietnamese letters
    const fontFamily = getComputedStyle(box.current).fontFamily;
    const textStyle = typeof option.textStyle === 'object' && option.textStyle !== null ? option.textStyle : {};
    chart.setOption({ ...option, textStyle: { ...textStyle, fontFamily } }, { notMerge: true });
  }, [chart, option]);

  return <div ref={box} className="chart-canvas" role="img" aria-label={label} style={{ height: heightPx }} />;
}
