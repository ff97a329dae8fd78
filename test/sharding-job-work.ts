// Work for every background job of src/app.ts appJobs, for the sharding guard of the jobs
// (test/sharding-jobs.test.ts): `prepare` gives the job something to do just before it runs (not
// recorded), `done` says how much it did (the guard wants more than 0: a job that finds nothing to
// do proves nothing about its queries). A job of appJobs without an entry here fails the guard, and
// so does an entry no registered job has.
import { sql } from 'kysely';
import { ANCHOR_JOB } from '../src/dossiers/anchor-job';
import { createAnchorKey } from '../src/dossiers/anchor-key';
import type { World } from '../src/dossiers/world.test-helper';
import { ARCHIVE_JOB } from '../src/documents/archive-job';
import { OCR_JOB } from '../src/documents/ocr-job';
import type { FilesDeps } from '../src/documents/service';
import { storeFile } from '../src/documents/files-service';
import { OUTBOX_JOB } from '../src/notifications/delivery';
import { DUPLICATE_REFUND_JOB } from '../src/payments/duplicate-refunds';
import { FixedClock } from '../src/platform/clock';
import { CARRIER_POLL_JOB } from '../src/postal/carrier-job';
import { CARRIER_ORDER_JOB } from '../src/postal/carrier-orders';
import type { CarrierSimulator } from '../src/postal/carrier-simulator';
import { SIGNATURE_MOVE_JOB } from '../src/postal/signature-move';
import { REPORT_EXPORTS_JOB, requestExport } from '../src/reports/exports';
import { SYNC_PULL_JOB, SYNC_PUSH_JOB, SYNC_RETENTION_JOB } from '../src/sync/jobs';
import type { PortalSimulator } from '../src/sync/simulator';
import { makeUser } from './factories';
import type { FlowsDone } from './sharding-flows';

export interface JobWork {
  readonly prepare?: () => Promise<void>;
  readonly done: (result: unknown) => Promise<number> | number;
}

export interface JobWorld {
  readonly w: World;
  readonly files: FilesDeps;
  readonly flows: FlowsDone;
  readonly carrier: CarrierSimulator;
  readonly portal: PortalSimulator;
  readonly anchorKeyFile: string;
  /** a running dossier the escalation finds at risk */
  readonly atRiskCode: string;
  /** the account the national pull files as (MOTCUA_NATIONAL_PORTAL_PULL_USER) */
  readonly pullUser: string;
}

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
/** another 1×1 PNG (a red pixel): other bytes than the flows' signatures */
const RED_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC', 'base64');
const field = (result: unknown, key: string): number => Number((result as Record<string, unknown> | null)?.[key] ?? 0);

export function jobWork(j: JobWorld): Readonly<Record<string, JobWork>> {
  const { w } = j;
  const db = w.db;
  const now = () => w.clock.now();
  const minutes = (n: number) => new Date(now().getTime() + n * 60_000);
  const count = async (q: Promise<{ n: string | number | bigint }>) => Number((await q).n);
  const provinceOf = async (code: string) => (await db.selectFrom('dossiers').select('province_code').where('code', '=', code).executeTakeFirstOrThrow()).province_code;

  return {
    // a dossier overdue (the pickup's, received at the hand-over) and one at risk (a new intake, due within the hour)
    'supervision.escalate': {
      prepare: async () => {
        await db.updateTable('dossiers').set({ due_at: minutes(-60) }).where('code', '=', (await pickupDossier()).code).execute();
        await db.updateTable('dossiers').set({ due_at: minutes(60) }).where('code', '=', j.atRiskCode).execute();
      },
      done: (r) => field(r, 'atRisk') + field(r, 'overdue'),
    },
    // the returned dossier's resolution row missing (as before the hook existed)
    'transparency.backfill': {
      prepare: async () => { await db.deleteFrom('dossier_resolutions').where('dossier_id', '=', (await dossierOf(j.flows.returnedCode)).id).execute(); },
      done: (r) => field(r, 'inserted'),
    },
    [REPORT_EXPORTS_JOB]: {
      prepare: async () => { await requestExport(w.ctx(w.actors.supervisor), { kind: 'breakdown-xlsx', from: '2026-04-01', to: '2026-04-30' }); },
      done: (r) => Number(r),
    },
    // the flows' outbox rows (received, returned, the pickup's messages)
    [OUTBOX_JOB]: { done: (r) => field(r, 'delivered') + field(r, 'skipped') },
    // the flows' day (29/04) is anchored the next morning
    [ANCHOR_JOB]: { prepare: async () => { await createAnchorKey(j.anchorKeyFile); }, done: (r) => field(r, 'anchored') },
    // the flows' stored signatures are read (OCR touches no distributed table; its runs are done or retried)
    [OCR_JOB]: { done: (r) => field(r, 'queued') + field(r, 'done') + field(r, 'retried') + field(r, 'failed') },
    // a scan stored two months ago that nothing holds
    [ARCHIVE_JOB]: {
      prepare: async () => {
        await storeFile({ db, clock: new FixedClock(new Date('2026-02-27T10:00:00+07:00')), actor: null, files: j.files }, { buffer: new Uint8Array(RED_PNG), fileName: 'cu.png' });
      },
      done: () => count(db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).where('action', '=', 'file.archived').executeTakeFirstOrThrow()),
    },
    'throttle.prune': {
      prepare: async () => {
        await db.insertInto('attempt_throttle').values({ key: 'login:sharding-job', failures: 3, last_attempt_at: minutes(-3 * 1440), next_allowed_at: minutes(-3 * 1440) }).execute();
      },
      done: async () => 1 - await count(db.selectFrom('attempt_throttle').select((eb) => eb.fn.countAll().as('n')).where('key', '=', 'login:sharding-job').executeTakeFirstOrThrow()),
    },
    // a booking for tomorrow, not yet reminded
    'appointments.reminders': {
      prepare: () => booking('SHJ-REMIND', minutes(24 * 60), minutes(24 * 60 + 20)),
      done: async () => count(db.selectFrom('bookings').select((eb) => eb.fn.countAll().as('n')).where('code', '=', 'SHJ-REMIND').where('reminder_sent_at', 'is not', null).executeTakeFirstOrThrow()),
    },
    // a booking that ended two hours ago, nobody came
    'appointments.noShows': {
      prepare: () => booking('SHJ-NOSHOW', minutes(-140), minutes(-120)),
      done: async () => count(db.selectFrom('bookings').select((eb) => eb.fn.countAll().as('n')).where('code', '=', 'SHJ-NOSHOW').where('status', '=', 'no_show').executeTakeFirstOrThrow()),
    },
    // the sealed parcel of the pickup has no carrier order yet
    [CARRIER_ORDER_JOB]: { done: (r) => field(r, 'placed') },
    [CARRIER_POLL_JOB]: {
      prepare: async () => {
        j.carrier.emit(
          { eventId: 'shj-1', trackingNumber: j.flows.trackingNumber, kind: 'inTransit', at: '2026-04-29T15:00:00+07:00', note: 'Bưu cục Cao Lãnh' },
          { eventId: 'shj-1', trackingNumber: j.flows.trackingNumber, kind: 'inTransit', at: '2026-04-29T15:00:00+07:00', note: 'Bưu cục Cao Lãnh' },
        );
      },
      done: (r) => field(r, 'inserted'),
    },
    // a signature recorded before migration 0175: its PNG waits beside the row
    [SIGNATURE_MOVE_JOB]: {
      prepare: async () => {
        const s = await db.selectFrom('postal_signatures').select('id').orderBy('id').limit(1).executeTakeFirstOrThrow();
        await db.insertInto('postal_signature_legacy_png').values({ signature_id: s.id, png: PNG }).execute();
      },
      done: (r) => field(r, 'moved'),
    },
    // a dossier's fee paid twice at the gateway simulator: the second order is a duplicate with its receipt
    [DUPLICATE_REFUND_JOB]: {
      prepare: () => duplicatePayment(j.flows.returnedCode),
      done: async () => count(db.selectFrom('payment_duplicate_refunds').select((eb) => eb.fn.countAll().as('n')).where('refund_id', 'is not', null).executeTakeFirstOrThrow()),
    },
    // the flows' sync rows (received, processing, returned …)
    [SYNC_PUSH_JOB]: { done: (r) => field(r, 'sent') },
    // the returned dossier's rows were sent more than a year ago (all but its newest and its receipt go)
    [SYNC_RETENTION_JOB]: {
      prepare: async () => { await sql`UPDATE sync_outbox SET sent_at = ${minutes(-400 * 1440)} WHERE dossier_code = ${j.flows.returnedCode} AND sent_at IS NOT NULL`.execute(db); },
      done: (r) => Number(r),
    },
    // a submission on the national portal, filed as the configured account
    [SYNC_PULL_JOB]: {
      prepare: async () => {
        await makeUser(db, 'clerk', w.servicePoint.code, { username: j.pullUser });
        j.portal.addSubmission({
          reference: 'DVCQG-SHARDING-0001', procedureCode: w.procedureCode, submittedAt: '2026-04-30T07:00:00+07:00',
          applicant: { fullName: 'Võ Thị Hạnh', personalId: '087090008801', phone: '0987000111', address: null, unitCode: w.commune.code },
          formData: { fullName: 'Võ Thị Hạnh', personalId: '087090008801', gender: 'Nữ' },
          papers: [{ key: 'p1', name: 'Tờ khai' }, { key: 'p2', name: 'Giấy chứng sinh' }],
        });
      },
      done: (r) => field(r, 'filed'),
    },
  };

  async function dossierOf(code: string) {
    return db.selectFrom('dossiers').select(['id', 'code', 'province_code', 'procedure_code', 'unit_path']).where('code', '=', code).executeTakeFirstOrThrow();
  }
  async function pickupDossier() {
    return db.selectFrom('dossiers').select(['id', 'code']).where('personal_id', '=', '087190005678').executeTakeFirstOrThrow();
  }
  async function booking(code: string, startsAt: Date, endsAt: Date): Promise<void> {
    const point = await db.selectFrom('service_points').select(['id']).where('id', '=', w.servicePoint.id).executeTakeFirstOrThrow();
    await db.insertInto('bookings').values({
      code, service_point_id: point.id, province_code: await provinceOf(j.flows.returnedCode), unit_path: w.commune.path, purpose: 'intake',
      procedure_code: w.procedureCode, procedure_name: 'Thủ tục thử', seat: '1', starts_at: startsAt, ends_at: endsAt, holder_key: `holder-${code}`,
      personal_id: '087090001234', phone: '0912345678', name: 'Nguyễn Văn An', address: null, dossier_code: null, channel: 'portal', created_by: null,
      created_at: minutes(-3 * 1440), reminder_sent_at: null, arrived_at: null, cancelled_at: null, no_show_at: null,
    }).execute();
  }
  async function duplicatePayment(code: string): Promise<void> {
    const d = await dossierOf(code);
    const at = minutes(-30);
    await db.insertInto('gateway_simulator_transactions').values({ txn_ref: 'SHJ-DUP-2', transaction_no: 'SHJ-T2', amount_vnd: 50_000, outcome: 'paid', bank_code: 'NCB', at }).execute();
    const receipt = await db.insertInto('receipts').values({
      province_code: d.province_code, series: 'TT', service_point_id: null, year: 2026, number: 9001, amount_vnd: 50_000, payer: '{}',
      items: JSON.stringify([{ kind: 'fee', label: 'Lệ phí', amountVnd: 50_000 }]), payment_method: 'qr', collected_by: null, collected_by_name: 'Cổng thanh toán',
      place: 'online', dossier_code: code, shipment_id: null, issued_at: at,
    }).returning('id').executeTakeFirstOrThrow();
    const order = await db.insertInto('payment_orders').values({
      province_code: d.province_code, txn_ref: 'SHJ-DUP-2', subject_kind: 'dossier', subject_id: code, items: JSON.stringify([{ kind: 'fee', label: 'Lệ phí', amountVnd: 50_000 }]),
      amount_vnd: 50_000, status: 'duplicate', payer: '{}', procedure_code: d.procedure_code, unit_path: d.unit_path, return_url: '/', created_by: null,
      created_at: at, paid_at: at, gateway_transaction_no: 'SHJ-T2', bank_code: 'NCB', receipt_id: receipt.id,
    }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('payment_duplicate_refunds').values({ province_code: d.province_code, order_id: order.id, created_at: at, next_at: at, last_error: null, given_up_at: null, refund_id: null, refunded_at: null }).execute();
  }
}
