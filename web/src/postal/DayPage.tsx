// "Ngày làm việc của tôi" (issue 13 §6): the courier's day on a phone — the route in order as large
// cards with a sketch, the post office's tasks nobody has taken yet ("Nhận việc" re-plans the
// route), and what is done. The same page opens on pickups or on result deliveries only.
import { useState } from 'react';
import { buttonClass, Button } from '../ui/Button';
import { ErrorNotice } from '../ui/ErrorNotice';
import { errorMessage } from '../ui/errors';
import { formatCivilDate } from '../ui/dates';
import { Notice } from '../ui/Notice';
import { PageHeading } from '../ui/PageHeading';
import { Link } from '../ui/router';
import { useTranslation } from 'react-i18next';
import { paths } from '../routes';
import { usePostalT } from './i18n';
import { RouteSketch } from './RouteSketch';
import { StopCard, TaskCard } from './TaskCards';
import { useCourierDay, type DayFilter, type Task, type TaskKind } from './useCourierDay';
import './postal.css';

const filters = ['route', 'waiting', 'done'] as const satisfies readonly DayFilter[];

export function DayPage({ kind }: { readonly kind?: TaskKind }) {
  const t = usePostalT();
  const { t: tApp } = useTranslation();
  const day = useCourierDay();
  const [filter, setFilter] = useState<DayFilter>('route');
  const keep = (task: Task) => kind === undefined || (kind === 'result') === (task.leg.kind === 'result');
  const title = kind === 'pickup' ? t('pickupsTitle') : kind === 'result' ? t('resultsTitle') : t('dayTitle');
  const plan = day.plan.status === 'ready' ? day.plan.value : null;
  const stops = (plan?.stops ?? []).filter((s) => kind === undefined || (kind === 'result') === (s.kind === 'delivery'));
  const lead = plan ? t('dayLead', { date: formatCivilDate(plan.date), start: plan.startAt, back: plan.returnAt, count: stops.length }) : t('dayLeadLoading');
  const list = (loaded: typeof day.waiting) => (loaded.status === 'ready' ? loaded.value.filter(keep) : []);

  return (
    <div className="courier">
      <PageHeading title={title} lead={lead} />
      <div className="courier__filters" role="group" aria-label={t('filterLabel')}>
        {filters.map((f) => (
          <Button key={f} kind={filter === f ? 'primary' : 'secondary'} aria-pressed={filter === f} onClick={() => setFilter(f)}>
            {t(`filter_${f}`)}{f === 'waiting' && day.waiting.status === 'ready' ? ` (${list(day.waiting).length})` : ''}
          </Button>
        ))}
      </div>
      <Notice tone="success">{day.taken ? t('takenReplanned', { number: day.taken }) : null}</Notice>
      <ErrorNotice error={day.action.error} />
      {filter === 'route' && (
        <section aria-labelledby="route-h">
          <h2 id="route-h">{t('routeHeading')}</h2>
          {day.plan.status === 'loading' && <p>{t('loading')}</p>}
          {day.plan.status === 'failed' && <Notice tone="error">{errorMessage(day.plan.error, tApp)}</Notice>}
          {plan && stops.length === 0 && <p>{t('routeEmpty')}</p>}
          {plan && stops.length > 0 && (
            <>
              <RouteSketch plan={{ ...plan, stops }} />
              <ol className="task-list">{stops.map((s, i) => <StopCard key={s.trackingNumber} stop={s} n={i + 1} />)}</ol>
            </>
          )}
          {kind !== 'pickup' && day.toCollect.length > 0 && (
            <>
              <h3>{t('toCollectHeading')}</h3>
              <ul className="task-list">{day.toCollect.map((task) => <TaskCard key={task.leg.trackingNumber} task={task} />)}</ul>
            </>
          )}
          {kind === undefined && day.transfers.length > 0 && (
            <>
              <h3>{t('transfersHeading')}</h3>
              <ul className="task-list">{day.transfers.map((task) => <TaskCard key={task.leg.trackingNumber} task={task} />)}</ul>
            </>
          )}
          {kind !== 'result' && <p><Link to={paths.courierHandover} className={buttonClass('secondary')}>{t('toHandover')}</Link></p>}
        </section>
      )}
      {filter === 'waiting' && (
        <section aria-labelledby="waiting-h">
          <h2 id="waiting-h">{t('waitingHeading')}</h2>
          {day.waiting.status === 'failed' && <Notice tone="error">{errorMessage(day.waiting.error, tApp)}</Notice>}
          {day.waiting.status === 'ready' && list(day.waiting).length === 0 && <p>{t('waitingEmpty')}</p>}
          <ul className="task-list">{list(day.waiting).map((task) => <TaskCard key={task.leg.trackingNumber} task={task} busy={day.action.busy} onTake={(n) => void day.take(n)} />)}</ul>
        </section>
      )}
      {filter === 'done' && (
        <section aria-labelledby="done-h">
          <h2 id="done-h">{t('doneHeading')}</h2>
          {day.done.status === 'failed' && <Notice tone="error">{errorMessage(day.done.error, tApp)}</Notice>}
          {day.done.status === 'ready' && list(day.done).length === 0 && <p>{t('doneEmpty')}</p>}
          <ul className="task-list">{list(day.done).map((task) => <TaskCard key={task.leg.trackingNumber} task={task} />)}</ul>
        </section>
      )}
    </div>
  );
}
