// The rows of the authorization matrix (test/access-matrix.test.ts): for every operation of
// /api/openapi.json, what it needs — nothing (public), only a session, or a permission of
// src/accounts/model.ts — and which kind of resource it acts on, so that the expected answer per
// role and per scope is derived from the role→permission table, not written by hand.
import type { Permission } from '../src/accounts/model';
import type { Role } from '../src/platform/actor';

/**
 * The resource an operation acts on, which decides what "out of scope" means:
 * - none: no resource of anyone's scope (lists are filtered to the scope; no out-of-scope case);
 * - dossier / user / export / counterOutcome / shipment / leg (a tracking number) / handover: the path names one, of scope A or of scope B;
 * - shared: reference data of the whole deployment — holding the permission is not enough, only a
 *   system administrator (scope '/') may change it, so a province administrator is out of scope.
 */
export type Resource = 'none' | 'dossier' | 'user' | 'export' | 'counterOutcome' | 'shipment' | 'leg' | 'handover' | 'shared';

export type Row =
  | { readonly access: 'public' }
  | {
    readonly access: 'signed-in';
    /** Any one of these permissions lets a role in; 'session' means any signed-in role. */
    readonly needs: 'session' | readonly Permission[];
    readonly resource: Resource;
    /** The query string of a valid request (without the leading '?'); `{code}` names the dossier as in a path. */
    readonly query?: string;
    /** A minimal valid body; 'none' when the route takes none. */
    readonly body?: (s: Scope, role: Role) => unknown;
    /**
     * Why a role without the permission may be refused with another 4xx than 403 (its request is
     * refused before the permission is asked): the check is then "not 2xx, not 500".
     */
    readonly deniedAs4xx?: string;
    /** Why a role with the permission, in scope, may still be refused 4xx (not 401/403 nor 500). */
    readonly note?: string;
  };

/** The names a row's body or URL may use: the scope A resources a request is built from. */
export interface Scope {
  readonly procedureCode: string;
  readonly communeCode: string;
  readonly servicePointCode: string;
  readonly personalId: string;
  /** A valid intake of scope A (the applicant is the citizen of scope A). */
  readonly intake: Record<string, unknown>;
}

const period = 'from=2026-03-01&to=2026-03-31';
/** Shared-data imports take a file of the whole directory, catalogue or calendar: no minimal valid body was built. */
/** Creating a unit, agency or service point needs a whole record: the empty body is refused by its schema first. */
const noMinimalBody = 'an empty body is refused by its schema (400) before the permission is asked: checked only as not 2xx, not 500';
const onlineDraftNote = 'draft 1 is not the caller\'s (the matrix keeps no draft): 404 DRAFT_NOT_FOUND';
const noValidImport = 'an empty import is refused by its schema (400) before the permission is asked: checked only as not 2xx, not 500';

export const matrix: Record<string, Row> = {
  'GET /api/health': { access: 'public' },
  'GET /api/health/detail': { access: 'signed-in', needs: ['directory.manage'], resource: 'shared' },
  'GET /api/metrics': { access: 'signed-in', needs: ['directory.manage'], resource: 'shared' },
  'POST /api/v1/auth/login': { access: 'public' },
  'POST /api/v1/auth/logout': { access: 'public' },
  'GET /api/v1/auth/me': { access: 'signed-in', needs: 'session', resource: 'none' },
  'GET /api/v1/auth/session': { access: 'public' }, // says whether anyone is signed in: { user: null } when not
  'POST /api/v1/auth/password': {
    access: 'signed-in', needs: 'session', resource: 'none', body: () => ({ currentPassword: 'sai-mat-khau-cu', newPassword: 'mot-mat-khau-moi-dai' }),
    note: 'the current password given is wrong on purpose (the matrix changes nobody\'s password): 4xx, never 401/403',
  },
  'GET /api/v1/users': { access: 'signed-in', needs: ['users.read'], resource: 'none' },
  'POST /api/v1/users': {
    access: 'signed-in', needs: ['users.manage'], resource: 'none',
    body: (s) => ({ username: `moi${Math.floor(Math.random() * 1e9)}`, fullName: 'Người Mới', role: 'clerk', scopeCode: s.servicePointCode }),
  },
  'GET /api/v1/users/{id}': { access: 'signed-in', needs: ['users.read'], resource: 'user' },
  'PUT /api/v1/users/{id}/active': {
    access: 'signed-in', needs: ['users.manage'], resource: 'user', body: () => ({ active: true }),
    note: 'the account is already active: 409 USER_ALREADY_ACTIVE (the matrix disables nobody)',
  },
  'POST /api/v1/users/{id}/password-reset': { access: 'signed-in', needs: ['users.manage'], resource: 'user' },
  'GET /api/v1/units': { access: 'signed-in', needs: 'session', resource: 'none' },
  'GET /api/v1/units/{code}': { access: 'signed-in', needs: 'session', resource: 'none' },
  'GET /api/v1/agencies': { access: 'signed-in', needs: 'session', resource: 'none' },
  'GET /api/v1/service-points': { access: 'signed-in', needs: 'session', resource: 'none' },
  'GET /api/v1/service-points/{code}': { access: 'signed-in', needs: 'session', resource: 'none' },
  'POST /api/v1/admin/units': { access: 'signed-in', needs: ['directory.manage'], resource: 'shared', body: () => ({}), deniedAs4xx: noMinimalBody },
  'PATCH /api/v1/admin/units/{code}/{validFrom}': { access: 'signed-in', needs: ['directory.manage'], resource: 'shared', body: () => ({}) },
  'POST /api/v1/admin/agencies': { access: 'signed-in', needs: ['directory.manage'], resource: 'shared', body: () => ({}), deniedAs4xx: noMinimalBody },
  'PATCH /api/v1/admin/agencies/{identifier}/{validFrom}': { access: 'signed-in', needs: ['directory.manage'], resource: 'shared', body: () => ({}) },
  'POST /api/v1/admin/service-points': { access: 'signed-in', needs: ['directory.manage'], resource: 'shared', body: () => ({}), deniedAs4xx: noMinimalBody },
  'PATCH /api/v1/admin/service-points/{code}': { access: 'signed-in', needs: ['directory.manage'], resource: 'shared', body: () => ({}) },
  'GET /api/v1/admin/directory/history': { access: 'signed-in', needs: ['directory.manage'], resource: 'shared', query: 'entity=unit&key=82@2025-07-01' },
  'POST /api/v1/admin/directory/import': { access: 'signed-in', needs: ['directory.manage'], resource: 'shared', body: () => ({}), deniedAs4xx: noValidImport },
  'GET /api/v1/procedures': { access: 'public' },
  'GET /api/v1/procedures/{code}': { access: 'public' },
  'POST /api/v1/admin/catalog/import': { access: 'signed-in', needs: ['catalog.manage'], resource: 'shared', body: () => ({}), deniedAs4xx: noValidImport },
  'GET /api/v1/admin/catalog/procedures': { access: 'signed-in', needs: ['catalog.manage'], resource: 'shared' },
  'GET /api/v1/admin/catalog/procedures/{code}': {
    access: 'signed-in', needs: ['catalog.manage'], resource: 'shared',
    deniedAs4xx: 'the matrix puts a dossier code in {code}, which the procedure-code pattern refuses (400) before the permission is asked',
    note: 'a dossier code is not a procedure code: 400 from the schema, or 404',
  },
  'POST /api/v1/admin/catalog/procedures/{code}/versions': { access: 'signed-in', needs: ['catalog.manage'], resource: 'shared', body: () => ({}), deniedAs4xx: noValidImport },
  'GET /api/v1/calendar/due': { access: 'signed-in', needs: 'session', resource: 'none', query: 'received=2026-03-02T09:00:00&duration=5&unit=working_days' },
  'GET /api/v1/calendar/{year}': { access: 'signed-in', needs: 'session', resource: 'none' },
  'GET /api/v1/calendar/{year}/versions': { access: 'signed-in', needs: 'session', resource: 'none' },
  'PUT /api/v1/admin/calendar/{year}': { access: 'signed-in', needs: ['calendar.manage'], resource: 'shared', body: () => ({}), deniedAs4xx: noValidImport },
  'POST /api/v1/admin/calendar/import': { access: 'signed-in', needs: ['calendar.manage'], resource: 'shared', body: () => ({}), deniedAs4xx: noValidImport },
  'POST /api/v1/reports/exports': { access: 'signed-in', needs: ['reports.read'], resource: 'none', body: () => ({ kind: 'breakdown-xlsx', from: '2026-03-01', to: '2026-03-31' }) },
  'GET /api/v1/reports/exports/{id}': { access: 'signed-in', needs: ['reports.read'], resource: 'export' },
  'GET /api/v1/reports/exports/{id}/file': { access: 'signed-in', needs: ['reports.read'], resource: 'export' },
  'GET /api/v1/reports/summary': { access: 'signed-in', needs: ['reports.read'], resource: 'none', query: period },
  'GET /api/v1/reports/bundles': { access: 'signed-in', needs: ['reports.read'], resource: 'none', query: period },
  'GET /api/v1/reports/breakdown': { access: 'signed-in', needs: ['reports.read'], resource: 'none', query: `${period}&by=procedure` },
  'GET /api/v1/reports/trend': { access: 'signed-in', needs: ['reports.read'], resource: 'none', query: period },
  'GET /api/v1/reports/late': { access: 'signed-in', needs: ['reports.read'], resource: 'none', query: `${period}&by=procedure` },
  'GET /api/v1/reports/dossiers': { access: 'signed-in', needs: ['reports.read'], resource: 'none', query: period },
  'GET /api/v1/reports/indicators': { access: 'signed-in', needs: ['reports.read'], resource: 'none', query: period },
  'GET /api/v1/supervision/at-risk': { access: 'signed-in', needs: ['supervision.read'], resource: 'none' },
  'GET /api/v1/supervision/overdue': { access: 'signed-in', needs: ['supervision.read'], resource: 'none' },
  'GET /api/v1/supervision/officers': { access: 'signed-in', needs: ['supervision.read'], resource: 'none', query: period },
  'POST /api/v1/supervision/audit-verify': { access: 'signed-in', needs: ['audit.verify'], resource: 'none', body: () => ({ from: '2026-03-01', to: '2026-03-31' }) },
  'GET /api/v1/transparency/procedures': { access: 'public' },
  'GET /api/v1/transparency/procedures/{code}': { access: 'public' },
  'GET /api/v1/notifications': { access: 'signed-in', needs: 'session', resource: 'none' },
  'POST /api/v1/notifications/read': { access: 'signed-in', needs: 'session', resource: 'none', body: () => ({ ids: [] }) },
  'POST /api/v1/dossiers': {
    access: 'signed-in', needs: ['dossiers.receive', 'postal.courier', 'portal.self'], resource: 'none',
    body: (s, role) => ({ ...s.intake, channel: role === 'citizen' ? 'online' : role === 'courier' ? 'postal' : 'counter' }),
  },
  // bundles (issue 17): the matrix world's catalogue has none of the member procedures
  'GET /api/v1/bundle-definitions': { access: 'signed-in', needs: 'session', resource: 'none' },
  'POST /api/v1/bundles': {
    access: 'signed-in', needs: ['dossiers.receive'], resource: 'none',
    body: (s) => ({ bundleCode: '2.002621', applicant: (s.intake as { applicant: unknown }).applicant, formData: {}, papers: {} }),
    note: 'the matrix world has no bundle member procedures: 400 PROCEDURE_NOT_FOUND (or 403 BUNDLE_COUNTER_ONLY for a receiver without a service point)',
  },
  'GET /api/v1/bundles/{code}': {
    access: 'signed-in', needs: ['dossiers.read', 'portal.self'], resource: 'none',
    note: 'the path names a dossier, not a bundle: 404 BUNDLE_NOT_FOUND',
  },
  'GET /api/v1/bundles/{code}/transfer-slips/{file}': {
    access: 'signed-in', needs: ['dossiers.read'], resource: 'none',
    note: 'the path names a dossier, not a bundle: 404 BUNDLE_NOT_FOUND; the slip passes between agencies, never to the applicant (403)',
  },
  'GET /api/v1/bundles/to-return': { access: 'signed-in', needs: ['dossiers.return'], resource: 'none' },
  'PUT /api/v1/bundles/{code}/return-choice': {
    access: 'signed-in', needs: ['dossiers.receive'], resource: 'none', body: () => ({ timing: 'together', place: 'counter' }),
    note: 'the path names a dossier, not a bundle: 404 BUNDLE_NOT_FOUND',
  },
  'POST /api/v1/bundles/{code}/return': {
    access: 'signed-in', needs: ['dossiers.return'], resource: 'none', body: () => ({ signature: { name: 'Nguyễn Văn An', signedAt: '2026-01-05T02:00:00.000Z' } }),
    note: 'the path names a dossier, not a bundle: 404 BUNDLE_NOT_FOUND',
  },
  'POST /api/v1/bundles/{code}/withdraw': {
    access: 'signed-in', needs: ['dossiers.withdraw'], resource: 'none', body: () => ({ reason: 'Người nộp xin rút' }),
    note: 'the path names a dossier, not a bundle: 404 BUNDLE_NOT_FOUND',
  },
  'GET /api/v1/dossiers': { access: 'signed-in', needs: ['dossiers.read', 'portal.self'], resource: 'none' },
  'GET /api/v1/dossiers/{code}': { access: 'signed-in', needs: ['dossiers.read', 'portal.self'], resource: 'dossier' },
  'GET /api/v1/my/dossiers/{code}/timeline': { access: 'signed-in', needs: ['portal.self'], resource: 'dossier' },
  'GET /api/v1/dossiers/{code}/assignees': { access: 'signed-in', needs: ['dossiers.process'], resource: 'dossier' },
  'POST /api/v1/dossiers/{code}/actions/{action}': {
    access: 'signed-in', needs: ['dossiers.approve'], resource: 'dossier', body: () => ({}),
    note: 'the action tried is approve on a dossier just received: the approver is let in and refused 409 INVALID_TRANSITION (the matrix changes no dossier); other actions are not walked',
  },
  // a work queue belongs to those who receive, carry or process dossiers (not to admin or supervisor, who read dossiers)
  'GET /api/v1/queue': { access: 'signed-in', needs: ['dossiers.receive', 'postal.courier', 'dossiers.process'], resource: 'none' },
  'GET /api/v1/audit/verify': { access: 'signed-in', needs: ['audit.verify'], resource: 'dossier', query: 'dossier={code}' },
  'GET /api/v1/track/{code}': { access: 'public' },
  // online submission (src/online): a citizen's own drafts, or staff filing for a citizen; draft 1 of the matrix is nobody's (404)
  'POST /api/v1/online/drafts': {
    access: 'signed-in', needs: ['portal.self', 'dossiers.receive', 'postal.courier'], resource: 'none', body: (s) => ({ procedureCode: s.procedureCode }),
  },
  'GET /api/v1/online/drafts/{id}': { access: 'signed-in', needs: ['portal.self', 'dossiers.receive', 'postal.courier'], resource: 'none', note: onlineDraftNote },
  'PUT /api/v1/online/drafts/{id}': { access: 'signed-in', needs: ['portal.self', 'dossiers.receive', 'postal.courier'], resource: 'none', body: () => ({}), note: onlineDraftNote },
  'GET /api/v1/online/drafts/{id}/review': { access: 'signed-in', needs: ['portal.self', 'dossiers.receive', 'postal.courier'], resource: 'none', note: onlineDraftNote },
  'POST /api/v1/online/drafts/{id}/confirmation-code': { access: 'signed-in', needs: ['portal.self', 'dossiers.receive', 'postal.courier'], resource: 'none', body: () => ({}), note: onlineDraftNote },
  'POST /api/v1/online/drafts/{id}/submit': { access: 'signed-in', needs: ['portal.self', 'dossiers.receive', 'postal.courier'], resource: 'none', body: () => ({}), note: onlineDraftNote },
  'GET /api/v1/online/inbox': { access: 'signed-in', needs: ['dossiers.receive'], resource: 'none' },
  'GET /api/v1/online/dossiers/{code}/supplement': { access: 'signed-in', needs: ['portal.self'], resource: 'dossier' },
  'POST /api/v1/online/dossiers/{code}/supplement': {
    access: 'signed-in', needs: ['portal.self'], resource: 'dossier', body: () => ({ papers: [{ item: 'Bản sao giấy khai sinh', fileId: 1 }] }),
    note: 'the dossier of scope A was received at a counter and awaits no supplement: 409 SUPPLEMENT_NOT_ONLINE',
  },
  'GET /api/v1/online/stats': { access: 'signed-in', needs: ['reports.read', 'dossiers.read'], resource: 'none', query: period },
  'GET /api/v1/dossiers/{code}/slips/{file}': { access: 'signed-in', needs: ['dossiers.read', 'portal.self'], resource: 'dossier' },
  'GET /api/v1/ledger.pdf': { access: 'signed-in', needs: ['dossiers.read'], resource: 'none', query: period },
  'GET /api/v1/ledger.xlsx': { access: 'signed-in', needs: ['dossiers.read'], resource: 'none', query: period },
  'POST /api/v1/counter-outcomes': { access: 'signed-in', needs: ['dossiers.receive'], resource: 'none', body: (s) => counterOutcome(s) },
  'GET /api/v1/counter-outcomes': { access: 'signed-in', needs: ['dossiers.receive', 'reports.read'], resource: 'none', query: period },
  'GET /api/v1/counter-outcomes/{id}': { access: 'signed-in', needs: ['dossiers.receive', 'reports.read'], resource: 'counterOutcome' },
  'GET /api/v1/counter-outcomes/{id}/slip.pdf': { access: 'signed-in', needs: ['dossiers.receive', 'reports.read'], resource: 'counterOutcome' },
  // the applicant's document store (src/documents/store*): those who receive dossiers look it up at intake; a citizen sees their own
  'GET /api/v1/documents/store': { access: 'signed-in', needs: ['documents.store', 'portal.self'], resource: 'none', query: 'personalId=087090001234' },
  'PUT /api/v1/documents/store/consent': { access: 'signed-in', needs: ['portal.self'], resource: 'none' },
  // electronic results (src/documents/results*): the agency attaches its signed file; whoever reads the dossier downloads it
  'POST /api/v1/dossiers/{code}/result-files': {
    access: 'signed-in', needs: ['documents.result'], resource: 'dossier', body: () => ({ fileId: 1, title: 'Giấy khai sinh' }),
    note: 'file 1 was not uploaded by the role: 400 RESULT_FILE_UNKNOWN (the matrix attaches nothing)',
  },
  'GET /api/v1/dossiers/{code}/result-files': { access: 'signed-in', needs: ['dossiers.read', 'portal.self'], resource: 'dossier' },
  'GET /api/v1/dossiers/{code}/result-files/{fileId}': {
    access: 'signed-in', needs: ['dossiers.read', 'portal.self'], resource: 'dossier',
    note: 'the dossier has no electronic result: 404 RESULT_FILE_NOT_FOUND',
  },
  'GET /api/v1/track/{code}/result-files/{fileId}': { access: 'public' },
  'POST /api/v1/dossiers/{code}/certified-copies': {
    access: 'signed-in', needs: ['documents.result'], resource: 'dossier', body: () => ({ fileId: 1 }),
    note: 'the dossier has no electronic result: 404 RESULT_FILE_NOT_FOUND (the matrix certifies nothing)',
  },
  'GET /api/v1/public/certified-copies/{id}': { access: 'public' },
  'POST /api/v1/public/certified-copies/{id}/check': { access: 'public' },
  'DELETE /api/v1/documents/store/consent': {
    access: 'signed-in', needs: ['portal.self'], resource: 'none',
    note: 'withdrawing a consent never given is 404 NO_CONSENT (the matrix may call it before or after the PUT)',
  },
  'GET /api/v1/sync/status': { access: 'signed-in', needs: ['sync.read'], resource: 'none', query: period },
  'GET /api/v1/sync/failures': { access: 'signed-in', needs: ['sync.read'], resource: 'none' },
  'POST /api/v1/sync/failures/{id}/retry': {
    access: 'signed-in', needs: ['sync.manage'], resource: 'none',
    note: 'sync row 1 may be missing, out of scope (404) or not failed (409): the administrator is let in and answered 404 or 409',
  },
  'GET /api/v1/sync/stats': { access: 'signed-in', needs: ['sync.read'], resource: 'none', query: period },
  'POST /api/v1/sync/backfill': { access: 'signed-in', needs: ['sync.manage'], resource: 'none', body: () => ({ from: '2026-03-01', to: '2026-03-31' }) },
  'GET /api/v1/admin/outbox': { access: 'signed-in', needs: ['directory.manage'], resource: 'shared' },
  'POST /api/v1/admin/outbox/{id}/retry': {
    access: 'signed-in', needs: ['directory.manage'], resource: 'shared',
    note: 'message 1 (an SMS of the dossiers received) is pending, not dead: the system administrator is let in and refused 409 OUTBOX_NOT_DEAD',
  },
  'GET /api/v1/public/anchors': { access: 'public' },
  // the counter queue (issue 14 §4): the kiosk and the display need no sign-in (a kiosk token opens the kiosk: 403 without one)
  'POST /api/v1/counter-queue/kiosks': { access: 'signed-in', needs: ['queue.serve'], resource: 'none' },
  'POST /api/v1/counter-queue/kiosks/close': { access: 'signed-in', needs: ['queue.serve'], resource: 'none' },
  'GET /api/v1/counter-queue/kiosk': { access: 'public' },
  'POST /api/v1/counter-queue/kiosk/tickets': { access: 'public' },
  'GET /api/v1/counter-queue': { access: 'signed-in', needs: ['queue.serve'], resource: 'none' },
  'POST /api/v1/counter-queue/calls': {
    access: 'signed-in', needs: ['queue.serve'], resource: 'none', body: () => ({ counterCode: 'Q1' }),
    note: 'the matrix world\'s service point has no counter Q1: the clerk is let in and refused 400 COUNTER_UNKNOWN (the calls are walked in src/appointments/queue-service.test.ts)',
  },
  'POST /api/v1/counter-queue/tickets/{id}/{action}': {
    access: 'signed-in', needs: ['queue.serve'], resource: 'none',
    deniedAs4xx: 'the matrix names the action approve, which the schema refuses (400) before the permission is asked',
    note: 'the action approve is not a ticket action: 400 from the schema (recall, served, noShow are walked in src/appointments/queue-service.test.ts)',
  },
  'GET /api/v1/counter-queue/display/{code}': { access: 'public' },
  'GET /api/v1/counter-queue/display/{code}/events': { access: 'public' },
  'GET /api/v1/portal/service-points': { access: 'public' },
  'GET /api/v1/counter-queue/figures': { access: 'signed-in', needs: ['reports.read'], resource: 'none', query: period },
  // postal (issue 13, src/postal): the shipment, leg and hand-over of scope A are a pickup asked for by scope A's clerk (its citizen's)
  'POST /api/v1/postal/pickups': {
    access: 'signed-in', needs: ['postal.request'], resource: 'none', body: (s) => pickupRequest(s),
    note: 'the clerk asks for a pickup at their post office (201); the citizen must name a post office: refused 400 PICKUP_INVALID without one',
  },
  'GET /api/v1/postal/shipments': { access: 'signed-in', needs: ['postal.courier', 'postal.dispatch', 'portal.self'], resource: 'none' },
  'GET /api/v1/postal/shipments/{id}': { access: 'signed-in', needs: ['postal.courier', 'postal.dispatch', 'portal.self'], resource: 'shipment' },
  'PUT /api/v1/postal/shipments/{id}/draft': { access: 'signed-in', needs: ['postal.courier'], resource: 'shipment', body: () => ({ formData: { fullName: 'Nguyễn Văn An' } }) },
  'POST /api/v1/postal/shipments/{id}/collect': {
    access: 'signed-in', needs: ['postal.courier'], resource: 'shipment', body: () => ({ items: [], paymentMethod: 'cash', applicantSignature: signature, courierSignature: signature }),
    note: 'the draft of the matrix\'s pickup is not complete: 400 DRAFT_INCOMPLETE (the matrix seals nothing)',
  },
  'POST /api/v1/postal/legs/{trackingNumber}/assign': {
    access: 'signed-in', needs: ['postal.dispatch', 'postal.courier'], resource: 'leg', body: () => ({}),
    note: 'the clerk (a dispatcher, not a courier) must name the courier: 400 COURIER_NOT_FOUND',
  },
  'POST /api/v1/postal/handovers': {
    access: 'signed-in', needs: ['postal.courier'], resource: 'none', body: () => ({ agencyId: 1, trackingNumbers: ['EB123456785VN'], receiver: { name: 'Trần Thị Nhận' }, courierSignature: signature, receiverSignature: signature }),
    note: 'no parcel of the matrix is sealed: refused 4xx (the matrix receives no dossier)',
  },
  'GET /api/v1/postal/handovers/{id}': {
    access: 'signed-in', needs: ['postal.courier'], resource: 'none',
    note: 'the matrix signs no hand-over record: 404 HANDOVER_NOT_FOUND',
  },
  'POST /api/v1/postal/legs/{trackingNumber}/depart': {
    access: 'signed-in', needs: ['postal.courier'], resource: 'leg', body: () => ({}),
    note: 'the matrix\'s pickup is not sealed: 409 PARCEL_NOT_COLLECTED',
  },
  'POST /api/v1/postal/transfers': {
    access: 'signed-in', needs: ['postal.transfer'], resource: 'none', body: () => ({ dossierCodes: ['X'], toAgencyId: 1, contents: 'Tờ trình' }),
    note: 'the matrix names no dossier the officer reads: 404',
  },
  'GET /api/v1/postal/transfer-agencies': { access: 'signed-in', needs: ['postal.transfer'], resource: 'none' },
  'GET /api/v1/postal/dossiers/{code}/transfers': { access: 'signed-in', needs: ['dossiers.read', 'portal.self'], resource: 'dossier' },
  'GET /api/v1/postal/dossiers/{code}/forward-by-post': { access: 'signed-in', needs: ['postal.dispatch'], resource: 'dossier' },
  'POST /api/v1/postal/dossiers/{code}/forward-by-post': {
    access: 'signed-in', needs: ['postal.dispatch'], resource: 'dossier', body: () => ({}),
    note: 'the matrix\'s dossier travels by post once (409 ALREADY_FORWARDED_BY_POST after), and only from the post office that received it (409 NOT_RECEIVED_HERE)',
  },
  'GET /api/v1/postal/legs/{trackingNumber}/transfer-postage': {
    access: 'signed-in', needs: ['postal.courier'], resource: 'leg', query: 'weightGrams=1001',
    note: 'the matrix\'s leg is a pickup, not a transfer: 404 SHIPMENT_NOT_FOUND',
  },
  'POST /api/v1/postal/legs/{trackingNumber}/collect-transfer': {
    access: 'signed-in', needs: ['postal.courier'], resource: 'leg', body: () => ({ senderSignature: signature, courierSignature: signature }),
    note: 'the matrix\'s leg is a pickup, not a transfer: 404 SHIPMENT_NOT_FOUND',
  },
  'POST /api/v1/postal/legs/{trackingNumber}/hand-over-transfer': {
    access: 'signed-in', needs: ['postal.courier'], resource: 'leg', body: () => ({ receiver: { name: 'Trần Thị Nhận' }, receiverSignature: signature, courierSignature: signature }),
    note: 'the matrix\'s leg is a pickup, not a transfer: 404 SHIPMENT_NOT_FOUND',
  },
  'POST /api/v1/postal/legs/{trackingNumber}/collect-result': {
    access: 'signed-in', needs: ['postal.courier'], resource: 'leg', body: () => ({ agencySignature: signature, courierSignature: signature }),
    note: 'the matrix\'s leg is a pickup, not a result: 404 SHIPMENT_NOT_FOUND',
  },
  'POST /api/v1/postal/legs/{trackingNumber}/attempts': {
    access: 'signed-in', needs: ['postal.courier'], resource: 'leg', body: () => ({ outcome: 'failed', reason: 'Không có người ở nhà' }),
    note: 'the matrix\'s leg is a pickup, not a result: 404 SHIPMENT_NOT_FOUND',
  },
  'POST /api/v1/postal/legs/{trackingNumber}/return-to-agency': {
    access: 'signed-in', needs: ['postal.courier'], resource: 'leg', body: () => ({ agencySignature: signature }),
    note: 'the matrix\'s leg is a pickup, not a result: 404 SHIPMENT_NOT_FOUND',
  },
  'GET /api/v1/postal/legs/{trackingNumber}/note.pdf': { access: 'signed-in', needs: ['postal.courier', 'postal.dispatch', 'portal.self'], resource: 'leg' },
  'GET /api/v1/postal/handovers/{id}/record.pdf': {
    access: 'signed-in', needs: ['postal.courier'], resource: 'none',
    note: 'the matrix signs no hand-over record: 404 HANDOVER_NOT_FOUND',
  },
  'GET /api/v1/public/postal/{trackingNumber}': { access: 'public' },
  'GET /api/v1/postal/day-plan': {
    access: 'signed-in', needs: ['postal.courier'], resource: 'none',
    note: 'the courier\'s own day: only their tasks, at their post office (a matrix post office without a position answers 404 POST_OFFICE_POSITION_UNKNOWN)',
  },
  'GET /api/v1/postal/shipments/{id}/charges': { access: 'signed-in', needs: ['postal.courier'], resource: 'shipment' },
  'GET /api/v1/postal/handover-agencies': { access: 'signed-in', needs: ['postal.courier'], resource: 'none' },
  'POST /api/v1/postal/legs/{trackingNumber}/incidents': {
    access: 'signed-in', needs: ['postal.dispatch', 'postal.courier'], resource: 'leg', body: () => ({ kind: 'late', description: 'Hồ sơ đến cơ quan chậm hai ngày', reportedBy: 'Nguyễn Văn An' }),
  },
  'GET /api/v1/postal/incidents': { access: 'signed-in', needs: ['postal.dispatch', 'postal.courier'], resource: 'none' },
  'POST /api/v1/postal/incidents/{id}/resolve': {
    access: 'signed-in', needs: ['postal.dispatch'], resource: 'none', body: () => ({ resolution: 'Đã xin lỗi người nộp và giao bù trong ngày' }),
    note: 'the matrix\'s id names no incident of the clerk\'s post office: 404 INCIDENT_NOT_FOUND',
  },
  'GET /api/v1/postal/stats': { access: 'signed-in', needs: ['reports.read', 'postal.dispatch'], resource: 'none', query: period },
  'GET /api/v1/postal/transfer-postage': { access: 'signed-in', needs: ['postal.dispatch', 'reports.read', 'postal.transfer'], resource: 'none', query: 'month=2026-04' },
  'POST /api/v1/files': {
    access: 'signed-in', needs: ['files.upload'], resource: 'none',
    note: 'an upload is a multipart body and the matrix sends JSON: 415 UPLOAD_NOT_MULTIPART (src/documents/files.test.ts uploads for real)',
  },
  'POST /api/v1/files/compose': {
    access: 'signed-in', needs: ['files.upload'], resource: 'none', body: () => ({ pages: [{ fileId: 1, rotation: 0 }] }),
    note: 'file 1 is nobody\'s the role may read (the matrix uploads none): 404 FILE_NOT_FOUND; composing is tested in src/documents/files.test.ts',
  },
  'GET /api/v1/files/{id}': {
    access: 'signed-in', needs: 'session', resource: 'none',
    note: 'file 1 is nobody\'s the role may read (the matrix uploads none): 404 FILE_NOT_FOUND; who may read a file is tested in src/documents/files.test.ts',
  },
  // appointments (issue 14): the portal's booking routes are public (a verified phone or the signed link is the key)
  'GET /api/v1/appointments/slots': { access: 'public' },
  'POST /api/v1/appointments/phone-codes': { access: 'public' },
  'POST /api/v1/public/citizens/phone-codes': { access: 'public' },
  'POST /api/v1/public/citizens/register': { access: 'public' },
  'POST /api/v1/public/citizens/password-reset': { access: 'public' },
  'POST /api/v1/public/citizens/codes': { access: 'public' },
  // the citizen's own phone and e-mail ("Tài khoản của tôi", issue 15 §1)
  'GET /api/v1/citizens/me/contacts': { access: 'signed-in', needs: ['portal.self'], resource: 'none' },
  'POST /api/v1/citizens/me/contact-codes': {
    access: 'signed-in', needs: ['portal.self'], resource: 'none', body: () => ({ email: 'ma-tran@example.vn' }),
    note: 'the address may have had its codes already (429 ONE_TIME_CODE_RATE_LIMITED)',
  },
  'POST /api/v1/citizens/me/contacts': {
    access: 'signed-in', needs: ['portal.self'], resource: 'none', body: () => ({ email: 'ma-tran@example.vn', code: '000000' }),
    note: 'the code is wrong on purpose (the matrix changes nobody\'s contacts): 400 ONE_TIME_CODE_WRONG or EXPIRED, or 429',
  },
  // the national e-ID login (issue 15 §1); its simulator's routes (/eid-sim) are not motcua's API and not in the document
  'GET /api/v1/public/eid/provider': { access: 'public' },
  'GET /api/v1/public/eid/start': { access: 'public' },
  'GET /api/v1/public/eid/callback': { access: 'public' },
  'POST /api/v1/citizens/verify-personal-id': {
    access: 'signed-in', needs: ['citizens.verify'], resource: 'none',
    body: (s) => ({ username: 'khong-co-tai-khoan', personalId: s.personalId }),
    note: 'the body names no account of the world: 404 ACCOUNT_NOT_FOUND',
  },
  'POST /api/v1/appointments/phone-codes/verify': { access: 'public' },
  'POST /api/v1/appointments/bookings': { access: 'public' },
  'GET /api/v1/appointments/bookings/{bookingCode}': { access: 'public' },
  'POST /api/v1/appointments/bookings/{bookingCode}/cancel': { access: 'public' },
  'POST /api/v1/appointments/bookings/{bookingCode}/reschedule': { access: 'public' },
  'GET /api/v1/appointments/bookings/{bookingCode}/calendar.ics': { access: 'public' },
  'GET /api/v1/appointments/bookings': { access: 'signed-in', needs: ['appointments.serve'], resource: 'none', query: 'servicePointCode={servicePointCode}&date=2026-03-10' },
  'GET /api/v1/appointments/home-visits': { access: 'signed-in', needs: ['appointments.serve', 'postal.courier'], resource: 'none', query: 'servicePointCode={servicePointCode}&date=2026-03-10' },
  'POST /api/v1/appointments/bookings/{bookingCode}/arrival': {
    access: 'signed-in', needs: ['appointments.serve'], resource: 'none', note: 'the matrix world has no booking: the staff member is let in and answered 404 BOOKING_NOT_FOUND',
  },
  'POST /api/v1/appointments/bookings/{bookingCode}/no-show': {
    access: 'signed-in', needs: ['appointments.serve'], resource: 'none', note: 'the matrix world has no booking: the staff member is let in and answered 404 BOOKING_NOT_FOUND',
  },
  'GET /api/v1/appointments/service-points/{code}/settings': { access: 'signed-in', needs: ['appointments.configure'], resource: 'none' },
  'PUT /api/v1/appointments/service-points/{code}/settings': {
    access: 'signed-in', needs: ['appointments.configure'], resource: 'none',
    body: (s) => ({ servicePointCode: s.servicePointCode, rules: { minNoticeMinutes: 120, horizonDays: 30, homeCouriers: 2, homeTravelMinutes: 20 }, counterProcedures: {}, exceptions: [] }),
  },
  // visits at home (issue 14 §2): the couriers' areas are the point's administrators'; the portal's communes are public
  'GET /api/v1/appointments/service-points/{code}/courier-areas': { access: 'signed-in', needs: ['appointments.configure'], resource: 'none' },
  'PUT /api/v1/appointments/service-points/{code}/courier-areas': { access: 'signed-in', needs: ['appointments.configure'], resource: 'none', body: () => ({ items: [] }) },
  'GET /api/v1/portal/home-communes': { access: 'public' },
  'GET /api/v1/appointments/pickups/{code}': {
    access: 'signed-in', needs: ['portal.self', 'appointments.book'], resource: 'dossier',
    note: 'a dossier of the matrix world whose result is not returned at a counter answers 404/409',
  },
  'GET /api/v1/appointments/service-points/{code}/counter-hours': { access: 'signed-in', needs: ['appointments.configure'], resource: 'none' },
  'PUT /api/v1/appointments/service-points/{code}/counter-hours': { access: 'signed-in', needs: ['appointments.configure'], resource: 'none', body: () => ({ items: [] }) },
  'GET /api/v1/appointments/durations': { access: 'signed-in', needs: ['appointments.configure'], resource: 'none' },
  'PUT /api/v1/appointments/durations': { access: 'signed-in', needs: ['appointments.configure'], resource: 'shared', body: () => ({ items: [] }) },
  'GET /api/v1/appointments/stats': { access: 'signed-in', needs: ['reports.read'], resource: 'none', query: period },
  'GET /api/v1/documents/search': { access: 'signed-in', needs: ['dossiers.read'], resource: 'none', query: 'q=nguyen%20van' },
  'GET /api/v1/documents/ocr/failures': { access: 'signed-in', needs: ['dossiers.read'], resource: 'none' },
  'POST /api/v1/documents/ocr/{id}/retry': {
    access: 'signed-in', needs: ['documents.ocr'], resource: 'none',
    note: 'file 1 is no scan of a dossier in the actor\'s scope: 404 FILE_NOT_FOUND, the same as out of scope',
  },
  // payments (issue 15 §4, src/payments): fees, online payment orders, a dossier's payment state; the gateway's public side
  'GET /api/v1/payments/fees': { access: 'signed-in', needs: 'session', resource: 'none', query: 'procedureCode={procedureCode}' },
  'POST /api/v1/payments/orders': {
    access: 'signed-in', needs: ['portal.self', 'payments.collect'], resource: 'none',
    body: () => ({ subject: { kind: 'dossier', id: '000.00.30.H20-260302-9999' }, returnUrl: '/thanh-toan/ket-qua' }),
    note: 'the body names no dossier of the actor\'s scope: 404 PAYMENT_SUBJECT_NOT_FOUND (a real order is made in src/payments tests)',
  },
  'GET /api/v1/payments/state': { access: 'signed-in', needs: 'session', resource: 'dossier', query: 'kind=dossier&id={code}' },
  'POST /api/v1/payments/counter': {
    access: 'signed-in', needs: ['payments.collect'], resource: 'none', body: () => ({ dossierCode: '000.00.30.H20-260302-9999', paymentMethod: 'card' }),
    note: 'the body names no dossier of the actor\'s scope: 404 DOSSIER_NOT_FOUND (payments at the counter are made in src/payments tests)',
  },
  'GET /api/v1/payments/receipts': { access: 'signed-in', needs: ['payments.read', 'portal.self'], resource: 'none', query: period },
  'GET /api/v1/payments/receipts/{id}/receipt.pdf': {
    access: 'signed-in', needs: ['payments.read', 'portal.self'], resource: 'none', note: 'receipt 1 is none of the actor\'s scope: 404 RECEIPT_NOT_FOUND, the same as out of scope',
  },
  'POST /api/v1/payments/receipts/{id}/refunds': {
    access: 'signed-in', needs: ['payments.refund'], resource: 'none', body: () => ({ reason: 'Thu nhầm lệ phí' }),
    note: 'receipt 1 is none of the actor\'s scope: 404 RECEIPT_NOT_FOUND, the same as out of scope',
  },
  'GET /api/v1/payments/shifts/current': { access: 'signed-in', needs: ['payments.collect'], resource: 'none' },
  'POST /api/v1/payments/shifts': { access: 'signed-in', needs: ['payments.collect'], resource: 'none', body: () => ({ openingCashVnd: 500_000 }), note: 'the clerk may already hold an open shift: 409 SHIFT_ALREADY_OPEN' },
  'POST /api/v1/payments/shifts/current/close': {
    access: 'signed-in', needs: ['payments.collect'], resource: 'none', body: () => ({ countedCashVnd: 500_000 }), note: 'no shift open (or one already closed): 409 NO_OPEN_SHIFT',
  },
  'GET /api/v1/payments/shifts': { access: 'signed-in', needs: ['payments.read'], resource: 'none', query: period },
  'POST /api/v1/payments/settlements': { access: 'signed-in', needs: ['payments.reconcile'], resource: 'none', body: () => ({ day: '2026-03-02', csv: 'ngay,ma_giao_dich_merchant,ma_giao_dich_cong,so_tien,loai\n' }) },
  'GET /api/v1/payments/reconciliation': { access: 'signed-in', needs: ['payments.reconcile'], resource: 'none', query: 'day=2026-03-02' },
  'GET /api/v1/public/payments/orders/{orderId}': { access: 'public' },
  'GET /api/v1/public/payments/return': { access: 'public' },
  'GET /api/v1/public/payments/ipn': { access: 'public' },
  'GET /api/v1/public/payments/simulator/pay': { access: 'public' },
  'GET /api/v1/public/payments/simulator/complete': { access: 'public' },
  'GET /api/v1/public/payments/simulator/settlements/{day}': { access: 'public' },
};

const signature = { name: 'Người Ký', image: 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==' };

/** A valid pickup request of scope A (asked for by its clerk for its citizen, tomorrow morning). */
export const pickupRequest = (s: Pick<Scope, 'procedureCode' | 'personalId' | 'communeCode'>) => {
  const day = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  return {
    procedureCode: s.procedureCode, origin: 'phone', applicant: { name: 'Nguyễn Văn An', phone: '0912345678', personalId: s.personalId },
    address: 'Số 12 đường Lê Lợi, ấp 3', communeCode: s.communeCode, windowFrom: `${day}T08:00:00+07:00`, windowTo: `${day}T10:00:00+07:00`,
  };
};

/** A valid counter outcome (guidance given at the counter) of scope A. */
export const counterOutcome = (s: Pick<Scope, 'procedureCode' | 'personalId'>) =>
  ({ kind: 'incomplete', procedureCode: s.procedureCode, applicant: { kind: 'person', name: 'Nguyễn Văn An', personalId: s.personalId }, items: ['Mang theo giấy chứng sinh'] });
