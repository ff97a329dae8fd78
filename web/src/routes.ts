// The app's addresses. Only pages that work are listed; a new surface adds its path here.
import type { Permission } from './api/permissions';
import { publicPaths } from './public-paths';

export { codeAfter } from './public-paths';

export const paths = {
  ...publicPaths,
  home: '/',
  changePassword: '/doi-mat-khau',
  adminCalendar: '/quan-tri/lich',
  /** administrators: units and their successions, agencies, service points and opening hours */
  adminUnits: '/quan-tri/don-vi',
  adminAgencies: '/quan-tri/co-quan',
  adminServicePoints: '/quan-tri/diem-phuc-vu',
  /** administrators: accounts, roles and scopes */
  adminUsers: '/quan-tri/nguoi-dung',
  /** administrators: the procedure catalogue; a procedure's page is this path + '/' + its code */
  adminCatalog: '/quan-tri/thu-tuc',
  counterReceive: '/quay/tiep-nhan',
  /** a bundled dossier (hồ sơ liên thông, issue 17): several procedures in one visit */
  counterBundle: '/quay/lien-thong',
  counterReturn: '/quay/tra-ket-qua',
  processingQueue: '/xu-ly',
  /** a dossier's page is this path + '/' + its code */
  processingDossier: '/xu-ly/ho-so',
  /** a bundled dossier's page (issue 17) is this path + '/' + its parent code */
  processingBundle: '/xu-ly/lien-thong',
  dossierSearch: '/xu-ly/tim-kiem',
  /** staff: search the recognised (OCR) text of scans, and the scans that could not be read */
  scanSearch: '/xu-ly/tim-trong-ban-quet',
  /** supervisors: statistics and the Decision 766 indicators */
  dashboard: '/giam-sat/thong-ke',
  /** supervisors and approvers: at-risk and overdue dossiers, officers, audit check, notifications */
  supervision: '/giam-sat/theo-doi',
  /** public, no sign-in: processing times per procedure */
  transparency: '/minh-bach',
  /** public, no sign-in: the signed daily anchors of the dossier log and the public key */
  anchors: '/cong-khai/neo',
  /** public, no sign-in: a certified electronic copy's verification page is this path + '/' + its id */
  verifyCopy: '/xac-minh',
  /** couriers: the day's route, the post office's tasks to take, what is done */
  courierDay: '/buu-ta/ngay-lam-viec',
  /** couriers: pickups at home; one pickup is this path + '/' + its shipment id */
  courierPickups: '/buu-ta/nhan-ho-so',
  /** couriers: result deliveries; one delivery is this path + '/' + its shipment id */
  courierResults: '/buu-ta/phat-ket-qua',
  /** couriers: the hand-over record with an agency */
  courierHandover: '/buu-ta/ban-giao',
  /** couriers: papers carried between agencies; one transfer is this path + '/' + its shipment id */
  courierTransfers: '/buu-ta/chuyen-ho-so',
  /** post office dispatchers: incidents and complaints of the office's legs, resolved with compensation */
  postalIncidents: '/buu-cuc/su-co',
  /** the month's statement of the postage of transfers between agencies, billed to the sending agency */
  postalTransferPostage: '/buu-cuc/cuoc-chuyen-ho-so',
  /** the one-stop: online dossiers awaiting acceptance (issue 15 §2) */
  onlineInbox: '/quay/truc-tuyen',
  /** staff: file an online dossier for a citizen, confirmed by the citizen's one-time code (issue 15 §3) */
  onlineAssist: '/quay/nop-thay',
  /** administrators and supervisors: the national portal sync — counts, failures, retry */
  syncStatus: '/quan-tri/dong-bo',
  /** administrators: opening hours per counter (issue 14 §1); `?diem=<code>` opens a service point */
  counterHours: '/quan-tri/gio-quay',
  /** citizens: pay a dossier's fees online; one dossier is this path + '/' + its code */
  payDossier: '/thanh-toan/ho-so',
  /** citizens: send online the supplement an online dossier was asked for; this path + '/' + its code */
  supplementDossier: '/cong-dan/bo-sung',
  /** clerks: the cash drawer's shift and payments for dossiers at the counter */
  cashier: '/quay/thu-phi',
  /** clerks and supervisors: electronic receipts (search, PDF, refunds) */
  receipts: '/quay/bien-lai',
  /** the provincial office: a day's online payments against the gateway's settlement file */
  reconciliation: '/giam-sat/doi-soat',
} as const satisfies Record<string, `/${string}`>;

type PagePath = Exclude<(typeof paths)[keyof typeof paths], typeof paths.home>;

/**
 * Who may open each signed-in page (any one of the permissions; none listed: everyone signed in),
 * the same permissions the page's endpoints check, grouped by who. Anyone else sees only the refusal.
 */
export const pagePermissions = {
  // everyone signed in (the public pages too: they need no sign-in at all)
  [paths.changePassword]: [],
  [paths.adminCalendar]: [],
  [paths.tracking]: [],
  [paths.transparency]: [],
  [paths.anchors]: [],
  [paths.verifyCopy]: [],
  [paths.kiosk]: [],
  [paths.queueDisplay]: [],
  [paths.portalBooking]: [],
  [paths.portalProcedures]: [],
  [paths.payResult]: [],
  // one permission, grouped by it
  [paths.counterHours]: ['appointments.configure'],
  [paths.adminCatalog]: ['catalog.manage'],
  [paths.adminUnits]: ['directory.manage'],
  [paths.adminAgencies]: ['directory.manage'],
  [paths.adminServicePoints]: ['directory.manage'],
  [paths.dossierSearch]: ['dossiers.read'],
  [paths.scanSearch]: ['dossiers.read'],
  [paths.counterReceive]: ['dossiers.receive'],
  [paths.counterBundle]: ['dossiers.receive'],
  [paths.onlineInbox]: ['dossiers.receive'],
  [paths.counterReturn]: ['dossiers.return'],
  [paths.myDossiers]: ['portal.self'],
  [paths.myPapers]: ['portal.self'],
  [paths.myAccount]: ['portal.self'],
  [paths.register]: [],
  [paths.forgotPassword]: [],
  [paths.onlineSubmit]: ['portal.self'],
  [paths.payDossier]: ['portal.self'],
  [paths.supplementDossier]: ['portal.self'],
  [paths.courierDay]: ['postal.courier'],
  [paths.courierPickups]: ['postal.courier'],
  [paths.courierResults]: ['postal.courier'],
  [paths.courierHandover]: ['postal.courier'],
  [paths.courierTransfers]: ['postal.courier'],
  [paths.dashboard]: ['reports.read'],
  [paths.postalIncidents]: ['postal.dispatch'],
  [paths.syncStatus]: ['sync.read'],
  [paths.adminUsers]: ['users.manage'],
  [paths.cashier]: ['payments.collect'],
  [paths.receipts]: ['payments.read'],
  [paths.reconciliation]: ['payments.reconcile'],
  // any one of two
  [paths.processingQueue]: ['dossiers.process', 'dossiers.receive'],
  [paths.processingDossier]: ['dossiers.read', 'portal.self'],
  [paths.processingBundle]: ['dossiers.read', 'portal.self'],
  [paths.supervision]: ['reports.read', 'dossiers.approve'],
  [paths.onlineAssist]: ['dossiers.receive', 'postal.courier'],
  // the post office's dispatcher, a supervisor or administrator of the unit, an agency's officer (its own)
  [paths.postalTransferPostage]: ['postal.dispatch', 'reports.read', 'postal.transfer'],
} as const satisfies Record<PagePath, readonly Permission[]>;


/** The return of one dossier at the counter (the calling panel's booked result pickup): `?ho-so=<code>` opens it. */
export const counterReturnOf = (code: string): string => `${paths.counterReturn}?ho-so=${encodeURIComponent(code)}`;

/** The permissions a path needs: its page's, or a dossier page's for `/xu-ly/ho-so/<code>`. */
export function permissionsFor(path: string): readonly Permission[] {
  if (path.startsWith(`${paths.processingDossier}/`)) return pagePermissions[paths.processingDossier];
  if (path.startsWith(`${paths.processingBundle}/`)) return pagePermissions[paths.processingBundle];
  if (path.startsWith(`${paths.adminCatalog}/`)) return pagePermissions[paths.adminCatalog];
  if (path.startsWith(`${paths.courierPickups}/`)) return pagePermissions[paths.courierPickups];
  if (path.startsWith(`${paths.courierResults}/`)) return pagePermissions[paths.courierResults];
  if (path.startsWith(`${paths.courierTransfers}/`)) return pagePermissions[paths.courierTransfers];
  if (path.startsWith(`${paths.onlineSubmit}/`)) return pagePermissions[paths.onlineSubmit];
  if (path.startsWith(`${paths.payDossier}/`)) return pagePermissions[paths.payDossier];
  if (path.startsWith(`${paths.supplementDossier}/`)) return pagePermissions[paths.supplementDossier];
  return (pagePermissions as Readonly<Record<string, readonly Permission[]>>)[path] ?? [];
}
