// The citizens' portal, booking part: its pages load as one chunk (web/src/pages.ts); the frame
// and the procedure catalogue are chunks of their own (frame/, catalog/surface.ts).
export { PortalBookingPage } from './PortalBookingPage';
export { ManageBookingPage } from './ManageBookingPage';
export { PortalLayout } from './frame/PortalLayout';
// the payment gateway's return page: with the booking pages, one chunk less to declare on the entry
export { PayResultPage } from './payment/PayResultPage';
