// The session (who is signed in) and the page for the current path.
import { Suspense, useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { currentUser, logout } from './api/auth';
import { userCan, type User } from './api/types';
import { canAny } from './api/permissions';
import { registerStaffTexts } from './i18n/staff';
import {
  AgenciesPage, AnchorsPage, CalendarAdminPage, CatalogPage, ChangePasswordPage, DashboardPage, DossierPage, HomePage,
  LoginPage, MyDossiersPage, PublicLink, MyPapersPage, ProcedurePage, QueuePage, ReceivePage, ReturnPage, ScanSearchPage, SearchPage,
  ServicePointsPage, SupervisionPage, SyncStatusPage, TrackingPage, TransparencyLink, TransparencyPage, UnitsPage, UsersPage, VerifyPage,
} from './pages';
import { CourierPage } from './pages';
// online submission (issue 15 §2, §3)
import { AssistPage, InboxPage, SubmitPage } from './pages';
import { codeAfter, paths, permissionsFor } from './routes';
import { ForbiddenPage } from './ui/ForbiddenPage';
import { errorMessage } from './ui/errors';
import { Layout } from './ui/Layout';
import { NotFoundPage } from './ui/NotFoundPage';
import { Notice } from './ui/Notice';
import { navigate, usePath } from './ui/router';
import { Button } from './ui/Button';

registerStaffTexts();

type Session =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly error: unknown }
  | { readonly status: 'anonymous'; readonly notice: 'loggedOut' | null }
  | { readonly status: 'signedIn'; readonly user: User };

function Page({ path, user, onSessionLost }: { path: string; user: User; onSessionLost: () => void }) {
  if (!canAny(user, permissionsFor(path))) return <ForbiddenPage />;
  switch (path) {
    case paths.home:
      return <HomePage user={user} />;
    case paths.changePassword:
      return <ChangePasswordPage username={user.username} onSessionLost={onSessionLost} />;
    case paths.adminCalendar:
      return <CalendarAdminPage user={user} />;
    case paths.adminUnits:
      return <UnitsPage />;
    case paths.adminAgencies:
      return <AgenciesPage />;
    case paths.adminServicePoints:
      return <ServicePointsPage />;
    case paths.adminUsers:
      return <UsersPage user={user} />;
    case paths.adminCatalog:
      return <CatalogPage />;
    case paths.counterReceive:
      return <ReceivePage user={user} />;
    case paths.counterReturn:
      return <ReturnPage />;
    case paths.processingQueue:
      return <QueuePage user={user} />;
    case paths.dossierSearch:
      return <SearchPage />;
    case paths.scanSearch:
      return <ScanSearchPage user={user} />;
    case paths.tracking:
      return <TrackingPage />;
    case paths.dashboard:
      return <DashboardPage user={user} />;
    case paths.supervision:
      return <SupervisionPage canVerifyAudit={userCan(user, 'audit.verify')} />;
    case paths.transparency:
      return <TransparencyPage />;
    case paths.anchors:
      return <AnchorsPage />;
    case paths.syncStatus:
      return <SyncStatusPage />;
    case paths.myDossiers:
      return <MyDossiersPage />;
    case paths.myPapers:
      return <MyPapersPage />;
    case paths.onlineInbox:
      return <InboxPage />;
    case paths.onlineAssist:
      return <AssistPage />;
    case paths.onlineSubmit:
      return <SubmitPage procedureCode="" />;
    default:
      if (path.startsWith('/buu-ta/')) return <CourierPage path={path} user={user} />;
      if (path.startsWith(`${paths.onlineSubmit}/`)) return <SubmitPage key={path} procedureCode={codeAfter(path, paths.onlineSubmit)} />;
      if (path.startsWith(`${paths.verifyCopy}/`)) return <VerifyPage key={path} id={codeAfter(path, paths.verifyCopy)} />;
      if (path.startsWith(`${paths.processingDossier}/`)) {
        const code = codeAfter(path, paths.processingDossier);
        return <DossierPage key={code} code={code} user={user} />;
      }
      if (path.startsWith(`${paths.adminCatalog}/`)) {
        const code = codeAfter(path, paths.adminCatalog);
        return <ProcedurePage key={code} code={code} />;
      }
      return <NotFoundPage />;
  }
}

/** While a surface's chunk loads (the first time one of its pages is shown). */
export function PageLoading() {
  const { t } = useTranslation();
  return <p className="loading" role="status">{t('app.loading')}</p>;
}

function Lazy({ children }: { readonly children: ReactNode }) {
  return <Suspense fallback={<PageLoading />}>{children}</Suspense>;
}

/** Focus the page's heading once it is there (a lazily loaded page renders it a moment later). */
function focusHeadingWhenShown(): () => void {
  const main = document.querySelector('main');
  const focus = () => {
    const heading = document.querySelector<HTMLElement>('main h1');
    heading?.focus();
    return heading !== null;
  };
  if (!main || focus()) return () => undefined;
  const observer = new MutationObserver(() => {
    if (focus()) observer.disconnect();
  });
  observer.observe(main, { childList: true, subtree: true });
  return () => observer.disconnect();
}

export function App() {
  const { t } = useTranslation();
  const path = usePath();
  const [session, setSession] = useState<Session>({ status: 'loading' });
  const [loggingOut, setLoggingOut] = useState(false);

  const load = useCallback((signal?: AbortSignal) => {
    setSession({ status: 'loading' });
    currentUser(signal).then(
      (user) => setSession(user ? { status: 'signedIn', user } : { status: 'anonymous', notice: null }),
      (error: unknown) => {
        if (!signal?.aborted) setSession({ status: 'failed', error });
      },
    );
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal);
    return () => controller.abort();
  }, [load]);

  // Move focus to the new page's heading after a navigation or sign-in, so keyboard and
  // screen-reader users start at the top of what changed. The login form focuses its own
  // first field, and the first page after loading keeps the browser's initial focus.
  const shown = session.status === 'signedIn' ? `${path}|${session.user.id}` : session.status;
  const previouslyShown = useRef(shown);
  useEffect(() => {
    const previous = previouslyShown.current;
    previouslyShown.current = shown;
    if (previous === shown || previous === 'loading' || session.status !== 'signedIn') return;
    return focusHeadingWhenShown();
  }, [shown, session.status]);

  const handleLogout = async () => {
    setLoggingOut(true);
    try {
      await logout();
    } catch {
      // The session is dropped on this side whatever the server said.
    }
    setLoggingOut(false);
    navigate(paths.home, { replace: true });
    setSession({ status: 'anonymous', notice: 'loggedOut' });
  };

  switch (session.status) {
    case 'loading':
      return (
        <Layout user={null}>
          <PageLoading />
        </Layout>
      );
    case 'failed':
      return (
        <Layout user={null}>
          <h1 tabIndex={-1}>{t('app.loadFailed')}</h1>
          <Notice tone="error">{errorMessage(session.error, t)}</Notice>
          <Button kind="primary" onClick={() => load()}>{t('app.retry')}</Button>
        </Layout>
      );
    case 'anonymous':
      // Public tracking needs no sign-in; the login page links to it.
      return (
        <Layout user={null}><Lazy>
          {path === paths.tracking
            ? <><TrackingPage /><PublicLink to={paths.home} text="toLogin" /></>
            : path === paths.transparency
            ? <><TransparencyPage /><PublicLink to={paths.home} text="toLogin" /></>
            : path === paths.anchors
            ? <><AnchorsPage /><PublicLink to={paths.home} text="toLogin" /></>
            : path.startsWith(`${paths.verifyCopy}/`)
            ? <><VerifyPage key={path} id={codeAfter(path, paths.verifyCopy)} /><PublicLink to={paths.home} text="toLogin" /></>
            : <><LoginPage notice={session.notice} onLoggedIn={(user) => setSession({ status: 'signedIn', user })} /><PublicLink to={paths.tracking} text="loginLink" /><TransparencyLink /></>}
        </Lazy></Layout>
      );
    case 'signedIn':
      return (
        <Layout user={session.user} onLogout={() => void handleLogout()} loggingOut={loggingOut}><Lazy>
          {session.user.mustChangePassword
            // the server refuses everything else (PASSWORD_CHANGE_REQUIRED) until the handed-over password is changed
            ? <ChangePasswordPage username={session.user.username} required
              onSessionLost={() => setSession({ status: 'anonymous', notice: null })}
              onChanged={() => setSession({ status: 'signedIn', user: { ...session.user, mustChangePassword: false } })} />
            : <Page path={path} user={session.user} onSessionLost={() => setSession({ status: 'anonymous', notice: null })} />}
        </Lazy></Layout>
      );
  }
}
