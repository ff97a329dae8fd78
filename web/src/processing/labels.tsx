// Small views shared by the dossier screens: times, time left, status and timeliness badges.
import { dossierActions, dossierStatuses, type DossierAction, type DossierStatus, type Timeliness } from './api';
import { vnTimeParts } from '../ui/dates';
import { splitWorkingMinutes } from './format';
import type { ProcessingT } from './i18n';

const isStatus = (s: string): s is DossierStatus => (dossierStatuses as readonly string[]).includes(s);
const isAction = (a: string): a is DossierAction => (dossierActions as readonly string[]).includes(a);

/** "17:00 ngày 12/03/2026" */
export function formatAt(t: ProcessingT, iso: string | null): string {
  const parts = iso ? vnTimeParts(iso) : null;
  return parts ? t('at', { ...parts }) : t('noDue');
}

export function formatRemaining(t: ProcessingT, minutes: number | null): string {
  if (minutes === null) return '—';
  const p = splitWorkingMinutes(minutes);
  const parts = { days: p.days, hours: p.hours, minutes: p.minutes };
  const time = p.days > 0 ? t('remainingDays', parts) : t('remainingHours', parts);
  return p.overdue ? t('overdue', { time }) : t('remaining', { time });
}

export function statusText(t: ProcessingT, status: string, serverLabel?: string): string {
  return isStatus(status) ? t(`status_${status}`) : serverLabel ?? status;
}

export function actionText(t: ProcessingT, action: string, serverLabel?: string): string {
  if (isAction(action) || action === 'received' || action === 'submitted') return t(`action_${action}` as `action_${DossierAction}`);
  return serverLabel ?? action;
}

/** An action as a button and a dialog name it: the hand-over names the agency ("Chuyển đến <agency>", ND 61 art. 18). */
export function actionLabelFor(t: ProcessingT, action: DossierAction, dossier: { readonly competentAgency: { readonly name: string } }): string {
  return action === 'forward' ? t('forwardTo', { agency: dossier.competentAgency.name }) : actionText(t, action);
}

/** Text and colour, with a symbol so that colour is never the only signal. */
export function TimelinessBadge({ t, value }: { readonly t: ProcessingT; readonly value: Timeliness | null }) {
  if (!value) return <span>—</span>;
  const symbol = value === 'late' ? '!' : value === 'early' ? '↑' : '✓';
  return (
    <span className={`tl-badge tl-badge--${value}`}>
      <span aria-hidden="true">{symbol} </span>{t(`timeliness_${value}`)}
    </span>
  );
}

export function StatusBadge({ t, status }: { readonly t: ProcessingT; readonly status: DossierStatus }) {
  return <span className={`status-badge status-badge--${status}`}>{statusText(t, status)}</span>;
}

const paperSources = ['paper', 'scanned', 'uploaded', 'reused', 'national_db', 'prior_result'] as const;
type PaperSource = (typeof paperSources)[number];
const isPaperSource = (s: string): s is PaperSource => (paperSources as readonly string[]).includes(s);

export function sourceText(t: ProcessingT, source: string): string {
  return isPaperSource(source) ? t(`source_${source}`) : source;
}
