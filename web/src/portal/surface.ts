// The citizens' portal: its frame and pages load as one chunk (web/src/pages.ts).
export { PortalLayout } from './PortalLayout';
export { PortalBookingPage } from './PortalBookingPage';
export { ManageBookingPage } from './ManageBookingPage';
