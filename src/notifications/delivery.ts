// The outbox consumer: claim a batch (outbox.ts), turn each row into its message (templates.ts,
// with the dossier's contact facts from dossiers/contact.ts), send it through the adapter with
// the row's idempotency key, record the outcome. Runs as the pg-boss job `notifications.deliver`
// every minute and at start; any number of consumers may run at once.
import { dossierContact } from '../dossiers/contact';
import { drainBatches } from '../platform/batches';
import type { Clock } from '../platform/clock';
import type { Config } from '../platform/config';
import type { Database } from '../platform/db/connect';
import type { JobDefinition } from '../platform/jobs';
import { idempotencyKeyOf, isDeliveryError, type SentReceipt } from './channels';
import { claimBatch, DEFAULT_DELIVERY, recordDelivered, recordFailure, recordSkipped, type ClaimedRow, type DeliverySettings } from './outbox';
import { sendersFromConfig, type SenderConfig, type Senders } from './senders';
import { trackingPinFor } from '../tracking/references';
import { APPLICANT_MAIL_KIND, applicantEmailOf, dossierCodeOf, eventSeqOf, hasApplicantMailCopy, planMessage, type PlannedMessage } from './templates';

export interface DeliveryDeps extends Senders {
  readonly db: Database;
  readonly clock: Clock;
  /** Base of the links in messages (MOTCUA_PUBLIC_URL). */
  readonly publicUrl: string;
  readonly settings?: Partial<DeliverySettings>;
  /** A run stops claiming after this long (ms), so that one tick does not outlive the next. */
  readonly budgetMs?: number;
}

export interface DeliveryReport {
  claimed: number;
  delivered: number;
  skipped: number;
  retried: number;
  dead: number;
  /** Outcomes not recorded because the lease had passed to another consumer. */
  lost: number;
}

type Outcome = Exclude<keyof DeliveryReport, 'claimed'>;

/**
 * The mail copy of an applicant's message whose dossier has the applicant's e-mail: one row
 * (`mail.applicant`, source_id = the message), however often the message is claimed again.
 */
async function queueApplicantMail(db: Database, row: ClaimedRow): Promise<void> {
  await db.insertInto('outbox').values({ kind: APPLICANT_MAIL_KIND, payload: JSON.stringify({ ...row.payload, copyOf: row.kind }), source_id: row.id, province_code: row.provinceCode })
    .onConflict((oc) => oc.columns(['source_id', 'kind']).where('source_id', 'is not', null).doNothing()).execute();
}

async function planFor(db: Database, row: ClaimedRow, publicUrl: string): Promise<PlannedMessage> {
  const code = dossierCodeOf(row);
  const contact = code === null ? null : await dossierContact(db, code, eventSeqOf(row));
  if (hasApplicantMailCopy(row.kind) && applicantEmailOf(row, contact)) await queueApplicantMail(db, row);
  return planMessage(row, contact, publicUrl, contact ? await trackingPinFor(db, contact.code) : null);
}

async function deliverOne(deps: DeliveryDeps, row: ClaimedRow, s: DeliverySettings): Promise<Outcome> {
  const failed = async (message: string, permanent: boolean, retryAfterSeconds: number | null, channel: 'sms' | 'mail' | null): Promise<Outcome> => {
    const r = await recordFailure(deps.db, row, deps.clock.now(), { message, permanent, retryAfterSeconds }, s, channel);
    return r === 'retry' ? 'retried' : r;
  };
  // claimed more often than allowed: earlier consumers died before recording an outcome
  if (row.attempts > s.maxAttempts) {
    return failed(`Đã thử ${s.maxAttempts} lần; các lần cuối không ghi được kết quả (tiến trình gửi dừng giữa chừng).${row.lastError ? ` Lỗi trước đó: ${row.lastError}` : ''}`, true, null, null);
  }
  let plan: PlannedMessage;
  try {
    plan = await planFor(deps.db, row, deps.publicUrl);
  } catch (e) {
    return failed(`Không lập được nội dung: ${(e as Error).message}`, false, null, null);
  }
  if (plan.channel === null) return (await recordSkipped(deps.db, row, deps.clock.now(), plan.skippedReason)) ? 'skipped' : 'lost';
  const idempotencyKey = idempotencyKeyOf(row);
  let receipt: SentReceipt;
  try {
    receipt = plan.channel === 'sms'
      ? await deps.sms.send({ to: plan.to, text: plan.text, idempotencyKey })
      : await deps.mail.send({ to: plan.to, subject: plan.subject, text: plan.text, idempotencyKey });
  } catch (e) {
    if (isDeliveryError(e)) return failed(e.message, e.permanent, e.retryAfterSeconds, plan.channel);
    return failed(`Lỗi khi gửi: ${(e as Error).message}`, false, null, plan.channel);
  }
  // a failure to record from here on leaves the lease to expire: the row is sent again (at-least-once)
  return (await recordDelivered(deps.db, row.id, deps.clock.now(), plan.channel, receipt.providerId)) ? 'delivered' : 'lost';
}

/** One run: claims and delivers batches until none is due or the budget is spent. */
export async function deliverOutbox(deps: DeliveryDeps): Promise<DeliveryReport> {
  const s: DeliverySettings = { ...DEFAULT_DELIVERY, ...deps.settings };
  const report: DeliveryReport = { claimed: 0, delivered: 0, skipped: 0, retried: 0, dead: 0, lost: 0 };
  const claim = async () => {
    const batch = await claimBatch(deps.db, deps.clock.now(), s.batchSize, s.leaseSeconds);
    report.claimed += batch.length;
    return batch;
  };
  // a short batch may still leave rows due: the next message of a dossier whose earlier one was
  // just sent (one dossier's messages go in order, outbox.ts claimBatch); stop on an empty claim
  await drainBatches(claim, async (row) => { report[await deliverOne(deps, row, s)]++; }, { concurrency: s.concurrency, budgetMs: deps.budgetMs ?? 40_000 });
  return report;
}

export const OUTBOX_JOB = 'notifications.deliver';

/**
 * The pg-boss job of `motcua serve`: every minute and at start. Logs once which mail and SMS
 * adapters are active (real or simulator), and after a run that gave messages up.
 */
export function outboxDeliveryJob(
  deps: { readonly db: Database; readonly clock: Clock; readonly config: Pick<Config, 'publicUrl' | 'outboxMaxAttempts'> & SenderConfig },
  options: { readonly log?: (line: string) => void; readonly senders?: Senders; readonly onDead?: (count: number) => void } = {},
): JobDefinition {
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const senders = options.senders ?? sendersFromConfig(deps, deps.config);
  log(`Gửi thư: ${senders.mail.description}`);
  log(`Gửi SMS: ${senders.sms.description}`);
  return {
    name: OUTBOX_JOB, cron: '* * * * *', runAtStart: true,
    handler: async () => {
      const report = await deliverOutbox({
        db: deps.db, clock: deps.clock, publicUrl: deps.config.publicUrl, ...senders, settings: { maxAttempts: deps.config.outboxMaxAttempts },
      });
      if (report.dead > 0) {
        if (options.onDead) options.onDead(report.dead); // the operator's alert line
        else log(`Thông báo: ${report.dead} tin không gửi được sau nhiều lần thử (xem GET /api/v1/admin/outbox?state=dead).`);
      }
      return report;
    },
  };
}
