// A leg's trail as the courier and the officer read it: what happened, when (Vietnam time), with the note.
import { formatVnDateTime } from '../ui/dates';
import type { Leg } from './api';

export function LegTrail({ leg, heading, id, level = 2 }: { readonly leg: Pick<Leg, 'trail'>; readonly heading: string; readonly id: string; readonly level?: 2 | 3 }) {
  const H = level === 2 ? 'h2' : 'h3';
  return (
    <section className="section" aria-labelledby={id}>
      <H id={id}>{heading}</H>
      <ol className="trail">
        {leg.trail.filter((e) => e.applied).map((e) => (
          <li key={e.eventId}><strong>{formatVnDateTime(e.at)}</strong> — {e.label}{e.note ? `: ${e.note}` : ''}</li>
        ))}
      </ol>
    </section>
  );
}
