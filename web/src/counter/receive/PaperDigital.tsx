// The "Bản điện tử" cell of a paper in the checklist: its scan (none, pages not saved, saved), the
// button that opens its scan panel, and — when the applicant's store holds it — "Dùng lại".
import { Button } from '../../ui/Button';
import { formatCivilDate } from '../../ui/dates';
import type { PaperRow } from '../checklist';
import type { StoreDocument } from '../scan-api';
import { useScanT } from './scan-i18n';
import { composeState } from './scans';
import type { PaperScans } from './usePaperScans';

interface Props {
  readonly row: PaperRow & { readonly short: string };
  readonly scans: PaperScans;
  readonly held: readonly StoreDocument[];
  readonly open: boolean;
  readonly onToggle: () => void;
  readonly onReuse: (documentId: number | null) => void;
}

export function PaperDigital({ row, scans, held, open, onToggle, onReuse }: Props) {
  const t = useScanT();
  const reused = row.reusedDocumentId === null ? undefined : held.find((d) => d.id === row.reusedDocumentId);
  if (reused) {
    return (
      <div className="paper-digital">
        <span className="paper-digital__status paper-digital__status--done">✓ {t('reused', { title: reused.title })}</span>
        <Button kind="secondary" onClick={() => onReuse(null)}>{t('reuseUndo')}</Button>
      </div>
    );
  }
  const scan = scans.scanOf(row.key);
  const state = composeState(scan);
  const status = state === 'composed' && scan.composed ? `✓ ${t('scanSaved', { count: scan.composed.pageCount })}`
    : state === 'empty' ? t('scanNone') : t('scanPending', { count: scan.pages.length });
  const offer = held[0];
  return (
    <div className="paper-digital">
      <span className={state === 'composed' ? 'paper-digital__status paper-digital__status--done' : 'paper-digital__status'}>{status}</span>
      <Button kind="secondary" aria-expanded={open} aria-label={open ? t('scanClose') : t('scanOpenLabel', { name: row.short })} onClick={onToggle}>
        {open ? t('scanClose') : t('scanOpen')}
      </Button>
      {offer && state === 'empty' && (
        <>
          <span className="paper-digital__store">
            {t('storeHolds', { title: offer.title, code: offer.sourceDossierCode, until: offer.validUntil ? t('storeUntil', { date: formatCivilDate(offer.validUntil) }) : '' })}
          </span>
          <Button kind="secondary" aria-label={t('reuseLabel', { name: row.short })} onClick={() => onReuse(offer.id)}>{t('reuse')}</Button>
        </>
      )}
    </div>
  );
}
