// The session (who is signed in) and the page for the current path.
import { Suspense, useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { currentUser, logout } from './api/auth';
import type { User } from './api/types';
import { registerStaffTexts } from './i18n/staff';
import { account, portal, tracking, transparency } from './pages';
import { paths } from './routes';
import { isPortalPage, publicPage, SignedInPage } from './signedInPages';
import { errorMessage } from './ui/errors';
import { Layout } from './ui/Layout';
import { Notice } from './ui/Notice';
import { navigate, usePath } from './ui/router';
import { Button } from './ui/Button';

registerStaffTexts();

type Session =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly error: unknown }
  | { readonly status: 'anonymous'; readonly notice: 'loggedOut' | null }
  | { readonly status: 'signedIn'; readonly user: User };

/** While a surface's chunk loads (the first time one of its pages is shown). */
export function PageLoading() {
  const { t } = useTranslation();
  return <p className="loading" role="status">{t('app.loading')}</p>;
}

function Lazy({ children }: { readonly children: ReactNode }) {
  return <Suspense fallback={<PageLoading />}>{children}</Suspense>;
}

interface AnonymousPageProps {
  readonly path: string;
  readonly notice: 'loggedOut' | null;
  readonly onLoggedIn: (user: User) => void;
}

/** A public page with a link to sign in, or the login page with links to the public ones. */
function AnonymousPage({ path, notice, onLoggedIn }: AnonymousPageProps) {
  const page = publicPage(path);
  if (page) return <>{page}<tracking.PublicLink to={paths.home} text="toLogin" /></>;
  return <><account.LoginPage notice={notice} onLoggedIn={onLoggedIn} /><tracking.PublicLink to={paths.tracking} text="loginLink" /><transparency.TransparencyLink /></>;
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
      return <Layout user={null}><Lazy><AnonymousPage path={path} notice={session.notice} onLoggedIn={(user) => setSession({ status: 'signedIn', user })} /></Lazy></Layout>;
    case 'signedIn':
      if (!session.user.mustChangePassword && isPortalPage(path, session.user)) {
        // the citizen's online submission and account: the portal's frame, as the portal's public pages
        return (
          <Suspense fallback={<PageLoading />}>
            <portal.PortalLayout account={{ fullName: session.user.fullName, onLogout: () => void handleLogout(), loggingOut }}>
              <Lazy><SignedInPage path={path} user={session.user} onSessionLost={() => setSession({ status: 'anonymous', notice: null })} /></Lazy>
            </portal.PortalLayout>
          </Suspense>
        );
      }
      return (
        <Layout user={session.user} onLogout={() => void handleLogout()} loggingOut={loggingOut}><Lazy>
          {session.user.mustChangePassword
            // the server refuses everything else (PASSWORD_CHANGE_REQUIRED) until the handed-over password is changed
            ? <account.ChangePasswordPage username={session.user.username} required
              onSessionLost={() => setSession({ status: 'anonymous', notice: null })}
              onChanged={() => setSession({ status: 'signedIn', user: { ...session.user, mustChangePassword: false } })} />
            : <SignedInPage path={path} user={session.user} onSessionLost={() => setSession({ status: 'anonymous', notice: null })} />}
        </Lazy></Layout>
      );
  }
}
