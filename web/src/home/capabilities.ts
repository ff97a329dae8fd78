// What a user does in motcua, in the order the home page lists it: each capability is shown to
// whoever holds its permission (from /auth/me; the app never compares role names). A capability
// has its page in `capabilityPaths`.
import { userCan, type Permission, type User } from '../api/types';
import type { Messages } from '../i18n/vi';
import { paths } from '../routes';

export type CapabilityKey = keyof Messages['capabilities'];

/** Each capability and the permissions it needs (all of them). */
export const capabilityPermissions = [
  // the counter
  ['receiveDossier', ['dossiers.receive']], ['receiveBundle', ['dossiers.receive']], ['counterQueue', ['dossiers.receive']], ['returnResult', ['dossiers.receive', 'dossiers.return']],
  ['onlineInbox', ['dossiers.receive']], ['assistedFiling', ['dossiers.receive']],
  ['cashier', ['payments.collect']], ['receipts', ['payments.read']],
  // the postal worker
  ['pickupAtHome', ['postal.courier']], ['deliverResult', ['postal.courier']], ['courierRoute', ['postal.courier']],
  ['postalIncidents', ['postal.dispatch']], ['transferPostage', ['postal.dispatch']],
  // the agency desk, and search for whoever handles dossiers
  ['agencyTransferPostage', ['postal.transfer']], ['approvalQueue', ['dossiers.approve']], ['processQueue', ['dossiers.process']], ['searchDossiers', ['dossiers.read', 'dossiers.supplement']],
  ['searchScans', ['dossiers.read']],
  // supervision
  ['dashboard', ['reports.read']], ['lateDossiers', ['supervision.read']], ['auditTrail', ['audit.verify']],
  ['nationalSync', ['sync.read']], ['reconciliation', ['payments.reconcile']],
  // administration
  ['adminUnits', ['directory.manage']], ['procedureCatalog', ['catalog.manage']], ['workCalendar', ['calendar.manage']], ['users', ['users.manage']],
  ['counterHours', ['appointments.configure']],
  // the citizen
  ['submitOnline', ['portal.self']], ['myDossiers', ['portal.self']], ['myPapers', ['portal.self']], ['bookAppointment', ['portal.self']],
] as const satisfies readonly (readonly [CapabilityKey, readonly Permission[]])[];

/** What this user can do, in the home page's order. */
export const capabilitiesOf = (user: Pick<User, 'permissions'>): CapabilityKey[] =>
  capabilityPermissions.filter(([, needed]) => needed.every((p) => userCan(user, p))).map(([c]) => c);

/** Capabilities every signed-in user has. */
export const accountCapabilities = ['changePassword'] as const satisfies readonly CapabilityKey[];

/** The page of each capability: every one has its page. */
export const capabilityPaths: Record<CapabilityKey, string> = {
  changePassword: paths.changePassword,
  workCalendar: paths.adminCalendar,
  counterHours: paths.counterHours,
  adminUnits: paths.adminUnits,
  users: paths.adminUsers,
  procedureCatalog: paths.adminCatalog,
  receiveDossier: paths.counterReceive,
  receiveBundle: paths.counterBundle,
  counterQueue: paths.processingQueue,
  returnResult: paths.counterReturn,
  searchDossiers: paths.dossierSearch,
  searchScans: paths.scanSearch,
  processQueue: paths.processingQueue,
  approvalQueue: paths.processingQueue,
  dashboard: paths.dashboard,
  lateDossiers: paths.supervision,
  auditTrail: paths.supervision,
  nationalSync: paths.syncStatus,
  myDossiers: paths.myDossiers,
  myPapers: paths.myPapers,
  bookAppointment: paths.portalBooking,
  pickupAtHome: paths.courierPickups,
  deliverResult: paths.courierResults,
  courierRoute: paths.courierDay,
  postalIncidents: paths.postalIncidents,
  transferPostage: paths.postalTransferPostage,
  agencyTransferPostage: paths.postalTransferPostage,
  onlineInbox: paths.onlineInbox,
  assistedFiling: paths.onlineAssist,
  submitOnline: paths.onlineSubmit,
  cashier: paths.cashier,
  receipts: paths.receipts,
  reconciliation: paths.reconciliation,
};
