// The integrity check of the processing log (the hash chain) for the dossiers received in a period.
import { useState } from 'react';
import { periodPreset } from '../dashboard/period';
import { Notice } from '../ui/Notice';
import { FailedNotice } from '../ui/Loaded';
import { useTask } from '../ui/useTask';
import { verifyAudit, type AuditReport } from './api';
import { useSupervisionT } from './i18n';
import { PeriodForm } from './PeriodForm';
import { Section } from '../ui/Section';

export function AuditCheck() {
  const t = useSupervisionT();
  const initial = periodPreset('month', new Date());
  const { busy, error, run: runTask } = useTask();
  const [report, setReport] = useState<AuditReport | null>(null);
  const run = async (from: string, to: string) => {
    setReport(null);
    setReport(await runTask(() => verifyAudit(from, to)) ?? null);
  };
  return (
    <Section title={t('audit')}>
      <p>{t('auditIntro')}</p>
      <PeriodForm from={initial.from} to={initial.to} busy={busy} submit={busy ? t('auditRunning') : t('auditRun')} onSubmit={(from, to) => void run(from, to)} />
      <div>
        {report && (report.ok
          ? <Notice tone="success">{t('auditOk', { dossiers: report.dossiers, events: report.events })}</Notice>
          : <Notice tone="error">{t('auditBroken', {
            broken: report.brokenDossiers, dossiers: report.dossiers, code: report.firstBroken?.dossierCode ?? '', seq: report.firstBroken?.seq ?? 0, reason: report.firstBroken?.reason ?? '',
          })}</Notice>)}
      </div>
      <FailedNotice error={error} />
    </Section>
  );
}
