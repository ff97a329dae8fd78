// "Ngày làm việc của tôi" (issue 13 §6): the courier's day on a phone — the route in order as large
// cards with a sketch, the post office's tasks nobody has taken yet ("Nhận việc" re-plans the
// route), and what is done. The same page opens on pickups or on result deliveries only. The
// agencies' desks are stops of the route: parcels to hand over, transfers to collect or hand over.
import { useState, type ReactNode } from 'react';
import { buttonClass, Button } from '../ui/Button';
import { ErrorNotice } from '../ui/ErrorNotice';
import { formatCivilDate } from '../ui/dates';
import { FailedNotice } from '../ui/Loaded';
import { Notice } from '../ui/Notice';
import { PageHeading } from '../ui/PageHeading';
import { Link } from '../ui/router';
import { paths } from '../routes';
import { usePostalT } from './i18n';
import { RouteSketch } from './RouteSketch';
import { StopCard, TaskCard } from './TaskCards';
import { useCourierDay, type DayFilter, type Task, type TaskKind } from './useCourierDay';
import './postal.css';

const filters = ['route', 'waiting', 'done'] as const satisfies readonly DayFilter[];

export function DayPage({ kind }: { readonly kind?: TaskKind }) {
  const t = usePostalT();
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
          {day.plan.status === 'failed' && <FailedNotice error={day.plan.error} />}
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
          {kind !== 'result' && <p><Link to={paths.courierHandover} className={buttonClass('secondary')}>{t('toHandover')}</Link></p>}
        </section>
      )}
      {filter === 'waiting' && (
        <TaskListSection id="waiting-h" heading={t('waitingHeading')} empty={t('waitingEmpty')} loaded={day.waiting} tasks={list(day.waiting)}
          card={(task) => <TaskCard key={task.leg.trackingNumber} task={task} busy={day.action.busy} onTake={(n) => void day.take(n)} />} />
      )}
      {filter === 'done' && (
        <TaskListSection id="done-h" heading={t('doneHeading')} empty={t('doneEmpty')} loaded={day.done} tasks={list(day.done)}
          card={(task) => <TaskCard key={task.leg.trackingNumber} task={task} />} />
      )}
    </div>
  );
}

interface TaskListSectionProps {
  readonly id: string;
  readonly heading: string;
  readonly empty: string;
  readonly loaded: ReturnType<typeof useCourierDay>['waiting'];
  readonly tasks: readonly Task[];
  readonly card: (task: Task) => ReactNode;
}

/** The post office's tasks nobody has taken, or those done: the failure, "none", or the cards. */
function TaskListSection({ id, heading, empty, loaded, tasks, card }: TaskListSectionProps) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      {loaded.status === 'failed' && <FailedNotice error={loaded.error} />}
      {loaded.status === 'ready' && tasks.length === 0 && <p>{empty}</p>}
      <ul className="task-list">{tasks.map(card)}</ul>
    </section>
  );
}
