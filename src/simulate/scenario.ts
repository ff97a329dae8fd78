// The synthetic province: who comes, when, for what, through which channel, and what happens to
// the dossier. Pure (the calendar is an argument). The plan of one dossier is its intake and the
// lifecycle actions with their times and payloads; load.ts turns it into hash-chained events with
// the dossiers' own functions.
import {
  applyApology, computeDueAt, newDossierDeadline, restartAfterSupplement,
  type Duration, type IsoDate, type WorkCalendar,
} from '../calendar';
import { isDislike, type Action, type DislikeReason } from '../dossiers/lifecycle';
import type { Role } from '../platform/actor';
import { arrivalsPerDay, arrivalTime } from './arrivals';
import { simApplicant, type SimApplicant } from './people';
import { pickWeighted, Quota, type Rng } from './random';
import { DAY_MS, vnMidnightOf } from '../shared/civil-date';

/** The pilot's agencies apologise in time only (ND 61 art. 19.9): a late apology is not simulated. */
const isTimelyApology = (r: ReturnType<typeof applyApology>): boolean => r.ok && !r.late;

export interface ScenarioSpec {
  readonly name: string;
  readonly from: IsoDate;
  readonly to: IsoDate;
  /** accepted dossiers over the period */
  readonly dossiers: number;
  /** of newly accepted dossiers */
  readonly onlineShare: number;
  readonly postalShare: number;
  /** received by the provincial public-service centre */
  readonly centreShare: number;
  /** still in progress at the end of the period */
  readonly openAtEnd: number;
  readonly lateShareOfResolved: number;
  readonly rejectedShare: number;
  readonly withdrawnShare: number;
  readonly stoppedShare: number;
  readonly supplementShare: number;
  readonly apologyShareOfLate: number;
  /** an earlier applicant comes back */
  readonly returningApplicantShare: number;
}

/**
 * Đồng Tháp, province and district level, 2018-08-01 … 2022-08-11 (DOMAIN §5.5): >351,000 received,
 * 12.46% online (levels 3–4) of new ones, 14.54% by BCCI, >349,000 resolved of which 821 late
 * (0.24%), >2,500 in progress, >55,000 at the provincial centre.
 */
export const dongThapPilot: ScenarioSpec = {
  name: 'dong-thap-pilot', from: '2018-08-01' as IsoDate, to: '2022-08-11' as IsoDate, dossiers: 351_700,
  onlineShare: 0.1246, postalShare: 0.1454, centreShare: 55_300 / 351_700, openAtEnd: 2_550,
  lateShareOfResolved: 821 / 349_051, rejectedShare: 0.0003, withdrawnShare: 0.0002, stoppedShare: 0.0001,
  supplementShare: 0.03, apologyShareOfLate: 0.5, returningApplicantShare: 0.25,
};

export const scenarios: Readonly<Record<string, ScenarioSpec>> = { 'dong-thap-pilot': dongThapPilot };

/** The same shape with another number of dossiers (open dossiers scale with it). */
export function scaled(spec: ScenarioSpec, dossiers: number): ScenarioSpec {
  return { ...spec, dossiers, openAtEnd: Math.round((spec.openAtEnd * dossiers) / spec.dossiers) };
}

export interface SimAgency {
  readonly id: number;
  readonly identifier: string;
  readonly unitPath: string;
  readonly provinceCode: string;
}

export interface SimProcedure {
  readonly id: number;
  readonly code: string;
  readonly field: string;
  readonly provincial: boolean;
  readonly duration: Duration;
  readonly cutoff: string | null;
  readonly onlineLevel: 'none' | 'partial' | 'full';
  readonly postalAllowed: boolean;
  readonly papers: readonly { key: string; name: string; originals: number; copies: number }[];
  /** the agency that decides it for each district of `SimWorld.districts` (same order), from the catalogue's competent body */
  readonly competentByDistrict: readonly SimAgency[];
}

export interface SimWorld {
  readonly centre: SimAgency;
  readonly districts: readonly { agency: SimAgency; servicePointId: number | null; weight: number }[];
  readonly procedures: readonly SimProcedure[];
}

/** Share of dossiers by field: certification and civil status dominate [U]. */
const FIELD_WEIGHTS: Readonly<Record<string, number>> = {
  'Chứng thực': 30, 'Hộ tịch': 28, 'Đất đai': 16, 'Đăng ký, quản lý cư trú': 10, 'Lý lịch tư pháp': 4,
  'Hoạt động xây dựng': 3, 'Bảo trợ xã hội': 3, 'Sát hạch, cấp giấy phép lái xe': 3,
};

/** Relative frequency of each procedure: its field's share, more to the first of a field. */
export function procedureWeights(procedures: readonly SimProcedure[]): number[] {
  const rank = new Map<string, number>();
  const perField = new Map<string, number>();
  const raw = procedures.map((p) => {
    const r = rank.get(p.field) ?? 0;
    rank.set(p.field, r + 1);
    const w = 1 / (r + 1);
    perField.set(p.field, (perField.get(p.field) ?? 0) + w);
    return w;
  });
  return procedures.map((p, i) => ((FIELD_WEIGHTS[p.field] ?? 2) * (raw[i] ?? 0)) / (perField.get(p.field) ?? 1));
}

export type Outcome = 'resolved' | 'rejected' | 'withdrawn' | 'stopped' | 'open';

export interface PlannedStep {
  readonly action: Action;
  readonly at: number;
  readonly payload: Record<string, unknown>;
  /** who acts, when not the first role of the action's table row (a rating at the counter: the clerk) */
  readonly role?: Role;
}

/**
 * Satisfaction ratings [U: no published distribution; plausible figures]. About a third of the
 * applicants rate; those served late or refused after appraisal are far less satisfied. At the
 * counter the rating is given on the device when the result is handed over; by post and online,
 * later on the portal.
 */
const RATED_SHARE = 0.35;
const STARS_ON_TIME: readonly (readonly [number, number])[] = [[1, 0.01], [2, 0.02], [3, 0.07], [4, 0.25], [5, 0.65]];
const STARS_LATE: readonly (readonly [number, number])[] = [[1, 0.15], [2, 0.2], [3, 0.3], [4, 0.25], [5, 0.1]];
const STARS_REJECTED: readonly (readonly [number, number])[] = [[1, 0.2], [2, 0.25], [3, 0.3], [4, 0.15], [5, 0.1]];
const REASONS: readonly (readonly [DislikeReason, number])[] = [['attitude', 0.2], ['time', 0.25], ['guidance', 0.3], ['procedure', 0.25]];

/** The rating of one dossier after its result (at `after`), or null; draws only from `rng`. */
function planRating(rng: Rng, channel: DossierPlan['channel'], outcome: 'resolved' | 'rejected', late: boolean, after: number, end: number): PlannedStep | null {
  if (!rng.chance(RATED_SHARE)) return null;
  const atCounter = channel === 'counter' && outcome === 'resolved';
  const at = after + (atCounter ? Math.round(rng.between(1, 5)) * MIN : Math.round(rng.between(0.2, 5) * 86_400_000));
  const stars = pickWeighted(rng, outcome === 'rejected' ? STARS_REJECTED : late ? STARS_LATE : STARS_ON_TIME);
  const dislike: DislikeReason[] = [];
  if (stars <= 3) {
    if (late) dislike.push('time');
    if (!late || isDislike(stars)) {
      const r = pickWeighted(rng, REASONS);
      if (!dislike.includes(r)) dislike.push(r);
    }
  }
  if (at >= end) return null;
  return {
    action: 'rate', at, payload: { stars, dislike, via: atCounter ? 'counter' : 'portal' },
    ...(atCounter ? { role: 'clerk' as const } : { role: 'citizen' as const }),
  };
}

export interface DossierPlan {
  readonly index: number;
  readonly channel: 'counter' | 'online' | 'postal';
  readonly procedure: SimProcedure;
  readonly receiving: SimAgency;
  readonly competent: SimAgency;
  readonly servicePointId: number | null;
  readonly applicant: SimApplicant;
  /** intake event time (online: filing; counter/postal: receipt) */
  readonly intakeAt: number;
  /** legal receipt time (clock start) */
  readonly receivedAt: number;
  readonly dueAt: number;
  readonly papers: readonly { key: string; name: string; originals: number; copies: number; source: string; digitized: boolean }[];
  readonly steps: readonly PlannedStep[];
  readonly outcome: Outcome;
  readonly late: boolean;
}

const MIN = 60_000;

/** Streams the plans of a scenario in order of receipt. */
export function* planScenario(spec: ScenarioSpec, world: SimWorld, calendar: WorkCalendar, rng: Rng): Generator<DossierPlan> {
  const n = spec.dossiers;
  const end = vnMidnightOf(spec.to) + DAY_MS - 1000; // 23:59:59 in Vietnam
  const quotas = {
    online: new Quota(spec.onlineShare, rng.fork(1), n),
    postal: new Quota(spec.postalShare / (1 - spec.onlineShare), rng.fork(2), n),
    centre: new Quota(spec.centreShare, rng.fork(3), n),
    rejected: new Quota(spec.rejectedShare, rng.fork(4), n),
    withdrawn: new Quota(spec.withdrawnShare, rng.fork(5), n),
    stopped: new Quota(spec.stoppedShare, rng.fork(6), n),
    late: new Quota(spec.lateShareOfResolved, rng.fork(7), n),
    supplement: new Quota(spec.supplementShare, rng.fork(8), n),
  };
  const window = Math.min(n, Math.ceil(spec.openAtEnd * 1.25));
  const open = new Quota(window === 0 ? 0 : spec.openAtEnd / window, rng.fork(9), window, Math.max(1, window));
  // its own stream, taken without a draw from `rng`: the ratings move no other figure
  const ratingRng = rng.branch(10);
  const weights = procedureWeights(world.procedures);
  const districtWeights = world.districts.map((d) => d.weight);
  const applicants: SimApplicant[] = [];
  const day = calendar.dailyWorkingMs;
  const wt = (at: number) => calendar.workingTimeAt(at);
  const atWt = (w: number) => calendar.instantAtWorkingTime(w);
  let index = 0;
  for (const { day: date, count } of arrivalsPerDay(spec.from, spec.to, n, calendar)) {
    const times = Array.from({ length: count }, () => arrivalTime(rng, date)).sort((a, b) => a - b);
    for (const receivedAt of times) {
      const online = quotas.online.next();
      const postal = !online && quotas.postal.next();
      const channel = online ? 'online' : postal ? 'postal' : 'counter';
      const atCentre = quotas.centre.next();
      const eligible = world.procedures.map((p, i) => {
        if (channel === 'online' && p.onlineLevel === 'none') return 0;
        if (channel === 'postal' && !p.postalAllowed) return 0;
        const w = weights[i] ?? 0;
        return atCentre ? w * (p.provincial ? 4 : 0.5) : w * (p.provincial ? 0.4 : 1);
      });
      const procedure = world.procedures[rng.weighted(eligible)];
      if (!procedure) throw new Error('no procedure');
      const districtIndex = rng.weighted(districtWeights);
      const district = world.districts[districtIndex];
      const competent = procedure.competentByDistrict[districtIndex];
      if (!district || !competent) throw new Error('no district');
      const receiving = atCentre ? world.centre : district.agency;
      const servicePointId = channel === 'online' || atCentre ? null : district.servicePointId;
      let applicant: SimApplicant;
      if (applicants.length > 0 && rng.chance(spec.returningApplicantShare)) applicant = rng.pick(applicants);
      else {
        applicant = simApplicant(rng);
        if (applicants.length < 200_000) applicants.push(applicant);
      }
      const papers = procedure.papers.map((p) => {
        const source = channel === 'online' ? 'uploaded' : rng.chance(0.08) ? 'reused' : rng.chance(0.85) ? 'scanned' : 'paper';
        return { ...p, source, digitized: source !== 'paper' };
      });
      const rules = procedure.cutoff === null ? undefined : { cutoff: procedure.cutoff };
      const dueAt = computeDueAt(receivedAt, procedure.duration, calendar, rules);
      const intakeAt = channel === 'online' ? receivedAt - Math.round(rng.between(20, 60 * 30)) * MIN : receivedAt;

      const inWindow = index >= n - window;
      let outcome: Outcome = inWindow && open.next() ? 'open' : 'resolved';
      if (outcome === 'resolved') {
        if (quotas.rejected.next()) outcome = 'rejected';
        else if (quotas.withdrawn.next()) outcome = 'withdrawn';
        else if (quotas.stopped.next()) outcome = 'stopped';
      }
      const steps: PlannedStep[] = [];
      let t = receivedAt;
      if (channel === 'online') {
        steps.push({ action: 'receive', at: receivedAt, payload: { receivedAt: new Date(receivedAt).toISOString(), dueAt: new Date(dueAt).toISOString(), calendarVersion: 'simulated' } });
      }
      // hand-over (dossiers/handover.ts): online dossiers electronically at once, the others on paper by the clerk
      t = channel === 'online' ? receivedAt : receivedAt + Math.round(rng.between(5, 90)) * MIN;
      steps.push({ action: 'forward', at: t, payload: { toAgencyId: competent.id, unitPath: competent.unitPath, handover: channel === 'online' ? 'electronic' : 'paper', automatic: channel === 'online' } });
      let clockStart = receivedAt;
      let due = dueAt;
      const supplement = outcome !== 'open' && quotas.supplement.next();
      if (supplement) {
        const req = Math.max(t + MIN, atWt(wt(receivedAt) + rng.between(0.2, 2.5) * day));
        const done = req + Math.round(rng.between(1, 6) * 86_400_000);
        if (done < end - 20 * 86_400_000) {
          const newDue = restartAfterSupplement(done, procedure.duration, calendar, rules);
          steps.push({ action: 'requestSupplement', at: req, payload: { reason: 'Hồ sơ thiếu thành phần theo quy định', items: ['Bản sao giấy tờ tùy thân'] } });
          steps.push({ action: 'supplementReceived', at: done, payload: { receivedPapers: ['Bản sao giấy tờ tùy thân'], newDueAt: new Date(newDue).toISOString(), previousDueAt: new Date(due).toISOString(), calendarVersion: 'simulated' } });
          clockStart = done;
          due = newDue;
          t = done;
        }
      }
      let late = false;
      if (outcome !== 'open') {
        late = outcome === 'resolved' && quotas.late.next();
        let finish = late
          ? atWt(wt(due) + rng.between(0.1, 3) * day)
          : atWt(wt(clockStart) + rng.between(0.15, 0.97) * (wt(due) - wt(clockStart)));
        if (finish <= t) finish = t + MIN;
        if (finish > end) finish = Math.max(t + MIN, end - Math.round(rng.between(1, 600)) * MIN);
        if (late && rng.chance(spec.apologyShareOfLate)) {
          const apologyAt = atWt(wt(due) - rng.between(1.1, 2) * day);
          const newDue = atWt(wt(finish) + rng.between(0.1, 1) * day);
          if (apologyAt > t && apologyAt < finish && isTimelyApology(applyApology(newDossierDeadline(due), newDue, apologyAt, calendar))) {
            steps.push({ action: 'apologize', at: apologyAt, payload: { reason: 'Hồ sơ cần xác minh thêm', newDueAt: new Date(newDue).toISOString(), originalDueAt: new Date(due).toISOString() } });
          }
        }
        const before = Math.max(t + 1, finish - 30 * MIN);
        switch (outcome) {
          case 'resolved': {
            steps.push({ action: 'approve', at: before, payload: {} });
            steps.push({ action: 'markResultReady', at: finish, payload: {} });
            const returnAt = atWt(wt(finish) + rng.between(0.05, 3) * day);
            if (returnAt < end) {
              const via = channel === 'online' ? 'online' : channel === 'postal' ? 'post' : 'counter';
              steps.push({ action: 'return', at: returnAt, payload: { channel: via, signature: via === 'online' ? undefined : { name: applicant.name, signedAt: new Date(returnAt).toISOString() } } });
              const rating = planRating(ratingRng, channel, 'resolved', late, returnAt, end);
              if (rating) steps.push(rating);
            }
            break;
          }
          case 'rejected': {
            steps.push({ action: 'reject', at: finish, payload: { reason: 'Hồ sơ không đủ điều kiện giải quyết' } });
            const rating = planRating(ratingRng, channel, 'rejected', false, finish, end);
            if (rating) steps.push(rating);
            break;
          }
          case 'withdrawn':
            steps.push({ action: 'withdraw', at: finish, payload: { reason: 'Công dân xin rút hồ sơ' } });
            break;
          case 'stopped':
            steps.push({ action: 'stop', at: finish, payload: { reason: 'Dừng giải quyết theo đề nghị' } });
            break;
        }
      }
      steps.sort((a, b) => a.at - b.at);
      yield { index, channel, procedure, receiving, competent, servicePointId, applicant, intakeAt, receivedAt, dueAt, papers, steps, outcome, late };
      index++;
    }
  }
}
