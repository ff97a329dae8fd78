// The escalation job (issue 5 part 4): a working-time threshold before the due time, the
// competent agency's approvers (lãnh đạo) are told the dossier is at risk; once the due time has
// passed, the supervisors whose unit covers the dossier are told it is late. Each dossier is
// escalated once per kind, due time and threshold (`dossier_escalations` primary key), so a rerun,
// an overlapping tick or a second instance notifies nobody twice. The candidates come from
// `dossiers_open_status_due_idx` (status, due_at) over a due-time window, never a scan.
import type { Clock } from '../platform/clock';
import { DEFAULT_ESCALATION, type EscalationSettings } from '../platform/config';
import type { Database } from '../platform/db/connect';
import { notifyUsers } from '../notifications/service';
import { activeUsersOfAgency, activeUsersOverUnit } from '../accounts/references';
import { atRiskHorizon, DEFAULT_AT_RISK_WORKING_MINUTES, RUNNING_STATUSES } from '../dossiers/overdue';

// the one definition of the running clock, overdue and at risk is dossiers/overdue.ts
export { atRiskHorizon, RUNNING_STATUSES };

// The settings are configuration (src/platform/config.ts: MOTCUA_ESCALATION_*).
export { DEFAULT_ESCALATION, type EscalationSettings } from '../platform/config';

export interface EscalationReport {
  readonly atRisk: number;
  readonly overdue: number;
  readonly notifications: number;
}

interface Candidate {
  readonly id: number;
  readonly code: string;
  readonly procedure_code: string;
  readonly applicant_name: string;
  readonly competent_agency_id: number;
  readonly unit_path: string;
  readonly due_at: Date;
  readonly province_code: string;
}

const DAY_MS = 86_400_000;
const formatVn = (at: Date) => new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', day: '2-digit', month: '2-digit', year: 'numeric',
}).format(at);


async function candidates(db: Database, kind: 'atRisk' | 'overdue', from: Date, to: Date, threshold: number, limit: number): Promise<Candidate[]> {
  return db.selectFrom('dossiers as d')
    .select(['d.id', 'd.code', 'd.procedure_code', 'd.applicant_name', 'd.competent_agency_id', 'd.unit_path', 'd.due_at', 'd.province_code'])
    .where('d.status', 'in', RUNNING_STATUSES).where('d.finished_at', 'is', null)
    .where('d.due_at', '>', from).where('d.due_at', '<=', to)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('dossier_escalations as e').select('e.dossier_id')
      .whereRef('e.province_code', '=', 'd.province_code').whereRef('e.dossier_id', '=', 'd.id').where('e.kind', '=', kind).whereRef('e.due_at', '=', 'd.due_at').where('e.threshold_minutes', '=', threshold))))
    .orderBy('d.due_at').orderBy('d.id').limit(limit)
    .execute() as Promise<Candidate[]>;
}

async function escalate(db: Database, d: Candidate, kind: 'atRisk' | 'overdue', threshold: number, now: Date): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const recipients = kind === 'atRisk' ? await activeUsersOfAgency(trx, d.competent_agency_id, 'dossiers.approve') : await activeUsersOverUnit(trx, d.unit_path, 'supervision.alerts');
    const claimed = await trx.insertInto('dossier_escalations')
      .values({ dossier_id: d.id, province_code: d.province_code, kind, due_at: d.due_at, threshold_minutes: threshold, escalated_at: now, recipients: recipients.length })
      .onConflict((oc) => oc.doNothing()).returning('dossier_id').executeTakeFirst();
    if (!claimed) return 0; // another run got there first
    const due = formatVn(d.due_at);
    const notification = kind === 'atRisk'
      ? { title: `Hồ sơ ${d.code} sắp đến hạn`, body: `Hồ sơ ${d.code} (thủ tục ${d.procedure_code}, ${d.applicant_name}) còn dưới ${Math.round(threshold / 60)} giờ làm việc; hạn trả ${due}.` }
      : { title: `Hồ sơ ${d.code} đã quá hạn`, body: `Hồ sơ ${d.code} (thủ tục ${d.procedure_code}, ${d.applicant_name}) đã quá hạn trả ${due} mà chưa có kết quả.` };
    return notifyUsers(trx, recipients, {
      kind: `dossier.${kind}`, dossierCode: d.code, ...notification, dedupeKey: `escalation:${kind}:${d.id}:${d.due_at.toISOString()}:${threshold}`, provinceCode: d.province_code,
    }, now);
  });
}

/** One run of the job; a plain function (pg-boss only schedules it), safe to run concurrently. */
export async function runEscalation(deps: { readonly db: Database; readonly clock: Clock }, settings: EscalationSettings = DEFAULT_ESCALATION): Promise<EscalationReport> {
  const now = deps.clock.now();
  const horizon = await atRiskHorizon(deps.db, now, settings.atRiskWorkingMinutes);
  const windows = [
    { kind: 'atRisk' as const, from: now, to: horizon, threshold: settings.atRiskWorkingMinutes },
    { kind: 'overdue' as const, from: new Date(now.getTime() - settings.overdueLookbackDays * DAY_MS), to: now, threshold: 0 },
  ];
  const counts = { atRisk: 0, overdue: 0, notifications: 0 };
  for (const w of windows) {
    for (;;) {
      const batch = await candidates(deps.db, w.kind, w.from, w.to, w.threshold, settings.batchSize);
      for (const d of batch) {
        counts.notifications += await escalate(deps.db, d, w.kind, w.threshold, now);
        counts[w.kind]++;
      }
      if (batch.length < settings.batchSize) break;
    }
  }
  return counts;
}
