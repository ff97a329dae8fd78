// The Decision 766/QĐ-TTg indicators the data supports (DOMAIN §6.2, formulas "F766" [S]) and the
// per-dossier scoring of TT 01/2018 (§6.4). Pure: dossiers, procedures and the period come in as
// values; time is an argument. Two layers, so that the database path reuses the formulas:
//   countIndicators(dossiers, procedures, period)  → IndicatorCounts   (hand-built data, tests)
//   indicatorsFromCounts(counts, maxScores)        → IndicatorValue[]  (also fed from roll-ups)
import { elapsedWorkingTime, indicatorElapsed, type EpochMs, type WorkCalendar, type WorkingDuration } from '../calendar';
import { isDislike, type DislikeReason } from '../dossiers/lifecycle';
import { vnDayNumberOfInstant } from '../shared/civil-date';

export type IndicatorCode = '1.3' | '1.4' | '2.1' | '2.2' | '3.1' | '3.2' | '3.3' | '3.5' | '3.6' | '4.1' | '4.2' | '4.3' | '4.4' | '5.4';

export interface IndicatorValue {
  readonly code: IndicatorCode;
  /** Vietnamese name of the indicator */
  readonly name: string;
  /** percentage rounded to 2 decimals (F766), or working days for 2.2; null when the denominator is 0 */
  readonly value: number | null;
  readonly unit: '%' | 'ngày làm việc';
  readonly numerator: number;
  readonly denominator: number;
  /** Vietnamese: what was counted and how it was scored */
  readonly rule: string;
  readonly score: number | null;
  readonly maxScore: number | null;
}

/** What a dossier must tell the indicators (DOMAIN §6.3). Instants are epoch ms. */
export interface IndicatorDossier {
  readonly procedureCode: string;
  readonly channel: 'counter' | 'online' | 'postal';
  /** NgayTiepNhan; null for online dossiers never accepted */
  readonly receivedAt: EpochMs | null;
  /** NgayHenTra as first fixed (an apology does not excuse lateness); null if none */
  readonly dueAt: EpochMs | null;
  /** F766 end time (first of result ready > returned > stopped/rejected > withdrawn); null while open */
  readonly finishedAt: EpochMs | null;
  readonly end: 'resolved' | 'rejected' | 'withdrawn' | 'stopped' | 'refused' | null;
  readonly supplements: readonly { readonly requestedAt: EpochMs; readonly completedAt: EpochMs | null }[];
  /** the procedure's legal time, for dossiers without a due time (F766 2.1 fallback) */
  readonly legalDuration?: WorkingDuration;
  /** a component scanned/uploaded at intake (DuocSoHoa) */
  readonly digitized: boolean;
  /** a component reused from earlier digitized data */
  readonly reused: boolean;
  /** a component taken from, or the result pushed to, the citizen's store on the national portal */
  readonly linkedToStore: boolean;
  /** an electronic result was issued (result code + file link) */
  readonly electronicResult: boolean;
  /** paid online (DuocThanhToanTrucTuyen ∈ {1, 2}) */
  readonly paidOnline: boolean;
  /** a PAKN (phản ánh, kiến nghị) about this dossier; a "dislike" rating is read from `rating` */
  readonly complained: boolean;
  /** the applicant's satisfaction rating (the `rate` action), if they gave one */
  readonly rating: IndicatorRating | null;
}

export interface IndicatorRating {
  /** 1–5; ≤ 2 is a "dislike" (`isDislike`, dossiers/lifecycle.ts) */
  readonly stars: number;
  /** what the applicant said was wrong */
  readonly dislike: readonly DislikeReason[];
}

/** F766 5.4 counts a dossier with a PAKN or a "dislike" rating once. */
export const isComplainedOrDisliked = (d: Pick<IndicatorDossier, 'complained' | 'rating'>): boolean =>
  d.complained || (d.rating !== null && isDislike(d.rating.stars));

export interface IndicatorProcedure {
  readonly code: string;
  readonly onlineLevel: 'none' | 'partial' | 'full';
  /** the result is a paper document (indicators 3.3, 4.1, 4.2 need an electronic copy) */
  readonly resultIsPaper: boolean;
  /** has a fee item with a non-zero amount */
  readonly feeBearing: boolean;
  /** integrated for online payment on the national portal */
  readonly onlinePayment: boolean;
}

export interface Period {
  /** inclusive */
  readonly from: EpochMs;
  /** exclusive */
  readonly to: EpochMs;
}

/** The numbers every formula needs; the database path fills them from roll-ups and SQL. */
export interface IndicatorCounts {
  /** 2.1: dossiers received or processed in the period, and those done or open within their time */
  readonly timelinessBase: number;
  readonly timelinessOnTime: number;
  /** 2.1 late ones among the base (also 5.4) */
  readonly timelinessLate: number;
  /** 2.2: resolved dossiers received in the period, and their net working days */
  readonly resolvedCount: number;
  readonly resolvedWorkingDays: number;
  /** 3.1 / 3.2 */
  readonly procedures: number;
  readonly onlineProcedures: number;
  readonly onlineProceduresWithDossiers: number;
  /** 3.3: dossiers received in the period by channel; online counted per the F766 rule */
  readonly received: number;
  readonly receivedOnline: number;
  readonly receivedPostal: number;
  /** national sync rate (1 = all synced) multiplied into 3.3 */
  readonly syncRate: number;
  /** 3.5 */
  readonly feeProcedures: number;
  readonly feeProceduresOnlinePayment: number;
  /** 3.6 */
  readonly feeDossiers: number;
  readonly paidOnlineDossiers: number;
  /** 4.1: resolved dossiers of paper-result procedures, and those with an electronic result */
  readonly paperResultDossiers: number;
  readonly electronicResults: number;
  /** 4.2 / 4.3 / 4.4 */
  readonly digitizedDossiers: number;
  readonly reusedDossiers: number;
  readonly storeLinkedDossiers: number;
  /** 5.4: dossiers of the 2.1 base with a PAKN or a "dislike" (1–2 star) rating */
  readonly complainedDossiers: number;
}

/**
 * Maximum points of each indicator. DOMAIN §6.1 gives only group totals [S] (timeliness 20,
 * satisfaction 18, digitization 22, online services + payment 22 probably 12 + 10 [U]); the
 * split inside a group is an assumption and configuration, never law.
 */
export type MaxScores = Readonly<Record<IndicatorCode, number | null>>;
export const DEFAULT_MAX_SCORES: MaxScores = {
  // group 1 has 18 points [S] but no known split among 1.1–1.4: 1.3 is shown, not scored
  '1.3': null, '1.4': null,
  '2.1': 20, '2.2': null, '3.1': 4, '3.2': 4, '3.3': 4, '3.5': 5, '3.6': 5, '4.1': 5, '4.2': 6, '4.3': 6, '4.4': 5, '5.4': 18,
};

export const round2 = (x: number): number => Math.round((x + Number.EPSILON) * 100) / 100;
/** F766: percentages rounded to 2 decimals; a zero denominator gives N/A (null). */
export const percent = (numerator: number, denominator: number): number | null =>
  denominator === 0 ? null : round2((numerator * 100) / denominator);

/** "≥ threshold earns the maximum; below that, score = rate × max / threshold". */
export function cappedScore(rate: number | null, thresholdPercent: number, max: number | null): number | null {
  if (rate === null || max === null) return null;
  return round2(Math.min(1, rate / thresholdPercent) * max);
}

const MINUTES_PER_WORKING_DAY = 8 * 60;

/** F766 2.1 for one dossier: in the base of the period, and on time. */
export function judgeTimeliness(
  d: IndicatorDossier,
  period: Period,
  calendar?: WorkCalendar,
): { inBase: boolean; onTime: boolean } {
  // accepted dossiers only; refused-at-intake never entered processing
  if (d.receivedAt === null || d.end === 'refused') return { inBase: false, onTime: false };
  const processedInPeriod = d.receivedAt < period.to && (d.finishedAt === null || d.finishedAt >= period.from);
  if (!processedInPeriod) return { inBase: false, onTime: false };
  // more than one supplement request means late
  if (d.supplements.length > 1) return { inBase: true, onTime: false };
  // open dossiers are judged at the end of the period
  const finished = d.finishedAt !== null && d.finishedAt < period.to;
  let end = finished && d.finishedAt !== null ? d.finishedAt : period.to - 1;
  // a single pending supplement request ends the count at the request time
  const pending = d.supplements.find((s) => s.completedAt === null || s.completedAt >= period.to);
  if (pending && pending.requestedAt < end) end = pending.requestedAt;
  if (d.dueAt !== null) return { inBase: true, onTime: end <= d.dueAt };
  // no NgayHenTra: net working time (supplement time subtracted) against the legal time
  if (!calendar || !d.legalDuration) return { inBase: false, onTime: false };
  const supplements = d.supplements.map((s) => ({ requestedAt: s.requestedAt, completedAt: s.completedAt !== null && s.completedAt < period.to ? s.completedAt : null }));
  const r = indicatorElapsed(d.receivedAt, end, supplements, calendar, d.legalDuration);
  return { inBase: true, onTime: r.late === false };
}

/** Net working days from receipt to the end, supplement waits subtracted (2.2). */
export function netWorkingDays(d: IndicatorDossier, calendar: WorkCalendar): number {
  if (d.receivedAt === null || d.finishedAt === null) return 0;
  let minutes = elapsedWorkingTime(d.receivedAt, d.finishedAt, calendar);
  for (const s of d.supplements) {
    if (s.completedAt === null) continue;
    const from = Math.max(s.requestedAt, d.receivedAt);
    const to = Math.min(s.completedAt, d.finishedAt);
    if (to > from) minutes -= elapsedWorkingTime(from, to, calendar);
  }
  return minutes / MINUTES_PER_WORKING_DAY;
}

/** 3.3: an online dossier counts only with an electronic result when the result is paper. */
export const countsAsOnline = (d: IndicatorDossier, p: IndicatorProcedure | undefined): boolean =>
  d.channel === 'online' && (!(p?.resultIsPaper ?? false) || d.electronicResult || d.finishedAt === null);

export function countIndicators(
  dossiers: readonly IndicatorDossier[],
  procedures: readonly IndicatorProcedure[],
  period: Period,
  options: { calendar?: WorkCalendar; syncRate?: number } = {},
): IndicatorCounts {
  const byCode = new Map(procedures.map((p) => [p.code, p]));
  const receivedIn = (d: IndicatorDossier) => d.receivedAt !== null && d.receivedAt >= period.from && d.receivedAt < period.to;
  let timelinessBase = 0, timelinessOnTime = 0, resolvedCount = 0, resolvedWorkingDays = 0;
  let received = 0, receivedOnline = 0, receivedPostal = 0, feeDossiers = 0, paidOnlineDossiers = 0;
  let paperResultDossiers = 0, electronicResults = 0, digitizedDossiers = 0, reusedDossiers = 0, storeLinkedDossiers = 0, complainedDossiers = 0;
  const proceduresWithOnline = new Set<string>();
  for (const d of dossiers) {
    const p = byCode.get(d.procedureCode);
    const t = judgeTimeliness(d, period, options.calendar);
    if (t.inBase) {
      timelinessBase++;
      if (t.onTime) timelinessOnTime++;
      if (isComplainedOrDisliked(d)) complainedDossiers++;
    }
    if (!receivedIn(d) || d.end === 'refused') continue;
    received++;
    if (d.channel === 'online') proceduresWithOnline.add(d.procedureCode);
    if (countsAsOnline(d, p)) receivedOnline++;
    if (d.channel === 'postal') receivedPostal++;
    if (p?.feeBearing) {
      feeDossiers++;
      if (d.paidOnline) paidOnlineDossiers++;
    }
    const resolved = d.end === 'resolved' && d.finishedAt !== null && d.finishedAt < period.to;
    if (resolved) {
      resolvedCount++;
      if (options.calendar) resolvedWorkingDays += netWorkingDays(d, options.calendar);
      if (p?.resultIsPaper) {
        paperResultDossiers++;
        if (d.electronicResult) electronicResults++;
      }
    }
    // 4.2: attachments at intake and, where the result is paper, an electronic result once resolved
    const needsElectronic = resolved && (p?.resultIsPaper ?? false);
    if (d.digitized && (!needsElectronic || d.electronicResult)) digitizedDossiers++;
    if (d.reused) reusedDossiers++;
    if (d.digitized && d.linkedToStore) storeLinkedDossiers++;
  }
  const online = procedures.filter((p) => p.onlineLevel !== 'none');
  const fee = procedures.filter((p) => p.feeBearing);
  return {
    timelinessBase, timelinessOnTime, timelinessLate: timelinessBase - timelinessOnTime,
    resolvedCount, resolvedWorkingDays,
    procedures: procedures.length, onlineProcedures: online.length,
    onlineProceduresWithDossiers: online.filter((p) => proceduresWithOnline.has(p.code)).length,
    received, receivedOnline, receivedPostal, syncRate: options.syncRate ?? 1,
    feeProcedures: fee.length, feeProceduresOnlinePayment: fee.filter((p) => p.onlinePayment).length,
    feeDossiers, paidOnlineDossiers, paperResultDossiers, electronicResults,
    digitizedDossiers, reusedDossiers, storeLinkedDossiers, complainedDossiers,
  };
}

function ratio(code: IndicatorCode, name: string, numerator: number, denominator: number, rule: string, threshold: number | null, max: MaxScores): IndicatorValue {
  const value = percent(numerator, denominator);
  const maxScore = max[code];
  const score = threshold === null ? (value === null || maxScore === null ? null : round2((value / 100) * maxScore)) : cappedScore(value, threshold, maxScore);
  return { code, name, value, unit: '%', numerator, denominator, rule, score, maxScore };
}

/**
 * 1.3 from the catalogue (src/catalog/completeness.ts): procedures in force with every published
 * part the catalogue holds, out of all in force. `notHeld` names the parts it cannot check.
 */
export function publicationIndicator(complete: number, total: number, notHeld: readonly string[], max: MaxScores = DEFAULT_MAX_SCORES): IndicatorValue {
  return ratio('1.3', 'Tỷ lệ TTHC được công bố đầy đủ các bộ phận cấu thành', complete, total,
    `TTHC còn hiệu lực có đủ tên, thành phần và số lượng hồ sơ, thời hạn giải quyết, cơ quan thực hiện (nguồn công bố không để trống) / tổng số TTHC còn hiệu lực cuối kỳ. Danh mục chưa lưu: ${notHeld.join(', ')} — chưa kiểm tra được các bộ phận này. Chưa chấm điểm (nhóm 1 có 18 điểm, chưa rõ cách chia).`,
    null, max);
}

/**
 * 1.4 (F766): dossiers received in the period that reached the national portal / dossiers received
 * in the period (our own count stands for max(national reporting system, portal), which motcua
 * cannot read). `null` numerator: no sync record in the period (the sync was not running): N/A.
 * The rate is capped at 100% (a dossier counted by the sync but not by the roll-up, e.g. moved out of scope).
 */
export function syncIndicator(synced: number | null, received: number, max: MaxScores = DEFAULT_MAX_SCORES): IndicatorValue {
  const rule = 'Hồ sơ tiếp nhận trong kỳ đã được Cổng DVCQG nhận (bản ghi tiếp nhận đồng bộ thành công) / hồ sơ tiếp nhận trong kỳ. Chưa chấm điểm (nhóm 1 có 18 điểm, chưa rõ cách chia).';
  if (synced === null) {
    return { code: '1.4', name: 'Tỷ lệ hồ sơ được đồng bộ lên Cổng DVCQG', value: null, unit: '%', numerator: 0, denominator: received,
      rule: `${rule} Trong kỳ không có bản ghi đồng bộ nào (chưa vận hành đồng bộ): chưa có số liệu.`, score: null, maxScore: max['1.4'] };
  }
  return ratio('1.4', 'Tỷ lệ hồ sơ được đồng bộ lên Cổng DVCQG', Math.min(synced, received), received, rule, null, max);
}

/** The sync rate 3.3 is multiplied by: 1.4 as a fraction, or 1 without sync data. */
export const syncRateOf = (synced: number | null, received: number): number =>
  synced === null || received === 0 ? 1 : Math.min(1, synced / received);

export function indicatorsFromCounts(c: IndicatorCounts, max: MaxScores = DEFAULT_MAX_SCORES): IndicatorValue[] {
  const onlineSynced = Math.round(c.receivedOnline * c.syncRate);
  const lateOrComplained = c.timelinessLate + c.complainedDossiers;
  const satisfaction = c.timelinessBase === 0 ? null : round2(Math.max(0, 100 - (c.timelinessLate * 100) / c.timelinessBase - (c.complainedDossiers * 100) / c.timelinessBase));
  const avgDays = c.resolvedCount === 0 ? null : round2(c.resolvedWorkingDays / c.resolvedCount);
  return [
    ratio('2.1', 'Tỷ lệ hồ sơ giải quyết trước hạn, đúng hạn', c.timelinessOnTime, c.timelinessBase,
      'Hồ sơ đã giải quyết hoặc đang giải quyết trong hạn / hồ sơ tiếp nhận hoặc xử lý trong kỳ. Đúng hạn khi thời điểm kết thúc ≤ ngày hẹn trả (ngày hẹn ban đầu; xin lỗi hẹn lại không xóa trễ hạn). Thời điểm kết thúc: đã xử lý xong > đã trả kết quả > dừng/từ chối > rút. Hồ sơ chưa kết thúc tính tại cuối kỳ; hồ sơ đang chờ bổ sung tính đến lúc yêu cầu; yêu cầu bổ sung quá một lần là trễ hạn. Không có ngày hẹn: thời gian làm việc trừ thời gian bổ sung so với thời hạn luật định. Điểm = tỷ lệ × điểm tối đa.',
      null, max),
    {
      code: '2.2', name: 'Thời gian giải quyết trung bình', value: avgDays, unit: 'ngày làm việc',
      numerator: round2(c.resolvedWorkingDays), denominator: c.resolvedCount,
      rule: 'Tổng số ngày làm việc từ khi tiếp nhận đến khi có kết quả (trừ thời gian chờ bổ sung) / số hồ sơ đã giải quyết xong, tiếp nhận trong kỳ. Không chấm điểm.',
      score: null, maxScore: max['2.2'],
    },
    ratio('3.1', 'Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến', c.onlineProcedures, c.procedures,
      'TTHC có dịch vụ công trực tuyến (một phần hoặc toàn trình) / tổng số TTHC. Đạt ≥ 80% được điểm tối đa; dưới 80%: điểm = tỷ lệ × tối đa / 80%.', 80, max),
    ratio('3.2', 'Tỷ lệ dịch vụ công trực tuyến có phát sinh hồ sơ trực tuyến', c.onlineProceduresWithDossiers, c.onlineProcedures,
      'Dịch vụ công trực tuyến có ít nhất một hồ sơ trực tuyến trong kỳ / tổng số dịch vụ công trực tuyến. Đạt ≥ 80% được điểm tối đa.', 80, max),
    ratio('3.3', 'Tỷ lệ hồ sơ trực tuyến', onlineSynced, c.received,
      `Hồ sơ nộp trực tuyến (kênh 2; TTHC có kết quả giấy phải có kết quả điện tử) × tỷ lệ đồng bộ (${round2(c.syncRate * 100)}%) / hồ sơ tiếp nhận trong kỳ. Trực tiếp: ${percent(c.received - c.receivedOnline - c.receivedPostal, c.received) ?? 0}%, BCCI: ${percent(c.receivedPostal, c.received) ?? 0}%. Đạt ≥ 50% được điểm tối đa; dưới 50%: điểm tỷ lệ theo 50%.`, 50, max),
    ratio('3.5', 'Tỷ lệ TTHC có phí được tích hợp thanh toán trực tuyến', c.feeProceduresOnlinePayment, c.feeProcedures,
      'TTHC có thu phí, lệ phí được tích hợp thanh toán trực tuyến / TTHC có thu phí, lệ phí. Đạt ≥ 80% được điểm tối đa.', 80, max),
    ratio('3.6', 'Tỷ lệ hồ sơ thanh toán trực tuyến', c.paidOnlineDossiers, c.feeDossiers,
      'Hồ sơ đã thanh toán trực tuyến / hồ sơ của TTHC có thu phí (trừ TTHC có mức phí bằng 0), tiếp nhận trong kỳ. Điểm = tỷ lệ × điểm tối đa.', null, max),
    ratio('4.1', 'Tỷ lệ hồ sơ có kết quả điện tử', c.electronicResults, c.paperResultDossiers,
      'Hồ sơ đã giải quyết có kết quả điện tử / hồ sơ đã giải quyết của TTHC có kết quả là giấy tờ. Điểm = tỷ lệ × điểm tối đa.', null, max),
    ratio('4.2', 'Tỷ lệ số hóa hồ sơ', c.digitizedDossiers, c.received,
      'Hồ sơ có thành phần được số hóa khi tiếp nhận (và có kết quả điện tử nếu kết quả là giấy tờ) / hồ sơ tiếp nhận trong kỳ. Đạt ≥ 80% được điểm tối đa.', 80, max),
    ratio('4.3', 'Tỷ lệ khai thác, sử dụng lại dữ liệu số hóa', c.reusedDossiers, c.received,
      'Hồ sơ có ít nhất một thành phần được tái sử dụng từ dữ liệu đã số hóa / hồ sơ tiếp nhận trong kỳ. Đạt ≥ 80% được điểm tối đa.', 80, max),
    ratio('4.4', 'Tỷ lệ hồ sơ số hóa gắn với kho dữ liệu của tổ chức, cá nhân', c.storeLinkedDossiers, c.digitizedDossiers,
      'Hồ sơ số hóa có thành phần lấy từ kho dữ liệu của tổ chức, cá nhân (hoặc kết quả được đưa vào kho) / hồ sơ số hóa. Điểm = tỷ lệ × điểm tối đa.', null, max),
    {
      code: '5.4', name: 'Mức độ hài lòng trong giải quyết TTHC', value: satisfaction, unit: '%',
      numerator: c.timelinessBase - lateOrComplained, denominator: c.timelinessBase,
      rule: '100% − (% hồ sơ quá hạn + % hồ sơ có phản ánh, kiến nghị hoặc đánh giá không hài lòng (1–2 sao)), trên hồ sơ tiếp nhận hoặc xử lý trong kỳ. Đạt ≥ 90% được điểm tối đa; dưới 90%: điểm tỷ lệ theo 90%.',
      score: cappedScore(satisfaction, 90, max['5.4']), maxScore: max['5.4'],
    },
  ];
}

// ── TT 01/2018/TT-VPCP arts. 13–15: per-dossier scoring ───────────────────────────────────────

export interface Tt01Scores {
  /** index 1: total time vs the legal time (early 2, on time 1, late 0) */
  readonly totalTime: number | null;
  /** index 3: times the applicant had to come back to complete the dossier (0 → 2, 1 → 1, more → 0) */
  readonly contacts: number | null;
  readonly dossiers: number;
}

/** Index score = sum of dossier scores / number of dossiers, rounded to one decimal. */
export function tt01Scores(dossiers: readonly IndicatorDossier[]): Tt01Scores {
  const done = dossiers.filter((d) => d.end === 'resolved' && d.finishedAt !== null && d.dueAt !== null);
  if (done.length === 0) return { totalTime: null, contacts: null, dossiers: 0 };
  let time = 0, contacts = 0;
  for (const d of done) {
    const finished = d.finishedAt ?? 0;
    const due = d.dueAt ?? 0;
    // "better than required" = a civil day (UTC+7) before the due day
    time += finished > due ? 0 : vnDayNumberOfInstant(finished) < vnDayNumberOfInstant(due) ? 2 : 1;
    contacts += d.supplements.length === 0 ? 2 : d.supplements.length === 1 ? 1 : 0;
  }
  const one = (x: number) => Math.round((x / done.length) * 10) / 10;
  return { totalTime: one(time), contacts: one(contacts), dossiers: done.length };
}

/**
 * TT 01/2018 index 7 (staff attitude) of one rated dossier, 0/1/2 like the other per-dossier
 * indices. The circular gives the index, not how a rating maps to it [U]; our rule:
 * staff attitude named among the reasons → 0; a dislike (1–2 stars) with no reason given → 0
 * (the applicant did not say what was wrong, the attitude is not cleared); 4–5 stars → 2 (better
 * than required); otherwise (3 stars, or a dislike for time, guidance or the procedure) → 1.
 */
export function staffAttitudeScore(r: IndicatorRating): 0 | 1 | 2 {
  if (r.dislike.includes('attitude')) return 0;
  if (isDislike(r.stars)) return r.dislike.length === 0 ? 0 : 1;
  return r.stars >= 4 ? 2 : 1;
}

/**
 * Index 7 over the dossiers the applicants rated (an unrated dossier says nothing about the
 * staff): sum of dossier scores / rated dossiers, one decimal; null when none was rated.
 */
export function tt01StaffAttitude(dossiers: readonly IndicatorDossier[]): { readonly score: number | null; readonly dossiers: number } {
  let sum = 0, n = 0;
  for (const d of dossiers) {
    if (d.rating === null) continue;
    sum += staffAttitudeScore(d.rating);
    n++;
  }
  return { score: n === 0 ? null : Math.round((sum / n) * 10) / 10, dossiers: n };
}

/** TT 01/2018 art. 15 rating of an agency from the sum of its index scores. */
export function tt01AgencyRating(total: number): 'Xuất sắc' | 'Tốt' | 'Khá' | 'Trung bình' | 'Yếu' {
  if (total >= 15) return 'Xuất sắc';
  if (total >= 12) return 'Tốt';
  if (total >= 9) return 'Khá';
  if (total >= 6) return 'Trung bình';
  return 'Yếu';
}
