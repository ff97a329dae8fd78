// The courier's surface: its pages load as one chunk (web/src/pages.ts).
export { CourierPage } from './CourierPage';
export { IncidentsPage } from './incidents/IncidentsPage';
export { TransferPostagePage } from './statement/TransferPostagePage';
