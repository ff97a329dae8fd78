// "Đăng nhập bằng VNeID": a plain link to the server's start of the e-ID login (the provider's page,
// then back to this very page signed in). The local simulator is named as such; a failed login
// comes back with `?loi-vneid=<code>`, said here in words.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { buttonClass } from '../ui/Button';
import { Notice } from '../ui/Notice';

const EID_ERRORS = ['EID_STATE_INVALID', 'EID_LOGIN_REFUSED', 'EID_LOGIN_CANCELLED', 'EID_UNAVAILABLE'] as const;
type EidErrorCode = (typeof EID_ERRORS)[number];

function errorOfUrl(): EidErrorCode | 'other' | null {
  const code = new URLSearchParams(window.location.search).get('loi-vneid');
  if (code === null) return null;
  return (EID_ERRORS as readonly string[]).includes(code) ? (code as EidErrorCode) : 'other';
}

export function EidLogin() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<'oidc' | 'simulator' | null>(null);
  const [error] = useState(errorOfUrl);
  useEffect(() => {
    const controller = new AbortController();
    api.get<{ kind: 'oidc' | 'simulator' }>('/api/v1/public/eid/provider', controller.signal).then(
      (answer) => setKind(answer.kind),
      () => setKind('oidc'), // the button still works; only the simulator's label is missing
    );
    return () => controller.abort();
  }, []);
  const returnTo = window.location.pathname;
  return (
    <section className="eid-login card" aria-labelledby="eid-login-title">
      <h2 id="eid-login-title">{t('login.eidTitle')}</h2>
      <Notice tone="error">{error ? t(`login.eidError_${error}`) : null}</Notice>
      <a className={`${buttonClass('primary')} eid-login__button`} href={`/api/v1/public/eid/start?returnTo=${encodeURIComponent(returnTo)}`}>
        {t('login.eidButton')}
      </a>
      {kind === 'simulator' && <p className="eid-login__note">{t('login.eidSimulator')}</p>}
    </section>
  );
}
