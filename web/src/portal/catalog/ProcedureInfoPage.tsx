// A procedure's page on the portal: what it decides and who decides it, its time (per case), the
// papers, the fees, where and how to file — with the eligibility questions and the actions
// (file online, book a time at a counter) near the top, where a phone shows them first.
import { useTranslation } from 'react-i18next';
import { durationText, useCommonT } from '../../i18n/common';
import { publicPaths as paths } from '../../public-paths';
import { errorMessage } from '../../ui/errors';
import { Notice } from '../../ui/Notice';
import { PageHeading } from '../../ui/PageHeading';
import { Link } from '../../ui/router';
import { ApiError } from '../../api/client';
import { PortalLayout } from '../frame/PortalLayout';
import { getProcedure, type Procedure } from './api';
import { EligibilityQuestions } from './EligibilityQuestions';
import { feeAmountText } from './fees';
import { FilingActions, FilingWays } from './FilingWays';
import { useProcedureInfoT } from './i18n';
import { useRequest } from './useRequest';

export function ProcedureInfoPage({ code }: { readonly code: string }) {
  const t = useProcedureInfoT();
  const { t: tApp } = useTranslation();
  const loaded = useRequest(code, (signal) => getProcedure(code, signal));
  const missing = loaded?.status === 'failed' && loaded.error instanceof ApiError && loaded.error.status === 404;
  return (
    <PortalLayout>
      <div className="portal-page">
        {loaded?.status === 'done' ? <ProcedureDetails procedure={loaded.value} /> : loaded?.status === 'failed'
          ? <><h1 tabIndex={-1}>{t('searchTitle')}</h1><Notice tone="error">{missing ? t('notFound') : errorMessage(loaded.error, tApp)}</Notice></>
          : <p className="loading" role="status">{t('loading')}</p>}
        <p><Link to={paths.portalProcedures}>{t('backToSearch')}</Link></p>
      </div>
    </PortalLayout>
  );
}

function ProcedureDetails({ procedure: p }: { readonly procedure: Procedure }) {
  const t = useProcedureInfoT();
  const tc = useCommonT();
  const duration = durationText(tc, p.durationValue, p.durationUnit);
  return (
    <>
      <PageHeading title={p.name} lead={t('lead', { field: p.field, code: p.code })} />
      <FilingActions procedure={p} />
      <EligibilityQuestions procedure={p} />
      <dl className="portal-facts">
        <dt>{t('agency')}</dt><dd>{p.competentAgency}</dd>
        <dt>{t('duration')}</dt><dd>{p.cutoff ? t('durationCutoff', { duration, cutoff: p.cutoff }) : duration}</dd>
        {p.resultDescription && <><dt>{t('result')}</dt><dd>{p.resultDescription}</dd></>}
      </dl>
      {p.cases.length > 0 && (
        <section aria-labelledby="portal-cases">
          <h2 id="portal-cases">{t('cases')}</h2>
          <ul>{p.cases.map((c) => <li key={c.key}>{c.name}: {durationText(tc, c.durationValue, c.durationUnit)}</li>)}</ul>
        </section>
      )}
      <section aria-labelledby="portal-papers">
        <h2 id="portal-papers">{t('papers')}</h2>
        {p.requiredPapers.length === 0 ? <p>{t('noPapers')}</p> : (
          <ol className="portal-papers">
            {p.requiredPapers.map((paper) => (
              <li key={paper.key}>
                {paper.name} {paper.requirement !== 'required' && t(`paper_${paper.requirement}`)}
                <br /><small>{t('paperCount', { originals: paper.originals, copies: paper.copies })}{paper.note ? ` — ${paper.note}` : ''}</small>
              </li>
            ))}
          </ol>
        )}
      </section>
      <section aria-labelledby="portal-fees">
        <h2 id="portal-fees">{t('fees')}</h2>
        {p.fees.length === 0 ? <p>{t('noFees')}</p> : (
          <ul>
            {p.fees.map((fee, i) => {
              const forCase = fee.caseKey ? p.cases.find((c) => c.key === fee.caseKey) : undefined;
              return <li key={i}>{fee.name}: {feeAmountText(t, fee)}{forCase ? ` (${t('caseFor', { name: forCase.name })})` : ''}</li>;
            })}
          </ul>
        )}
      </section>
      <FilingWays procedure={p} />
    </>
  );
}
