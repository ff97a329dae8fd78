// The portal's procedure catalogue: one search box (with or without diacritics, matched by the
// server), the procedures in force as links to their pages. The words searched stay in the
// address (?q=), so the back button and a shared link show the same list.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { publicPaths as paths } from '../../public-paths';
import { Button } from '../../ui/Button';
import { errorMessage } from '../../ui/errors';
import { Field } from '../../ui/Field';
import { Notice } from '../../ui/Notice';
import { PageHeading } from '../../ui/PageHeading';
import { Link } from '../../ui/router';
import { PortalLayout } from '../frame/PortalLayout';
import { searchProcedures } from './api';
import { useProcedureInfoT } from './i18n';
import { ProcedureHit } from './ProcedureHit';
import { useRequest } from './useRequest';

const wordsInAddress = () => new URLSearchParams(window.location.search).get('q') ?? '';

export function ProcedureSearchPage() {
  const t = useProcedureInfoT();
  const { t: tApp } = useTranslation();
  const [text, setText] = useState(wordsInAddress);
  const [searched, setSearched] = useState(wordsInAddress);
  const found = useRequest(searched.trim() === '' ? null : searched.trim(), (signal) => searchProcedures(searched.trim(), signal));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    window.history.replaceState(null, '', text.trim() ? `${paths.portalProcedures}?q=${encodeURIComponent(text.trim())}` : paths.portalProcedures);
    setSearched(text);
  };

  return (
    <PortalLayout>
      <div className="portal-page">
        <PageHeading title={t('searchTitle')} lead={t('searchLead')} />
        <form className="portal-search" role="search" onSubmit={submit}>
          <Field label={t('searchLabel')} type="search" value={text} maxLength={100} autoComplete="off"
            onChange={(event) => setText(event.target.value)} />
          <Button kind="primary" type="submit">{t('searchButton')}</Button>
        </form>
        {found?.status === 'loading' && <p className="loading" role="status">{t('searching')}</p>}
        <Notice tone="error">{found?.status === 'failed' ? errorMessage(found.error, tApp) : null}</Notice>
        {found?.status === 'done' && (
          found.value.total === 0
            ? <p role="status">{t('noResults')} <Link to={paths.portalBooking}>{t('bookInstead')}</Link></p>
            : (
              <>
                <p role="status">{t('results', { count: found.value.total })}</p>
                <ul className="portal-procedures">
                  {found.value.items.map((p) => <li key={p.code}><ProcedureHit procedure={p} /></li>)}
                </ul>
              </>
            )
        )}
      </div>
    </PortalLayout>
  );
}
