// A bundle member's inter-agency steps as hand-offs of its control slip (issue 17 §3, form 05/06):
// every started step of its bundle — from the prerequisite's agency (else the one-stop) to the
// member's agency, electronic at once or the paper with a "Phiếu chuyển xử lý" — with the step's
// allotted time, its own deadline, when it was done and its judgement against its own time
// (steps.ts). Wired by src/app.ts beside the post's legs (`HandoffSource`), so dossiers never read
// the bundles' tables.
import { procedureRules } from '../catalog/references';
import { agencyHandover, agencyNames, servicePointPlace } from '../directory/references';
import { memberSummaries, type HandoffStep, type MemberSummary } from '../dossiers/service';
import type { Database } from '../platform/db/connect';
import { bundleDefinitions } from './definitions';
import { bundleSteps, type BundleStep, type MemberStepFacts } from './steps';

export interface BundleStepsRead {
  readonly code: string;
  readonly lead: string;
  readonly oneStop: string;
  readonly steps: readonly BundleStep[];
}

/** The steps of the bundle a dossier belongs to (null: not a member), as seen at `now`. */
export async function stepsOfBundleOf(db: Database, dossierCode: string, now: Date): Promise<BundleStepsRead | null> {
  const parent = await db.selectFrom('bundle_members as m').innerJoin('bundles as b', 'b.id', 'm.bundle_id')
    .select(['b.id', 'b.code', 'b.definition_code', 'b.definition_from', 'b.service_point_id', 'b.receiving_agency_id'])
    .where('m.dossier_code', '=', dossierCode).executeTakeFirst();
  if (!parent) return null;
  return stepsOfBundle(db, parent, now);
}

interface ParentRow {
  readonly id: number;
  readonly code: string;
  readonly definition_code: string;
  readonly definition_from: string;
  readonly service_point_id: number | null;
  readonly receiving_agency_id: number;
}

/** The steps of one bundle (its row), in the members' start order. */
export async function stepsOfBundle(db: Database, parent: ParentRow, now: Date): Promise<BundleStepsRead> {
  const rows = await db.selectFrom('bundle_members').selectAll().where('bundle_id', '=', parent.id).orderBy('position').execute();
  const summaries = await memberSummaries(db, null, rows.map((r) => r.dossier_code));
  const definition = bundleDefinitions.find((d) => d.code === parent.definition_code && d.effectiveFrom === parent.definition_from);
  const point = parent.service_point_id === null ? null : await servicePointPlace(db, parent.service_point_id);
  const oneStop = point?.name ?? (await agencyNames(db, [parent.receiving_agency_id])).get(parent.receiving_agency_id)?.name ?? 'Bộ phận Một cửa';
  const facts: MemberStepFacts[] = [];
  for (const r of rows) {
    const s = summaries.find((x) => x.code === r.dossier_code);
    if (s) facts.push(await factsOf(db, s, r.member_key, r.waits_for, r.started_at, definition?.members.find((m) => m.key === r.member_key)?.name ?? s.procedureCode));
  }
  return { code: parent.code, lead: definition?.lead ?? '', oneStop, steps: bundleSteps(facts, oneStop, now.getTime()) };
}

async function factsOf(db: Database, s: MemberSummary, key: string, waitsFor: string | null, startedAt: Date | null, name: string): Promise<MemberStepFacts> {
  const [rules, agency] = await Promise.all([procedureRules(db, s.procedureId), agencyHandover(db, s.competentAgencyId)]);
  const doneAt = s.finishedAt !== null && (s.status === 'resultReady' || s.status === 'returned' || s.status === 'rejected') ? s.finishedAt.getTime() : null;
  return {
    key, name, code: s.code, agencyName: s.competentAgency.name, waitsFor, mode: agency?.handover === 'electronic' ? 'electronic' : 'paper',
    // the member's clock: its receipt (a waiting member's starts at its prerequisite's result)
    startedAt: (s.receivedAt ?? startedAt)?.getTime() ?? null,
    dueAt: s.dueAt?.getTime() ?? null, finishedAt: doneAt, allotted: { value: rules.durationValue, unit: rules.durationUnit },
  };
}

const MODE_TEXT = {
  electronic: 'chuyển điện tử, ngay khi có',
  paper: 'hồ sơ giấy chuyển kèm Phiếu chuyển xử lý',
} as const;

/** The dossier's bundle steps as control-slip hand-offs (`HandoffSource`); none when it is not a member. */
export async function bundleHandoffs(db: Database, dossierCode: string, now: Date): Promise<HandoffStep[]> {
  const read = await stepsOfBundleOf(db, dossierCode, now);
  if (!read) return [];
  return read.steps.flatMap((s): HandoffStep[] => (s.handedAt === null ? [] : [{
    at: new Date(s.handedAt), from: s.from, to: s.to, action: 'bundle.step', trackingNumber: null, handedBy: null, receivedBy: null,
    note: `Hồ sơ liên thông ${read.code} — ${s.task} (${s.code}); ${MODE_TEXT[s.mode]}`,
    step: {
      mode: s.mode, allotted: s.allotted, dueAt: s.dueAt === null ? null : new Date(s.dueAt), doneAt: s.doneAt === null ? null : new Date(s.doneAt), result: s.result,
    },
  }]));
}
