// The bulk path of the simulator: the plans of scenario.ts become dossiers, hash-chained events
// (the dossiers' own nextEvent / evolve / checkAction), papers, code serials and roll-ups
// (reports' rollupDeltas), written in batches of thousands of rows per transaction.
import { sql, type Kysely } from 'kysely';
import type pg from 'pg';
import { elapsedWorkingTime, type DurationUnit, type WorkCalendar } from '../calendar';
import { loadWorkCalendar } from '../calendar/store';
import { formatDossierCode, yymmddOf } from '../dossiers/codes';
import { GENESIS_HASH, nextEvent, type DossierEvent } from '../dossiers/events';
import { evolve, lifecycleOf, type DerivedDossier, type IntakePayload } from '../dossiers/fold';
import { checkAction, type Action } from '../dossiers/lifecycle';
import { ensureEventYear } from '../dossiers/partitions';
import type { Role } from '../platform/actor';
import type { DB } from '../platform/db/schema';
import { intakeFlags, movedDeltas, rollupDeltas, RollupAccumulator } from '../reports/rollup';
import { markDeltas } from '../reports/marks';
import { upsertRollups, type RollupRow } from '../reports/store';
import { Rng } from './random';
import { planScenario, type DossierPlan, type ScenarioSpec, type SimAgency, type SimProcedure, type SimWorld } from './scenario';
import { vnDateOfInstant } from '../shared/civil-date';
import { writeBatchByCopy } from './bulk-copy';

type Db = Kysely<DB>;

type PilotAgencyRow = { id: number; identifier: string; level: string; kind: string; function_code: string | null; path: string; unit_code: string; province_code: string };
type BodyRow = { kind?: unknown; level?: unknown; functionCode?: unknown } | null;

/**
 * The agency of the old structure that decides a procedure's dossiers from one district: the
 * catalogue's competent body (never a default, as at intake) read on the pre-2025 tree — commune
 * People's Committee and commune police → the district's People's Committee and police (the
 * pilot's one-stops are district level), province bodies → the province's agency of that kind
 * (and function, for departments).
 */
export function pilotCompetent(body: BodyRow, district: PilotAgencyRow, agencies: readonly PilotAgencyRow[]): PilotAgencyRow | null {
  if (!body) return null;
  const byKind: Record<string, string> = { people_committee: 'people_committee', commune_police: 'police', provincial_police: 'police', provincial_department: 'department', social_insurance: 'social_insurance' };
  const kind = byKind[String(body.kind)];
  if (!kind) return null;
  const local = body.level === 'commune';
  const found = agencies.filter((a) => a.kind === kind && (local ? a.level === 'district' && a.path === district.path : a.level === 'province')
    && (kind !== 'department' || a.function_code === body.functionCode));
  return found.length === 1 ? (found[0] ?? null) : null;
}

/** The old (pre-2025) Đồng Tháp structure of the demo seed: province '/87/' and its 12 districts. */
export async function loadPilotWorld(db: Db): Promise<SimWorld> {
  const agencies: PilotAgencyRow[] = await db.selectFrom('agencies as a').innerJoin('admin_units as u', 'u.id', 'a.admin_unit_id')
    .select(['a.id', 'a.identifier', 'a.level', 'a.kind', 'a.function_code', 'u.path', 'u.code as unit_code', 'a.province_code'])
    .where('a.valid_from', '<=', '2018-08-01').where((eb) => eb.or([eb('a.valid_to', 'is', null), eb('a.valid_to', '>', '2022-08-11')]))
    .where('u.path', 'like', '/87/%').execute();
  const ref = (a: PilotAgencyRow): SimAgency => ({ id: a.id, identifier: a.identifier, unitPath: a.path, provinceCode: a.province_code });
  const province = agencies.find((a) => a.level === 'province' && a.kind === 'people_committee');
  const centre = agencies.find((a) => a.kind === 'public_service_centre' && a.level === 'province');
  if (!province || !centre) throw new Error('Chưa có dữ liệu Đồng Tháp cũ (UBND tỉnh, Trung tâm PVHCC): hãy chạy "motcua seed --demo".');
  const points = await db.selectFrom('service_points').select(['id', 'receiving_agency_id']).where('code', 'like', 'MC-%').execute();
  const districtRows = agencies.filter((a) => a.level === 'district' && a.kind === 'people_committee');
  const districts = districtRows.map((a, i) => ({
    agency: ref(a), servicePointId: points.find((p) => p.receiving_agency_id === a.id)?.id ?? null,
    weight: [1.6, 1.2, 0.9, 0.8, 1.0, 0.8, 1.2, 1.3, 1.0, 1.1, 1.1, 1.2][i] ?? 1, // town and populous districts busier [U]
  }));
  const procedures = await db.selectFrom('procedures')
    .select(['id', 'code', 'field', 'competent_level', 'competent_body', 'duration_value', 'duration_unit', 'cutoff', 'online_level', 'postal_allowed', 'required_papers', 'version'])
    .orderBy('code').orderBy('version', 'desc').execute();
  const seen = new Set<string>();
  const simProcedures: SimProcedure[] = [];
  for (const p of procedures) {
    if (seen.has(p.code)) continue;
    seen.add(p.code);
    // as at intake: a procedure whose body the catalogue cannot name is not received
    if (p.competent_body === null) continue;
    const competentByDistrict = districtRows.map((d) => {
      const a = pilotCompetent(p.competent_body as BodyRow, d, agencies);
      if (!a) throw new Error(`Danh bạ Đồng Tháp cũ thiếu cơ quan giải quyết thủ tục ${p.code} (${JSON.stringify(p.competent_body)}) cho ${d.identifier}: hãy chạy "motcua seed --demo".`);
      return ref(a);
    });
    const papers = (p.required_papers as { key?: string; name?: string; originals?: number; copies?: number }[])
      .filter((r) => typeof r.key === 'string').slice(0, 4)
      .map((r) => ({ key: r.key ?? '', name: r.name ?? '', originals: r.originals ?? 1, copies: r.copies ?? 0 }));
    simProcedures.push({
      id: p.id, code: p.code, field: p.field, provincial: p.competent_level === 'province' || p.competent_level === 'central',
      duration: { value: Math.max(1, p.duration_value), unit: p.duration_unit as DurationUnit }, cutoff: p.cutoff,
      onlineLevel: p.online_level, postalAllowed: p.postal_allowed, papers, competentByDistrict,
    });
  }
  if (simProcedures.length === 0) throw new Error('Chưa có thủ tục: hãy chạy "motcua seed --demo".');
  return { centre: ref(centre), districts, procedures: simProcedures };
}

export interface SimulateOptions {
  readonly seed: number;
  readonly batchSize?: number;
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * Drop the secondary indexes of the written tables during the load and build them once at the
   * end (much faster than maintaining a trigram GIN row by row). Default: only when the database
   * has no dossier yet (a first load); unique indexes and constraints always stay.
   */
  readonly deferIndexes?: boolean;
  /**
   * The pool behind `db`: batches then go in by `COPY … FROM STDIN` (bulk-copy.ts) instead of the
   * multi-row INSERT over unnest arrays (no JSON or array parsing on the server).
   */
  readonly pool?: pg.Pool;
}

export interface SimulateReport {
  readonly dossiers: number;
  readonly events: number;
  readonly seconds: number;
}

/** Who does each action in the simulated province unless the plan says (the one-stop, the officer, the leader). */
const simulatedRole = {
  receive: 'clerk', refuse: 'clerk', forward: 'clerk', assign: 'approver', requestSupplement: 'officer', supplementReceived: 'clerk',
  requestPayment: 'officer', paymentReceived: 'clerk', consult: 'officer', consultReplied: 'officer', apologize: 'officer', submitForApproval: 'officer',
  approve: 'approver', reject: 'approver', markResultReady: 'officer', return: 'clerk', withdraw: 'citizen', stop: 'approver',
  recomputeDue: 'admin', rate: 'citizen', attachResult: 'officer',
} as const satisfies Record<Action, Role>;
const roleOf = (action: Action): Role => simulatedRole[action];

/** A code for the receipt day; before the first versioned format (2019-01-06) the TT 01/2018 shape is used. */
function codeFor(identifier: string, at: number, serial: number): { code: string; format: string } {
  try {
    return formatDossierCode({ agencyIdentifier: identifier, receivedAt: at, serial });
  } catch {
    return { code: `${identifier}-${yymmddOf(at)}-${String(serial).padStart(4, '0')}`, format: 'tt01-2018' };
  }
}

interface Built {
  readonly row: DerivedDossier & { id: number };
  readonly events: DossierEvent[];
  /** the row after each event (what the roll-up reads) */
  readonly rows: DerivedDossier[];
  readonly plan: DossierPlan;
}

function build(plan: DossierPlan, id: number, applicantId: number, serial: number, calendarVersion: string): Built {
  const { code, format } = codeFor(plan.receiving.identifier, plan.receivedAt, serial);
  const payload: IntakePayload = {
    code, codeFormat: format, provinceCode: plan.competent.provinceCode, procedureId: plan.procedure.id, procedureCode: plan.procedure.code,
    applicantId, applicantName: plan.applicant.name, applicantPhone: plan.applicant.phone, personalId: plan.applicant.personalId,
    receivingServicePointId: plan.servicePointId, receivingAgencyId: plan.receiving.id, competentAgencyId: plan.competent.id,
    unitPath: plan.competent.unitPath, applicantUnitId: null, channel: plan.channel,
    onlineLevel: plan.channel === 'online' ? (plan.procedure.onlineLevel === 'full' ? 'full' : 'partial') : null,
    vneidAuthenticated: plan.channel === 'online', receivedAt: plan.channel === 'online' ? null : new Date(plan.receivedAt).toISOString(),
    dueAt: plan.channel === 'online' ? null : new Date(plan.dueAt).toISOString(), calendarVersion: plan.channel === 'online' ? null : calendarVersion,
    formData: { fullName: plan.applicant.name, personalId: plan.applicant.personalId }, papers: plan.papers,
  };
  const intakeAction = plan.channel === 'online' ? 'submitted' : 'received';
  const first = nextEvent({ id, code }, { seq: 0, hash: GENESIS_HASH }, intakeAction, { userId: 0, role: plan.channel === 'online' ? 'citizen' : plan.channel === 'postal' ? 'courier' : 'clerk' }, payload as unknown as Record<string, unknown>, new Date(plan.intakeAt));
  const events: DossierEvent[] = [first];
  let row = evolve(null, first);
  const rows: DerivedDossier[] = [row];
  for (const step of plan.steps) {
    const role = step.role ?? roleOf(step.action);
    const violation = checkAction(lifecycleOf(row), step.action, role);
    if (violation) throw new Error(`plan ${plan.index}: ${step.action} refused (${violation}) in ${row.status}`);
    const payloadStep = step.action === 'receive' ? { ...step.payload, calendarVersion } : step.payload;
    const prev = events[events.length - 1] ?? first;
    const e = nextEvent({ id, code }, { seq: prev.seq, hash: prev.hash }, step.action, { userId: 0, role }, payloadStep, new Date(step.at));
    events.push(e);
    row = evolve(row, e);
    rows.push(row);
  }
  return { row: { ...row, id }, events, rows, plan };
}

/** Runs a scenario into the database. Returns counts and the time it took. */
export async function simulate(db: Db, spec: ScenarioSpec, options: SimulateOptions): Promise<SimulateReport> {
  const started = Date.now();
  const world = await loadPilotWorld(db);
  const fromYear = Number(spec.from.slice(0, 4)) - 1;
  const toYear = Number(spec.to.slice(0, 4)) + 1;
  const { calendar, versions } = await loadWorkCalendar(db, { fromYear, toYear });
  const calendarVersion = Object.entries(versions).map(([y, v]) => `${y}:${v === 'official' || v === 'statutory' ? v : `v${v}`}`).join(',');
  const rng = new Rng(options.seed);
  const batchSize = options.batchSize ?? 5000;
  const serials = new Map<string, number>();
  // continue after serials already used (a second run on the same database)
  // each serial row's province (its sharding key: the agency's, as its dossiers')
  const serialProvinces = new Map<string, string>();
  for (const s of await db.selectFrom('dossier_serials').select(['agency_id', 'day', 'last_serial', 'province_code']).execute()) {
    serials.set(`${s.agency_id}|${s.day}`, s.last_serial);
    serialProvinces.set(`${s.agency_id}|${s.day}`, s.province_code);
  }
  let done = 0, events = 0;
  let batch: DossierPlan[] = [];
  const empty = (await db.selectFrom('dossiers').select('id').limit(1).execute()).length === 0;
  // the event log's partitions of the simulated years (ADR 022), before any row goes to the default
  for (let y = fromYear; y <= toYear; y++) await ensureEventYear(db, y);
  const deferred = (options.deferIndexes ?? empty) ? await dropSecondaryIndexes(db) : [];
  // one batch is written while the next is planned and built (the JS work overlaps the database's)
  let writing: Promise<void> = Promise.resolve();
  const flush = async () => {
    if (batch.length === 0) return;
    const plans = batch;
    batch = [];
    const prepared = await prepareBatch(db, plans, calendar, calendarVersion, serials, serialProvinces);
    await writing;
    writing = (options.pool ? writeBatchByCopy(options.pool, db, prepared) : writeBatch(db, prepared)).then((n) => {
      events += n;
      done += plans.length;
      options.onProgress?.(done, spec.dossiers);
    });
    writing.catch(() => {}); // awaited below; avoid an unhandled rejection meanwhile
  };
  try {
    for (const plan of planScenario(spec, world, calendar, rng)) {
      batch.push(plan);
      if (batch.length >= batchSize) await flush();
    }
    await flush();
    await writing;
  } finally {
    await writing.catch(() => {});
    await restoreIndexes(db, deferred);
  }
  // the serials used, so that live intakes continue after them
  const rows = [...serials.entries()].map(([k, last]) => {
    const [agency, day] = k.split('|');
    return { agency_id: Number(agency), day: day ?? '', last_serial: last, province_code: serialProvinces.get(k) ?? '' };
  });
  for (let i = 0; i < rows.length; i += 5000) {
    await db.insertInto('dossier_serials').values(rows.slice(i, i + 5000))
      .onConflict((oc) => oc.columns(['agency_id', 'day']).doUpdateSet({ last_serial: sql`greatest(dossier_serials.last_serial, excluded.last_serial)` })).execute();
  }
  await sql`ANALYZE dossiers`.execute(db);
  await sql`ANALYZE stats_daily`.execute(db);
  return { dossiers: done, events, seconds: (Date.now() - started) / 1000 };
}

interface Prepared {
  readonly count: number;
  readonly dossierRows: Record<string, unknown>[];
  readonly events: { dossier_id: number[]; seq: number[]; at: string[]; action: string[]; actor_id: (number | null)[]; actor_role: (string | null)[]; payload: string[]; prev_hash: string[]; hash: string[]; hash_version: number[]; province_code: string[]; dossier_submitted_at: string[] };
  readonly papers: { dossier_id: number[]; province_code: string[]; dossier_submitted_at: string[]; paper_key: string[]; name: string[]; originals: number[]; copies: number[]; source: string[]; digitized: boolean[] };
  readonly rollups: RollupRow[];
}

/**
 * The JS side of a batch: applicants upserted (autocommit: an applicant row is shared by later
 * batches), ids drawn from the sequence, events chained and folded, roll-up deltas summed.
 */
async function prepareBatch(db: Db, plans: readonly DossierPlan[], calendar: WorkCalendar, calendarVersion: string, serials: Map<string, number>, serialProvinces: Map<string, string>): Promise<Prepared> {
  // applicants: one row per personal ID (an earlier applicant keeps their row)
  const people = new Map(plans.map((p) => [p.applicant.personalId, p.applicant]));
  const list = [...people.values()];
  const ids = await sql<{ id: number; personal_id: string }>`
    INSERT INTO applicants (personal_id, name, birth_date, phone)
    SELECT * FROM unnest(${list.map((a) => a.personalId)}::text[], ${list.map((a) => a.name)}::text[], ${list.map((a) => a.birthDate)}::date[], ${list.map((a) => a.phone)}::text[])
    ON CONFLICT (personal_id) WHERE personal_id IS NOT NULL DO UPDATE SET phone = excluded.phone
    RETURNING id, personal_id`.execute(db);
  const applicantIds = new Map(ids.rows.map((r) => [r.personal_id, Number(r.id)]));
  const seq = await sql<{ id: number }>`SELECT nextval('dossiers_id_seq') AS id FROM generate_series(1, ${plans.length})`.execute(db);
  const acc = new RollupAccumulator();
  const minutes = (a: number, b: number) => elapsedWorkingTime(a, b, calendar);
  const dossierRows: Record<string, unknown>[] = [];
  const ev: Prepared['events'] = { dossier_id: [], seq: [], at: [], action: [], actor_id: [], actor_role: [], payload: [], prev_hash: [], hash: [], hash_version: [], province_code: [], dossier_submitted_at: [] };
  const pp: Prepared['papers'] = { dossier_id: [], province_code: [], dossier_submitted_at: [], paper_key: [], name: [], originals: [], copies: [], source: [], digitized: [] };
  let count = 0;
  plans.forEach((plan, i) => {
    const id = Number(seq.rows[i]?.id);
    const key = `${plan.receiving.id}|${vnDateOfInstant(plan.receivedAt)}`;
    const serial = (serials.get(key) ?? 0) + 1;
    serials.set(key, serial);
    const built = build(plan, id, applicantIds.get(plan.applicant.personalId) ?? 0, serial, calendarVersion);
    serialProvinces.set(key, built.row.province_code);
    dossierRows.push({ ...built.row, created_at: new Date(plan.intakeAt) });
    const flags = intakeFlags(built.events[0]?.payload ?? {});
    for (const [k, e] of built.events.entries()) {
      const row = built.rows[k];
      // as the hook: a forward to another agency or unit takes the dossier's receipt with it (movedDeltas)
      if (row) acc.add([...rollupDeltas(e, row, flags, minutes), ...markDeltas(built.rows[k - 1] ?? null, row), ...(e.action === 'forward' ? movedDeltas(built.rows[k - 1] ?? null, row, flags) : [])]);
      ev.dossier_id.push(id); ev.seq.push(e.seq); ev.at.push(new Date(e.at).toISOString()); ev.action.push(e.action);
      ev.actor_id.push(e.actorId); ev.actor_role.push(e.actorRole); ev.payload.push(JSON.stringify(e.payload)); ev.prev_hash.push(e.prevHash); ev.hash.push(e.hash); ev.hash_version.push(e.hashVersion);
      ev.province_code.push(built.row.province_code); ev.dossier_submitted_at.push(new Date(built.row.submitted_at).toISOString());
      count++;
    }
    for (const p of plan.papers) {
      pp.dossier_id.push(id); pp.province_code.push(built.row.province_code); pp.dossier_submitted_at.push(new Date(built.row.submitted_at).toISOString()); pp.paper_key.push(p.key); pp.name.push(p.name); pp.originals.push(p.originals); pp.copies.push(p.copies); pp.source.push(p.source); pp.digitized.push(p.digitized);
    }
  });
  return { count, dossierRows, events: ev, papers: pp, rollups: [...acc.rows.values()] as RollupRow[] };
}

/** One transaction: dossiers, events (multi-row INSERT over unnest of arrays), papers, roll-ups. */
async function writeBatch(db: Db, b: Prepared): Promise<number> {
  return db.transaction().execute(async (trx) => {
    // a simulated batch lost in a crash is simply re-simulated: no need to wait for the WAL flush
    await sql`SET LOCAL synchronous_commit = off`.execute(trx);
    await sql`INSERT INTO dossiers SELECT * FROM json_populate_recordset(null::dossiers, ${JSON.stringify(b.dossierRows)}::json)`.execute(trx);
    const e = b.events;
    await sql`INSERT INTO dossier_events (dossier_id, seq, at, action, actor_id, actor_role, payload, prev_hash, hash, hash_version, province_code, dossier_submitted_at)
      SELECT * FROM unnest(${e.dossier_id}::bigint[], ${e.seq}::int[], ${e.at}::timestamptz[], ${e.action}::text[], ${e.actor_id}::bigint[],
        ${e.actor_role}::text[], ${e.payload}::jsonb[], ${e.prev_hash}::text[], ${e.hash}::text[], ${e.hash_version}::smallint[],
        ${e.province_code}::text[], ${e.dossier_submitted_at}::timestamptz[])`.execute(trx);
    const p = b.papers;
    if (p.dossier_id.length > 0) {
      await sql`INSERT INTO dossier_papers (dossier_id, province_code, dossier_submitted_at, paper_key, name, originals, copies, source, digitized)
        SELECT * FROM unnest(${p.dossier_id}::bigint[], ${p.province_code}::text[], ${p.dossier_submitted_at}::timestamptz[], ${p.paper_key}::text[], ${p.name}::text[], ${p.originals}::int[], ${p.copies}::int[], ${p.source}::text[], ${p.digitized}::boolean[])`.execute(trx);
    }
    await upsertRollups(trx, b.rollups);
    return b.count;
  });
}

const DEFERRED_TABLES = ['applicants', 'dossiers', 'dossier_name_suffixes', 'dossier_events', 'dossier_papers', 'stats_daily', 'stats_monthly'];

/** Drops the non-unique indexes of the loaded tables; returns their definitions. */
export async function dropSecondaryIndexes(db: Db, tables: readonly string[] = DEFERRED_TABLES): Promise<{ name: string; def: string }[]> {
  const rows = await sql<{ name: string; def: string }>`
    SELECT i.relname AS name, pg_get_indexdef(x.indexrelid) AS def
      FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
     WHERE t.relname = ANY(${[...tables]}::text[]) AND t.relnamespace = 'public'::regnamespace
       AND NOT x.indisunique AND NOT x.indisprimary
     ORDER BY i.relname`.execute(db);
  for (const r of rows.rows) await sql`DROP INDEX IF EXISTS ${sql.id(r.name)}`.execute(db);
  return rows.rows;
}

/** Builds the dropped indexes again (after the load: one sort per index instead of row-by-row). */
export async function restoreIndexes(db: Db, defs: readonly { name: string; def: string }[]): Promise<void> {
  if (defs.length === 0) return;
  await db.connection().execute(async (c) => {
    await sql`SET maintenance_work_mem = '512MB'`.execute(c);
    // a partitioned table's index reads `ON ONLY parent`: built again on the parent, it covers every partition
    for (const d of defs) await sql.raw(d.def.replace(/^CREATE INDEX /, 'CREATE INDEX IF NOT EXISTS ').replace(' ON ONLY ', ' ON ')).execute(c);
    await sql`RESET maintenance_work_mem`.execute(c);
  });
}
