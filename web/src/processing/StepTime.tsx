// A bundle step's own time on the dossier's hand-over list (issue 17 §3): its allotted time, its deadline, when it was done, and its judgement against that time.
import type { DossierDetail } from './api';
import { useBundleT } from './bundle-i18n';
import type { ProcessingT } from './i18n';
import { formatAt, TimelinessBadge } from './labels';

type Row = DossierDetail['controlSlip'][number];

export function StepTime({ t, row }: { readonly t: ProcessingT; readonly row: Row }) {
  const b = useBundleT();
  const step = row.step;
  if (!step) return null;
  // how it was handed over is in the row's note (the server's); here its own time
  const parts = [
    step.allotted ? b('stepAllotted', { value: String(step.allotted.value).replace('.', ','), unit: b(`unit_${step.allotted.unit}`) }) : null,
    step.dueAt ? b('stepDue', { at: formatAt(t, step.dueAt) }) : null,
    step.doneAt ? b('stepDone', { at: formatAt(t, step.doneAt) }) : b('stepNotDone'),
  ].filter((x): x is string => x !== null);
  return (
    <span className="bundle-step">
      <span>{parts.join(' · ')}</span>
      {row.result && <> <TimelinessBadge t={t} value={row.result} /> <span className="field__hint">({b('stepJudged')})</span></>}
    </span>
  );
}
