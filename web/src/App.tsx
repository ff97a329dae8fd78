// The session (who is signed in) and the page for the current path.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentUser, logout } from './api/auth';
import { userCan, type User } from './api/types';
import { ChangePasswordPage } from './account/ChangePasswordPage';
import { MyDossiersPage } from './citizen/MyDossiersPage';
import { MyPapersPage } from './citizen/MyPapersPage';
import { VerifyPage } from './documents/VerifyPage';
import { CalendarAdminPage } from './admin/calendar/CalendarAdminPage';
import { AgenciesPage } from './admin/directory/AgenciesPage';
import { ServicePointsPage } from './admin/directory/ServicePointsPage';
import { UnitsPage } from './admin/directory/UnitsPage';
import { UsersPage } from './admin/users/UsersPage';
import { CatalogPage } from './admin/catalog/CatalogPage';
import { ProcedurePage, procedureCodeOf } from './admin/catalog/ProcedurePage';
import { DashboardPage } from './dashboard/DashboardPage';
import { ReceivePage } from './counter/ReceivePage';
import { ReturnPage } from './counter/ReturnPage';
import { LoginPage } from './account/LoginPage';
import { HomePage } from './home/HomePage';
import { DossierPage, dossierCodeOf } from './processing/DossierPage';
import { QueuePage } from './processing/QueuePage';
import { SearchPage } from './processing/SearchPage';
import { ScanSearchPage } from './ocr/ScanSearchPage';
import { canAny } from './api/permissions';
import { paths, permissionsFor } from './routes';
import { ForbiddenPage } from './ui/ForbiddenPage';
import { errorMessage } from './ui/errors';
import { Layout } from './ui/Layout';
import { NotFoundPage } from './ui/NotFoundPage';
import { Notice } from './ui/Notice';
import { Link, navigate, usePath } from './ui/router';
import { SupervisionPage } from './supervision/SupervisionPage';
import { TrackingPage } from './tracking/TrackingPage';
import { TransparencyLink, TransparencyPage } from './transparency/TransparencyPage';
import { AnchorsPage } from './anchors/AnchorsPage';
import { useTrackingT } from './tracking/i18n';
import { Button } from './ui/Button';
import { standaloneSurface } from './standalone';

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
    case paths.myDossiers:
      return <MyDossiersPage />;
    case paths.myPapers:
      return <MyPapersPage />;
    default:
      if (path.startsWith(`${paths.verifyCopy}/`)) return <VerifyPage key={path} id={path.slice(paths.verifyCopy.length + 1)} />;
      if (path.startsWith(`${paths.processingDossier}/`)) {
        const code = dossierCodeOf(path);
        return <DossierPage key={code} code={code} user={user} />;
      }
      if (path.startsWith(`${paths.adminCatalog}/`)) {
        const code = procedureCodeOf(path);
        return <ProcedurePage key={code} code={code} />;
      }
      return <NotFoundPage />;
  }
}

function PublicLink({ to, text }: { readonly to: string; readonly text: 'toLogin' | 'loginLink' }) {
  const t = useTrackingT();
  return <p className="narrow public-link"><Link to={to}>{t(text)}</Link></p>;
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
    document.querySelector<HTMLElement>('main h1')?.focus();
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

  const standalone = standaloneSurface(path);
  if (standalone) return standalone;
  switch (session.status) {
    case 'loading':
      return (
        <Layout user={null}>
          <p className="loading" role="status">{t('app.loading')}</p>
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
        <Layout user={null}>
          {path === paths.tracking
            ? <><TrackingPage /><PublicLink to={paths.home} text="toLogin" /></>
            : path === paths.transparency
            ? <><TransparencyPage /><PublicLink to={paths.home} text="toLogin" /></>
            : path === paths.anchors
            ? <><AnchorsPage /><PublicLink to={paths.home} text="toLogin" /></>
            : path.startsWith(`${paths.verifyCopy}/`)
            ? <><VerifyPage key={path} id={path.slice(paths.verifyCopy.length + 1)} /><PublicLink to={paths.home} text="toLogin" /></>
            : <><LoginPage notice={session.notice} onLoggedIn={(user) => setSession({ status: 'signedIn', user })} /><PublicLink to={paths.tracking} text="loginLink" /><TransparencyLink /></>}
        </Layout>
      );
    case 'signedIn':
      return (
        <Layout user={session.user} onLogout={() => void handleLogout()} loggingOut={loggingOut}>
          {session.user.mustChangePassword
            // the server refuses everything else (PASSWORD_CHANGE_REQUIRED) until the handed-over password is changed
            ? <ChangePasswordPage username={session.user.username} required
              onSessionLost={() => setSession({ status: 'anonymous', notice: null })}
              onChanged={() => setSession({ status: 'signedIn', user: { ...session.user, mustChangePassword: false } })} />
            : <Page path={path} user={session.user} onSessionLost={() => setSession({ status: 'anonymous', notice: null })} />}
        </Layout>
      );
  }
}
