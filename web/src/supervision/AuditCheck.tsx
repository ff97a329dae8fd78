// The integrity check of the processing log (the hash chain) for the dossiers received in a period.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { periodPreset } from '../dashboard/period';
import { errorMessage } from '../ui/errors';
import { Notice } from '../ui/Notice';
import { verifyAudit, type AuditReport } from './api';
import { useSupervisionT } from './i18n';
import { PeriodForm } from './PeriodForm';

export function AuditCheck() {
  const t = useSupervisionT();
  const { t: tApp } = useTranslation();
  const headingId = useId();
  const initial = periodPreset('month', new Date());
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<AuditReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const run = async (from: string, to: string) => {
    setBusy(true);
    setReport(null);
    setError(null);
    try {
      setReport(await verifyAudit(from, to));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('audit')}</h2>
      <p>{t('auditIntro')}</p>
      <PeriodForm from={initial.from} to={initial.to} busy={busy} submit={busy ? t('auditRunning') : t('auditRun')} onSubmit={(from, to) => void run(from, to)} />
      <div>
        {report && (report.ok
          ? <Notice tone="success">{t('auditOk', { dossiers: report.dossiers, events: report.events })}</Notice>
          : <Notice tone="error">{t('auditBroken', {
            broken: report.brokenDossiers, dossiers: report.dossiers, code: report.firstBroken?.dossierCode ?? '', seq: report.firstBroken?.seq ?? 0, reason: report.firstBroken?.reason ?? '',
          })}</Notice>)}
      </div>
      {error !== null && <Notice tone="error">{errorMessage(error, tApp)}</Notice>}
    </section>
  );
}
