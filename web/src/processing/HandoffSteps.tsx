// The dossier's hand-overs as its control slip records them (phiếu kiểm soát quá trình giải quyết
// hồ sơ, form 05/06): who gave the paper to whom and when — the forward, the assignment, the result
// back to the one-stop, the return — and the post's legs (a transfer between agencies, the carriage
// to the competent agency) with the tracking number and who signed, and a bundle's inter-agency steps
// with their own time (StepTime). Staff only (the server sends
// citizens none).
import type { DossierDetail } from './api';
import type { ProcessingT } from './i18n';
import { formatAt } from './labels';
import { StepTime } from './StepTime';

type Row = DossierDetail['controlSlip'][number];

/** The names of who signed a row, as one phrase (pure). */
export function signersText(t: ProcessingT, r: Pick<Row, 'handedBy' | 'receivedBy'>): string | null {
  const parts = [r.handedBy ? t('handoffHandedBy', { name: r.handedBy }) : null, r.receivedBy ? t('handoffReceivedBy', { name: r.receivedBy }) : null];
  const shown = parts.filter((x): x is string => x !== null);
  return shown.length > 0 ? shown.join(' · ') : null;
}

export function HandoffSteps({ t, rows }: { readonly t: ProcessingT; readonly rows: readonly Row[] }) {
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="handoffs-title">
      <h2 id="handoffs-title">{t('handoffsTitle')}</h2>
      <ol className="timeline">
        {rows.map((r, i) => {
          const signers = signersText(t, r);
          return (
            <li key={`${r.at}-${i}`}>
              <time dateTime={r.at}>{formatAt(t, r.at)}</time>
              <strong>{t('handoffFromTo', { from: r.from, to: r.to })}</strong>
              {r.trackingNumber && <> · {t('handoffTracking', { number: r.trackingNumber })}</>}
              {signers && <> — {signers}</>}
              {r.note && <> — {r.note}</>}
              {r.step && <><br /><StepTime t={t} row={r} /></>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
