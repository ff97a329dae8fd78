import { describe, expect, it } from 'vitest';
import { OFFICIAL_SCHEDULES, WorkCalendar } from '../calendar';
import {
  cappedScore, countIndicators, indicatorsFromCounts, publicationIndicator, syncIndicator, syncRateOf, judgeTimeliness, percent, staffAttitudeScore, tt01AgencyRating, tt01Scores, tt01StaffAttitude,
  type IndicatorCounts, type IndicatorDossier, type IndicatorProcedure, type IndicatorRating, type IndicatorValue,
} from './indicators';
import { rollupDeltas, RollupAccumulator, type RollupDossier } from './rollup';

const at = (s: string) => Date.parse(`2025-${s}:00+07:00`);
const calendar = new WorkCalendar({ fromYear: 2024, toYear: 2026, schedules: OFFICIAL_SCHEDULES });
const period = { from: at('03-01T00:00'), to: at('04-01T00:00') };

const base: IndicatorDossier = {
  procedureCode: 'P2', channel: 'counter', receivedAt: null, dueAt: null, finishedAt: null, end: null, supplements: [],
  digitized: false, reused: false, linkedToStore: false, electronicResult: false, paidOnline: false, complained: false, rating: null,
};
const d = (o: Partial<IndicatorDossier>): IndicatorDossier => ({ ...base, ...o });

// A small hand-built month (March 2025 has no holiday). Expected values are worked out by hand
// in the comments; each letter is one dossier.
const dossiers: Record<string, IndicatorDossier> = {
  // early: finished two days before the due day; digitized, reused, linked to the store, e-result, paid online
  A: d({ procedureCode: 'P1', receivedAt: at('03-03T08:00'), dueAt: at('03-07T17:00'), finishedAt: at('03-05T10:00'), end: 'resolved', digitized: true, reused: true, linkedToStore: true, electronicResult: true, paidOnline: true }),
  // late: finished after the due time; a complaint
  B: d({ procedureCode: 'P1', receivedAt: at('03-03T09:00'), dueAt: at('03-04T17:00'), finishedAt: at('03-06T09:00'), end: 'resolved', digitized: true, complained: true }),
  // online, still open at the end of the period and past its due time: late
  C: d({ procedureCode: 'P3', channel: 'online', receivedAt: at('03-10T08:00'), dueAt: at('03-14T17:00'), digitized: true, paidOnline: true }),
  // postal, open, due after the period: on time; a complaint
  D: d({ channel: 'postal', receivedAt: at('03-20T08:00'), dueAt: at('04-10T17:00'), complained: true }),
  // one pending supplement request: the count stops at the request, before the due time → on time
  E: d({ receivedAt: at('03-12T08:00'), dueAt: at('03-14T17:00'), supplements: [{ requestedAt: at('03-13T08:00'), completedAt: null }], digitized: true, reused: true }),
  // two supplement requests: late whatever the times
  F: d({ procedureCode: 'P4', receivedAt: at('03-12T08:00'), dueAt: at('03-28T17:00'), finishedAt: at('03-14T08:00'), end: 'resolved',
    supplements: [{ requestedAt: at('03-12T09:00'), completedAt: at('03-12T10:00') }, { requestedAt: at('03-13T09:00'), completedAt: at('03-13T10:00') }], digitized: true }),
  // refused at intake: in no count
  G: d({ procedureCode: 'P3', channel: 'online', end: 'refused', finishedAt: at('03-05T08:00') }),
  // finished before the period: out of the base
  H: d({ receivedAt: at('02-20T08:00'), dueAt: at('02-27T17:00'), finishedAt: at('02-25T08:00'), end: 'resolved' }),
  // received in February, finished in March on time: in the 2.1 base, not "received in the period"
  I: d({ receivedAt: at('02-25T08:00'), dueAt: at('03-04T17:00'), finishedAt: at('03-03T10:00'), end: 'resolved' }),
  // no due time: Mon 07:00 → Wed 17:00 = 3 working days, minus the 1-day supplement wait = 2 ≤ 2 → on time
  J: d({ receivedAt: at('03-17T07:00'), finishedAt: at('03-19T17:00'), end: 'resolved', legalDuration: { value: 2, unit: 'working_days' },
    supplements: [{ requestedAt: at('03-18T07:00'), completedAt: at('03-19T07:00') }] }),
};

const procedures: IndicatorProcedure[] = [
  { code: 'P1', onlineLevel: 'partial', resultIsPaper: true, feeBearing: true, onlinePayment: true },
  { code: 'P2', onlineLevel: 'none', resultIsPaper: false, feeBearing: false, onlinePayment: false },
  { code: 'P3', onlineLevel: 'full', resultIsPaper: false, feeBearing: true, onlinePayment: false },
  { code: 'P4', onlineLevel: 'partial', resultIsPaper: false, feeBearing: false, onlinePayment: false },
];

const values = indicatorsFromCounts(countIndicators(Object.values(dossiers), procedures, period, { calendar }));
const byCode = (code: string): IndicatorValue => {
  const v = values.find((x) => x.code === code);
  if (!v) throw new Error(code);
  return v;
};

describe('F766 2.1 on a hand-built month', () => {
  it.each([
    ['A', true, true], ['B', true, false], ['C', true, false], ['D', true, true], ['E', true, true],
    ['F', true, false], ['G', false, false], ['H', false, false], ['I', true, true], ['J', true, true],
  ] as const)('dossier %s: in base %s, on time %s', (key, inBase, onTime) => {
    const dossier = dossiers[key];
    if (!dossier) throw new Error(key);
    const r = judgeTimeliness(dossier, period, calendar);
    expect(r.inBase).toBe(inBase);
    if (inBase) expect(r.onTime).toBe(onTime);
  });

  it('J without the supplement subtracted would be late (3 working days > 2)', () => {
    const r = judgeTimeliness({ ...dossiers.J ?? base, supplements: [] }, period, calendar);
    expect(r).toEqual({ inBase: true, onTime: false });
  });
});

describe('indicator values, numerators, denominators and scores', () => {
  it.each([
    // code, numerator, denominator, value, score
    ['2.1', 5, 8, 62.5, 12.5], // A D E I J of A B C D E F I J; score = 62.5% × 20
    ['3.1', 3, 4, 75, 3.75], // P1 P3 P4 of 4; 75/80 × 4
    ['3.2', 1, 3, 33.33, 1.67], // only P3 received an online dossier; 33.33/80 × 4
    ['3.3', 1, 7, 14.29, 1.14], // C of A B C D E F J; 14.29/50 × 4
    ['3.5', 1, 2, 50, 3.13], // P1 of P1 P3; 50/80 × 5 = 3.125
    ['3.6', 2, 3, 66.67, 3.33], // A C of A B C (fee-bearing); 66.67% × 5
    ['4.1', 1, 2, 50, 2.5], // A of A B (resolved, paper result); 50% × 5
    ['4.2', 4, 7, 57.14, 4.29], // A C E F (B lacks its electronic result); 57.14/80 × 6
    ['4.3', 2, 7, 28.57, 2.14], // A E; 28.57/80 × 6
    ['4.4', 1, 4, 25, 1.25], // A of the 4 digitized; 25% × 5
    ['5.4', 3, 8, 37.5, 7.5], // 100 − (3/8 late + 2/8 complained) = 37.5; 37.5/90 × 18
  ] as const)('%s = %s / %s = %s%%, score %s', (code, numerator, denominator, value, score) => {
    const v = byCode(code);
    expect(v.numerator).toBe(numerator);
    expect(v.denominator).toBe(denominator);
    expect(v.value).toBe(value);
    expect(v.score).toBeCloseTo(score, 2);
    expect(v.rule.length).toBeGreaterThan(20);
  });

  it('2.2 averages net working days of resolved dossiers received in the period', () => {
    // A: Mon 08:00 → Wed 10:00 = 7 + 8 + 3 h = 2.25 d; B: Mon 09:00 → Thu 09:00 = 6 + 8 + 8 + 2 h = 3 d;
    // F: Wed 08:00 → Fri 08:00 = 16 h − 2 × 1 h supplement waits = 14 h = 1.75 d;
    // J: 24 h − 8 h supplement = 2 d. (2.25 + 3 + 1.75 + 2) / 4 = 2.25
    const v = byCode('2.2');
    expect(v.denominator).toBe(4);
    expect(v.value).toBe(2.25);
    expect(v.score).toBeNull();
  });

  it('an empty scope gives N/A, never a division by zero', () => {
    const empty = indicatorsFromCounts(countIndicators([], [], period));
    for (const v of empty) {
      expect(v.value).toBeNull();
      expect(v.score).toBeNull();
    }
  });
});

describe('scoring rules', () => {
  it.each([
    [85, 80, 4, 4], [80, 80, 4, 4], [40, 80, 4, 2], [25, 50, 4, 2], [95, 90, 18, 18], [45, 90, 18, 9],
  ])('rate %s%% with threshold %s%% and max %s scores %s', (rate, threshold, max, score) => {
    expect(cappedScore(rate, threshold, max)).toBe(score);
  });
  it('rounds percentages to 2 decimals', () => {
    expect(percent(1, 3)).toBe(33.33);
    expect(percent(2, 3)).toBe(66.67);
    expect(percent(0, 0)).toBeNull();
  });
});

describe('TT 01/2018 per-dossier scoring', () => {
  it('index 1 and index 3 are means of the dossier scores, one decimal', () => {
    // resolved with a due time: A early (2; no supplement 2), B late (0; 2), F early (2; two supplements 0),
    // H early (2; 2), I early (2; 2) → time 8/5 = 1.6; contacts 8/5 = 1.6
    expect(tt01Scores(Object.values(dossiers))).toEqual({ totalTime: 1.6, contacts: 1.6, dossiers: 5 });
  });
  it.each([[16, 'Xuất sắc'], [12, 'Tốt'], [11.9, 'Khá'], [6, 'Trung bình'], [5.9, 'Yếu']] as const)('an agency with %s points is rated %s', (total, rating) => {
    expect(tt01AgencyRating(total)).toBe(rating);
  });
});

// Ten dossiers of procedure P2 received and resolved in March 2025; one late; seven rated.
const rated = (stars: number, dislike: IndicatorRating['dislike'] = []): IndicatorRating => ({ stars, dislike });
const onTime = (day: string, o: Partial<IndicatorDossier> = {}) =>
  d({ receivedAt: at(`03-${day}T08:00`), dueAt: at(`03-${day}T17:00`), finishedAt: at(`03-${day}T16:00`), end: 'resolved', ...o });
const satisfaction: Record<string, IndicatorDossier> = {
  R1: onTime('03', { rating: rated(5) }), // attitude 2
  R2: onTime('04', { rating: rated(4, ['time']) }), // 2: satisfied, a wish about time
  R3: onTime('05', { rating: rated(3, ['guidance']) }), // 1
  R4: onTime('06', { rating: rated(2, ['time']) }), // dislike; attitude not faulted: 1
  R5: onTime('07', { rating: rated(1, ['attitude', 'guidance']), complained: true }), // dislike and a PAKN: counted once; 0
  R6: onTime('10', { rating: rated(4, ['attitude']) }), // not a dislike, but the attitude is named: 0
  R7: onTime('11', { finishedAt: at('03-12T09:00') }), // late, not rated
  R8: onTime('12', { rating: rated(5) }), // 2
  R9: onTime('13'),
  R10: onTime('14'),
};

describe('satisfaction (F766 5.4) and staff attitude (TT 01/2018 index 7) from the applicants’ ratings', () => {
  const v = indicatorsFromCounts(countIndicators(Object.values(satisfaction), procedures, period, { calendar }));
  const of = (code: string) => v.find((x) => x.code === code);

  it('5.4 = 100 − (1/10 late + 2/10 with a PAKN or a 1–2 star rating) = 70.00%, scored 70/90 × 18', () => {
    expect(of('2.1')).toMatchObject({ numerator: 9, denominator: 10, value: 90 });
    expect(of('5.4')).toMatchObject({ numerator: 7, denominator: 10, value: 70, score: 14, maxScore: 18 });
  });

  it('a 3-star rating or a named reason alone is not a dislike', () => {
    const c = countIndicators([satisfaction.R3, satisfaction.R6, satisfaction.R2].flatMap((x) => (x ? [x] : [])), procedures, period);
    expect(c.complainedDossiers).toBe(0);
  });

  it('index 7 is the mean over rated dossiers only: (2 + 2 + 1 + 1 + 0 + 0 + 2) / 7 = 1.14 → 1.1', () => {
    expect(tt01StaffAttitude(Object.values(satisfaction))).toEqual({ score: 1.1, dossiers: 7 });
    expect(tt01StaffAttitude(Object.values(dossiers))).toEqual({ score: null, dossiers: 0 }); // nobody rated
  });

  it.each([
    // stars, reasons, score
    [5, [], 2], [4, ['time'], 2], [4, ['attitude'], 0], [3, [], 1], [3, ['guidance'], 1],
    [2, [], 0], [2, ['time'], 1], [2, ['procedure', 'attitude'], 0], [1, [], 0], [1, ['guidance'], 1],
  ] as const)('a rating of %s stars with reasons %j scores %s for staff attitude', (stars, dislike, score) => {
    expect(staffAttitudeScore({ stars, dislike })).toBe(score);
  });

  it('the roll-up of the `rate` events gives the dislikes the database path feeds to 5.4', () => {
    const row: RollupDossier = {
      province_code: '87', unit_path: '/87/', competent_agency_id: 1, receiving_agency_id: 1, procedure_id: 1, channel: 'counter', online_level: null,
      received_at: new Date(at('03-03T08:00')), due_at: new Date(at('03-10T17:00')), original_due_at: null, finished_at: new Date(at('03-05T08:00')),
      supplement_requested_at: null, supplement_completed_at: null,
    };
    const acc = new RollupAccumulator();
    const flags = { digitized: false, reused: false, storeLinked: false };
    for (const stars of [5, 4, 3, 2, 1]) acc.add(rollupDeltas({ action: 'rate', at: new Date(at('03-06T09:00')), payload: { stars, dislike: [], via: 'counter' } }, row, flags));
    // an event without whole stars (not written by the service) counts nothing
    acc.add(rollupDeltas({ action: 'rate', at: new Date(at('03-06T09:00')), payload: { stars: 9 } }, row, flags));
    const [only] = [...acc.rows.values()];
    expect(only?.counts).toMatchObject({ ratings: 5, rating_sum: 15, dislikes: 2 });
    const counts: IndicatorCounts = {
      ...countIndicators([], [], period), timelinessBase: 10, timelinessOnTime: 9, timelinessLate: 1, complainedDossiers: only?.counts.dislikes ?? 0,
    };
    expect(indicatorsFromCounts(counts).find((x) => x.code === '5.4')?.value).toBe(70);
  });

  it('1.3 from the catalogue: 25 complete of 31 in force is 80.65%, shown and not scored, naming the parts not checked', () => {
    const i = publicationIndicator(25, 31, ['trình tự thực hiện', 'cách thức thực hiện', 'đối tượng thực hiện']);
    expect(i).toMatchObject({ code: '1.3', value: 80.65, numerator: 25, denominator: 31, score: null, maxScore: null });
    expect(i.rule).toContain('đối tượng thực hiện');
    expect(publicationIndicator(0, 0, []).value).toBeNull();
  });

  it('1.4: 1,187 of 1,250 received dossiers synced is 94.96%, shown and not scored; without sync records N/A', () => {
    expect(syncIndicator(1187, 1250)).toMatchObject({ code: '1.4', value: 94.96, numerator: 1187, denominator: 1250, score: null, maxScore: null });
    expect(syncIndicator(null, 1250)).toMatchObject({ code: '1.4', value: null, numerator: 0, denominator: 1250 });
    // more synced than the roll-up counts (moved out of scope): capped at 100%
    expect(syncIndicator(12, 10).value).toBe(100);
  });

  it('3.3 is scaled by the sync rate: 600 online of 2,000 received with 90% synced is 27%', () => {
    const base = countIndicators([], [], period);
    const counts: IndicatorCounts = { ...base, received: 2000, receivedOnline: 600, syncRate: syncRateOf(1800, 2000) };
    expect(indicatorsFromCounts(counts).find((x) => x.code === '3.3')).toMatchObject({ value: 27, numerator: 540, denominator: 2000 });
    expect(syncRateOf(null, 2000)).toBe(1);
    expect(syncRateOf(5, 0)).toBe(1);
  });
});
