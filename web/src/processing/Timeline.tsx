// The dossier's history ("Quá trình xử lý"): each step with its time, who did it, and what it
// recorded — the agency it went to and how, who was assigned, the papers asked for or received,
// the reason, the note, the rating.
import { useTranslation } from 'react-i18next';
import type { Role } from '../api/types';
import type { DossierDetail } from './api';
import type { ProcessingT } from './i18n';
import { actionText, formatAt } from './labels';

type TimelineEntry = DossierDetail['timeline'][number];

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);
const texts = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** What an event recorded, as short phrases (pure). */
export function eventDetails(t: ProcessingT, e: Pick<TimelineEntry, 'action' | 'payload'>): string[] {
  const p = e.payload;
  const out: string[] = [];
  if (e.action === 'forward') {
    const agency = text(p.toAgencyName);
    if (agency) out.push(t('timelineTo', { agency }));
    if (p.handover === 'paper' || p.handover === 'electronic') out.push(t(`handover_${p.handover}`));
    if (p.automatic === true) out.push(t('handoverAutomatic'));
  }
  const officer = text(p.officerName);
  if (e.action === 'assign' && officer) out.push(t('timelineAssigned', { name: officer }));
  const items = texts(p.items);
  if (e.action === 'requestSupplement' && items.length > 0) out.push(t('timelineItems', { items: items.join('; ') }));
  const due = text(p.supplementDueAt);
  if (due) out.push(t('timelineSupplementDue', { time: formatAt(t, due) }));
  const papers = texts(p.receivedPapers);
  if (papers.length > 0) out.push(t('timelinePapers', { papers: papers.join('; ') }));
  const reason = text(p.reason);
  if (reason) out.push(reason);
  const note = text(p.note);
  if (note) out.push(t('timelineNote', { note }));
  if (e.action === 'rate' && typeof p.stars === 'number') out.push(t('ratingGiven', { stars: p.stars }));
  return out;
}

/**
 * The event's name: a bundle member registered at the counter without a clock (issue 17: its event
 * names the bundle) is not an online submission. A view without the payload (the citizen's) keeps the action's name.
 */
export const eventTitle = (t: ProcessingT, e: Pick<TimelineEntry, 'action' | 'payload' | 'label'>): string =>
  e.action === 'submitted' && typeof e.payload.bundle === 'string' && e.payload.channel !== 'online'
    ? t('timelineBundleRegistered') : actionText(t, e.action, e.label);

export function Timeline({ t, entries }: { readonly t: ProcessingT; readonly entries: readonly TimelineEntry[] }) {
  const { t: tApp } = useTranslation();
  return (
    <ol className="timeline">
      {entries.map((e) => {
        const details = eventDetails(t, e);
        return (
          <li key={e.seq}>
            <time dateTime={e.at}>{formatAt(t, e.at)}</time>
            <strong>{eventTitle(t, e)}</strong>
            {e.actorRole && <> · {t('timelineBy', { role: tApp(`roles.${e.actorRole as Role}`, { defaultValue: e.actorRole }) })}</>}
            {details.length > 0 && <> — {details.join(' · ')}</>}
          </li>
        );
      })}
    </ol>
  );
}
