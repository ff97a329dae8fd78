// The part of Apache ECharts the dashboard draws with, registered once: bar and line series on a
// cartesian grid, a plain legend, the aria description, and the SVG renderer (vector output
// prints sharply at any size). EChart.tsx imports this file lazily, so the library is a chunk of
// its own, fetched only when a chart is shown. Register here whatever a new option needs.
import { AriaComponent, GridSimpleComponent, LegendPlainComponent } from 'echarts/components';
import { BarChart, LineChart } from 'echarts/charts';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

use([BarChart, LineChart, GridSimpleComponent, LegendPlainComponent, AriaComponent, SVGRenderer]);

export { init };
