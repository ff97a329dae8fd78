// Which page each path of the signed-in app shows: one table of exact paths, one of prefixes
// followed by a code (`/xu-ly/ho-so/<code>`), and the public pages a visitor may open unsigned.
import type { ReactNode } from 'react';
import { userCan, type User } from './api/types';
import { canAny } from './api/permissions';
import {
  account, admin, anchors, appointments, cashier, citizen, counter, dashboard, documents, home, ocr, online, portalAccount, portalPayment, portalSubmit, portalSupplement, postal, processing,
  supervision, sync, tracking, transparency,
} from './pages';
import { codeAfter, paths, permissionsFor } from './routes';
import { ForbiddenPage } from './ui/ForbiddenPage';
import { NotFoundPage } from './ui/NotFoundPage';

interface PageProps {
  readonly user: User;
  readonly onSessionLost: () => void;
}

const exactPages: Readonly<Record<string, (props: PageProps) => ReactNode>> = {
  [paths.home]: ({ user }) => <home.HomePage user={user} />,
  [paths.changePassword]: ({ user, onSessionLost }) => <account.ChangePasswordPage username={user.username} onSessionLost={onSessionLost} />,
  [paths.adminCalendar]: ({ user }) => <admin.CalendarAdminPage user={user} />,
  [paths.adminUnits]: () => <admin.UnitsPage />,
  [paths.adminAgencies]: () => <admin.AgenciesPage />,
  [paths.adminServicePoints]: () => <admin.ServicePointsPage />,
  [paths.counterHours]: ({ user }) => <appointments.CounterHoursPage user={user} />,
  [paths.adminUsers]: ({ user }) => <admin.UsersPage user={user} />,
  [paths.adminCatalog]: () => <admin.CatalogPage />,
  [paths.counterReceive]: ({ user }) => <counter.ReceivePage user={user} />,
  [paths.counterBundle]: ({ user }) => <counter.BundleReceivePage user={user} />,
  [paths.counterReturn]: () => <counter.ReturnPage />,
  [paths.processingQueue]: ({ user }) => <processing.QueuePage user={user} />,
  [paths.dossierSearch]: () => <processing.SearchPage />,
  [paths.scanSearch]: ({ user }) => <ocr.ScanSearchPage user={user} />,
  [paths.tracking]: () => <tracking.TrackingPage />,
  [paths.dashboard]: ({ user }) => <dashboard.DashboardPage user={user} />,
  [paths.supervision]: ({ user }) => <supervision.SupervisionPage canVerifyAudit={userCan(user, 'audit.verify')} />,
  [paths.transparency]: () => <transparency.TransparencyPage />,
  [paths.anchors]: () => <anchors.AnchorsPage />,
  [paths.syncStatus]: () => <sync.SyncStatusPage />,
  [paths.myDossiers]: () => <citizen.MyDossiersPage />,
  [paths.myPapers]: () => <citizen.MyPapersPage />,
  [paths.myAccount]: () => <portalAccount.MyAccountPage />,
  [paths.onlineInbox]: () => <online.InboxPage />,
  [paths.onlineAssist]: () => <online.AssistPage />,
  [paths.onlineSubmit]: () => <portalSubmit.SubmitPage procedureCode="" />,
  [paths.cashier]: () => <cashier.CashierPage />,
  [paths.receipts]: ({ user }) => <cashier.ReceiptsPage canRefund={userCan(user, 'payments.refund')} />,
  [paths.reconciliation]: () => <cashier.ReconciliationPage />,
  [paths.postalIncidents]: () => <postal.IncidentsPage />,
  [paths.postalTransferPostage]: () => <postal.TransferPostagePage />,
};

/** Pages at a prefix + '/' + a code or id; the first whose prefix matches shows. */
const codePages: ReadonlyArray<readonly [string, (code: string, props: PageProps) => ReactNode]> = [
  [paths.onlineSubmit, (code) => <portalSubmit.SubmitPage key={code} procedureCode={code} />],
  [paths.payDossier, (code) => <portalPayment.PayDossierPage key={code} code={code} />],
  [paths.supplementDossier, (code) => <portalSupplement.SupplementPage key={code} code={code} />],
  [paths.verifyCopy, (code) => <documents.VerifyPage key={code} id={code} />],
  [paths.processingDossier, (code, { user }) => <processing.DossierPage key={code} code={code} user={user} />],
  [paths.processingBundle, (code, { user }) => <processing.BundlePage key={code} code={code} user={user} />],
  [paths.adminCatalog, (code) => <admin.ProcedurePage key={code} code={code} />],
];

function codePage(path: string, props: PageProps): ReactNode | null {
  const found = codePages.find(([prefix]) => path.startsWith(`${prefix}/`));
  return found ? found[1](codeAfter(path, found[0]), props) : null;
}

/**
 * The signed-in citizen's pages that show in the portal's frame, not the staff one: online submission
 * and supplement, the account — and, for a citizen (`portal.self`), the password change it links to.
 */
export const isPortalPage = (path: string, user: User): boolean =>
  path === paths.myAccount || path === paths.onlineSubmit || path.startsWith(`${paths.onlineSubmit}/`) || path.startsWith(`${paths.supplementDossier}/`)
  || (path === paths.changePassword && userCan(user, 'portal.self'));

/** The page for a signed-in user at `path`: the refusal when the user may not open it. */
export function SignedInPage({ path, ...props }: PageProps & { readonly path: string }) {
  if (!canAny(props.user, permissionsFor(path))) return <ForbiddenPage />;
  const exact = exactPages[path];
  if (exact) return exact(props);
  // the courier's pages route their own sub-paths
  if (path.startsWith('/buu-ta/')) return <postal.CourierPage path={path} user={props.user} />;
  return codePage(path, props) ?? <NotFoundPage />;
}

const publicPages: Readonly<Record<string, () => ReactNode>> = {
  [paths.tracking]: () => <tracking.TrackingPage />,
  [paths.transparency]: () => <transparency.TransparencyPage />,
  [paths.anchors]: () => <anchors.AnchorsPage />,
};

/** The page a visitor who is not signed in may open at `path`, or null (they see the login page). */
export function publicPage(path: string): ReactNode | null {
  const page = publicPages[path];
  if (page) return page();
  return path.startsWith(`${paths.verifyCopy}/`) ? <documents.VerifyPage key={path} id={codeAfter(path, paths.verifyCopy)} /> : null;
}
