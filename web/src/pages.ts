// Every signed-in page of the app, loaded lazily: one chunk per surface folder (its `surface.ts`),
// fetched the first time one of its pages is shown. So a citizen opening a public portal page
// downloads the entry (React, i18n, the router, the frame) and the portal's chunk, never the staff
// screens, ECharts or the QR reader (test/web-bundle.test.ts holds that first load under 100 kB gzip).
//
// A new page: export it from its folder's surface.ts (a new surface folder gets its own line
// here) and give it its path in signedInPages.tsx, which App.tsx renders inside <Suspense>. Pages
// with their own frame and no sign-in (kiosk, display, the portal) are declared the same way in
// standalone.tsx, which the entry loads before (and without) App.
import { lazySurface } from './ui/lazySurface';

export const account = lazySurface(() => import('./account/surface'));
export const admin = lazySurface(() => import('./admin/surface'));
export const dashboard = lazySurface(() => import('./dashboard/surface'));
export const counter = lazySurface(() => import('./counter/surface'));
export const processing = lazySurface(() => import('./processing/surface'));
export const ocr = lazySurface(() => import('./ocr/surface'));
export const home = lazySurface(() => import('./home/surface'));
export const tracking = lazySurface(() => import('./tracking/surface'));
export const transparency = lazySurface(() => import('./transparency/surface'));
export const sync = lazySurface(() => import('./sync/surface'));
export const anchors = lazySurface(() => import('./anchors/surface'));
export const citizen = lazySurface(() => import('./citizen/surface'));
export const documents = lazySurface(() => import('./documents/surface'));
export const supervision = lazySurface(() => import('./supervision/surface'));
export const postal = lazySurface(() => import('./postal/surface'));
export const online = lazySurface(() => import('./online/surface'));
export const portalSubmit = lazySurface(() => import('./portal/submit/surface'));
export const portalPayment = lazySurface(() => import('./portal/payment/surface'));
export const portalSupplement = lazySurface(() => import('./portal/supplement/surface'));
export const portalAccount = lazySurface(() => import('./portal/account/surface'));
/** the portal's frame (with the booking pages' chunk): the signed-in citizen's portal pages show in it */
export const portal = lazySurface(() => import('./portal/surface'));
export const cashier = lazySurface(() => import('./cashier/surface'));
export const appointments = lazySurface(() => import('./appointments/surface'));
