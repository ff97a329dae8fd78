// The steps of one of the citizen's dossiers in their words, opened on demand from "Hồ sơ của tôi"
// (GET /api/v1/my/dossiers/{code}/timeline: only what a citizen may see). Times in Vietnam time.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MyDossierTimelineResponse as MyDossierTimeline } from '../../../src/tracking/routes';
import { api } from '../api/client';
import { Button } from '../ui/Button';
import { formatVnDate, formatVnDateTime } from '../ui/dates';
import { errorMessage } from '../ui/errors';
import { Notice } from '../ui/Notice';
import { useCitizenT } from './i18n';

const fetchTimeline = (code: string) => api.get<MyDossierTimeline>(`/api/v1/my/dossiers/${encodeURIComponent(code)}/timeline`);

type State = { readonly status: 'closed' | 'loading' } | { readonly status: 'failed'; readonly error: unknown } | { readonly status: 'open'; readonly timeline: MyDossierTimeline };

export function DossierTimeline({ code }: { readonly code: string }) {
  const t = useCitizenT();
  const { t: tApp } = useTranslation();
  const [state, setState] = useState<State>({ status: 'closed' });
  const id = `timeline-${code}`;
  const toggle = () => {
    if (state.status === 'open') { setState({ status: 'closed' }); return; }
    setState({ status: 'loading' });
    fetchTimeline(code).then((timeline) => setState({ status: 'open', timeline }), (error: unknown) => setState({ status: 'failed', error }));
  };
  return (
    <div className="dossier-timeline">
      <Button kind="secondary" onClick={toggle} aria-expanded={state.status === 'open'} aria-controls={id} disabled={state.status === 'loading'}>
        {state.status === 'open' ? t('timelineHide') : state.status === 'loading' ? t('timelineLoading') : t('timelineShow')}
        <span className="visually-hidden"> {t('timelineCode', { code })}</span>
      </Button>
      <Notice tone="error">{state.status === 'failed' ? errorMessage(state.error, tApp) : null}</Notice>
      {state.status === 'open' && (
        <ol id={id} className="dossier-timeline__steps">
          {state.timeline.steps.map((s, i) => (
            <li key={i}>
              <time dateTime={s.at}>{formatVnDateTime(s.at)}</time>
              <span className="dossier-timeline__what">{t(`step_${s.kind}`)}</span>
              {s.items && s.items.length > 0 && <span className="dossier-timeline__detail">{t('stepMissing', { items: s.items.join('; ') })}</span>}
              {s.reason && <span className="dossier-timeline__detail">{t('stepReason', { reason: s.reason })}</span>}
              {s.dueAt && <span className="dossier-timeline__detail">{t('stepDueAt', { date: formatVnDate(s.dueAt) })}</span>}
              {s.trackingNumber && <span className="dossier-timeline__detail">{t('stepTracking', { number: s.trackingNumber })}</span>}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
