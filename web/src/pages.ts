// Every page of the app, loaded lazily: one chunk per surface folder (its `surface.ts`), fetched
// the first time one of its pages is shown. So a citizen opening a public portal page downloads
// the entry (React, i18n, the router, the frame) and the portal's chunk, never the staff screens,
// ECharts or the QR reader (test/web-bundle.test.ts holds that first load under 100 kB gzip).
//
// A new page: export it from its folder's surface.ts (a new surface folder gets its own
// surface.ts) and add one line here; App.tsx renders it inside <Suspense>. Pages with their own
// frame and no sign-in (kiosk, display, the portal) are declared the same way in standalone.tsx,
// which the entry loads before (and without) App.
import { lazy } from 'react';

const account = () => import('./account/surface');
export const LoginPage = lazy(() => account().then((surface) => ({ default: surface.LoginPage })));
export const ChangePasswordPage = lazy(() => account().then((surface) => ({ default: surface.ChangePasswordPage })));

const admin = () => import('./admin/surface');
export const CalendarAdminPage = lazy(() => admin().then((surface) => ({ default: surface.CalendarAdminPage })));
export const AgenciesPage = lazy(() => admin().then((surface) => ({ default: surface.AgenciesPage })));
export const ServicePointsPage = lazy(() => admin().then((surface) => ({ default: surface.ServicePointsPage })));
export const UnitsPage = lazy(() => admin().then((surface) => ({ default: surface.UnitsPage })));
export const UsersPage = lazy(() => admin().then((surface) => ({ default: surface.UsersPage })));
export const CatalogPage = lazy(() => admin().then((surface) => ({ default: surface.CatalogPage })));
export const ProcedurePage = lazy(() => admin().then((surface) => ({ default: surface.ProcedurePage })));

const dashboard = () => import('./dashboard/surface');
export const DashboardPage = lazy(() => dashboard().then((surface) => ({ default: surface.DashboardPage })));

const counter = () => import('./counter/surface');
export const ReceivePage = lazy(() => counter().then((surface) => ({ default: surface.ReceivePage })));
export const ReturnPage = lazy(() => counter().then((surface) => ({ default: surface.ReturnPage })));

const processing = () => import('./processing/surface');
export const DossierPage = lazy(() => processing().then((surface) => ({ default: surface.DossierPage })));
export const QueuePage = lazy(() => processing().then((surface) => ({ default: surface.QueuePage })));
export const SearchPage = lazy(() => processing().then((surface) => ({ default: surface.SearchPage })));

export const ScanSearchPage = lazy(() => import('./ocr/surface').then((surface) => ({ default: surface.ScanSearchPage })));
export const HomePage = lazy(() => import('./home/surface').then((surface) => ({ default: surface.HomePage })));
const tracking = () => import('./tracking/surface');
export const TrackingPage = lazy(() => tracking().then((surface) => ({ default: surface.TrackingPage })));
export const PublicLink = lazy(() => tracking().then((surface) => ({ default: surface.PublicLink })));

const transparency = () => import('./transparency/surface');
export const TransparencyPage = lazy(() => transparency().then((surface) => ({ default: surface.TransparencyPage })));
export const TransparencyLink = lazy(() => transparency().then((surface) => ({ default: surface.TransparencyLink })));

export const SyncStatusPage = lazy(() => import('./sync/surface').then((surface) => ({ default: surface.SyncStatusPage })));
export const AnchorsPage = lazy(() => import('./anchors/surface').then((surface) => ({ default: surface.AnchorsPage })));

const citizen = () => import('./citizen/surface');
export const MyDossiersPage = lazy(() => citizen().then((surface) => ({ default: surface.MyDossiersPage })));
export const MyPapersPage = lazy(() => citizen().then((surface) => ({ default: surface.MyPapersPage })));

export const VerifyPage = lazy(() => import('./documents/surface').then((surface) => ({ default: surface.VerifyPage })));
export const SupervisionPage = lazy(() => import('./supervision/surface').then((surface) => ({ default: surface.SupervisionPage })));
export const CourierPage = lazy(() => import('./postal/surface').then((surface) => ({ default: surface.CourierPage })));
const online = () => import('./online/surface');
export const InboxPage = lazy(() => online().then((surface) => ({ default: surface.InboxPage })));
export const AssistPage = lazy(() => online().then((surface) => ({ default: surface.AssistPage })));
export const SubmitPage = lazy(() => import('./portal/submit/surface').then((surface) => ({ default: surface.SubmitPage })));
