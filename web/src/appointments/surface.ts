// The appointments' staff pages: they load as one chunk (web/src/pages.ts).
export { CounterHoursPage } from './CounterHoursPage';
