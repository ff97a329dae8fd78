// The at-risk and overdue lists: least working time left first, page by page.
import { useCallback, useEffect, useState } from 'react';
import { dossierPath } from '../processing/DossierPage';
import { useProcessingT } from '../processing/i18n';
import { formatAt, formatRemaining, StatusBadge } from '../processing/labels';
import { Button } from '../ui/Button';
import { DataTable } from '../ui/DataTable';
import { Link } from '../ui/router';
import { FailedNotice } from '../ui/Loaded';
import type { Loaded } from '../ui/useLoad';
import { fetchSupervised, type SupervisedDossier } from './api';
import { useSupervisionT } from './i18n';
import { Section } from '../ui/Section';

export function SupervisedDossiers({ kind }: { readonly kind: 'at-risk' | 'overdue' }) {
  const t = useSupervisionT();
  const tp = useProcessingT();
  const [items, setItems] = useState<readonly SupervisedDossier[]>([]);
  const [state, setState] = useState<Loaded<{ total: number; next: string | null; threshold: number }>>({ status: 'loading' });
  const load = useCallback((after: string | null, signal?: AbortSignal) => {
    fetchSupervised(kind, after, signal).then(
      (page) => {
        setItems((old) => (after ? [...old, ...page.items] : page.items));
        setState({ status: 'ready', data: { total: page.total, next: page.next, threshold: page.thresholdWorkingMinutes } });
      },
      (error: unknown) => { if (!signal?.aborted) setState({ status: 'failed', error }); },
    );
  }, [kind]);
  useEffect(() => {
    const controller = new AbortController();
    load(null, controller.signal);
    return () => controller.abort();
  }, [load]);
  const title = kind === 'at-risk' ? t('atRisk') : t('overdue');
  return (
    <Section title={title}>
      {state.status === 'ready' && <p>{kind === 'at-risk' ? t('atRiskIntro', { hours: Math.round(state.data.threshold / 60) }) : t('overdueIntro')}</p>}
      {state.status === 'loading' && <p role="status">{t('loading')}</p>}
      {state.status === 'failed' && <FailedNotice error={state.error} />}
      {state.status === 'ready' && (items.length === 0 ? <p role="status">{t('empty')}</p> : (
        <DataTable caption={`${title}: ${t('listCaption', { shown: items.length, total: state.data.total })}`} rows={items} rowKey={(d) => d.code} columns={[
          { key: 'code', header: t('colCode'), rowHeader: true, noWrap: true, cell: (d) => <Link to={dossierPath(d.code)}>{d.code}</Link> },
          { key: 'procedure', header: t('colProcedure'), cell: (d) => d.procedureCode },
          { key: 'applicant', header: t('colApplicant'), cell: (d) => d.applicantName },
          { key: 'agency', header: t('colAgency'), cell: (d) => d.agencyName },
          { key: 'status', header: t('colStatus'), cell: (d) => <StatusBadge t={tp} status={d.status} /> },
          { key: 'due', header: t('colDue'), noWrap: true, cell: (d) => formatAt(tp, d.dueAt) },
          { key: 'remaining', header: t('colRemaining'), numeric: true, noWrap: true, cell: (d) => formatRemaining(tp, d.remainingWorkingMinutes) },
        ]} />
      ))}
      {state.status === 'ready' && state.data.next && (
        <Button kind="secondary" onClick={() => load(state.data.next)}>{t('more')}</Button>
      )}
    </Section>
  );
}
