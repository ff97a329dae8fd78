// The statistics surface (ECharts is loaded later still, by EChart.tsx): one chunk (web/src/pages.ts).
export { DashboardPage } from './DashboardPage';
