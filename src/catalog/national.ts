// The national procedures database's records (seed/procedures-catalogue.json) → our procedure
// versions. Where the source is silent (null) or says "OTHER", a documented default is used and
// written to `defaultsApplied`: never a silent guess. Pure.
import { UNNAMED_CASE_NOTE } from '../shared/case-names';
import { isSameDayText, type ProcedureCase } from './cases';
import { competentBodyFromText, isPlaceTiedField, type CompetentBody } from './competent-body';
import { feeChannelsOf, perPageFormula } from './fees';
import {
  applicantSchema, standardSteps,
  type CompetentLevel, type DefaultApplied, type DurationUnit, type FeeItem, type ProcedureInput, type RequiredPaper,
} from './model';

interface SourceTime { channel: string | null; value: number | null; unit: string | null; unit_raw?: string | null; text?: string | null; case_code?: string }
interface SourceFee { channels?: string[]; type_raw: string | null; amount_vnd: number | null; text: string | null }
interface SourceDocument { group: string | null; name: string; originals: number; copies: number }
export interface NationalProcedure {
  code: string;
  name: string;
  field: string;
  level: string[] | null;
  agency: string | null;
  decision_no: string | null;
  processing_time: SourceTime[] | null;
  processing_time_cases: SourceTime[] | null;
  after_15h_rule: string[] | null;
  fees: SourceFee[] | null;
  documents: SourceDocument[] | null;
  online: { channels: string[]; postal_allowed: boolean | null; level: string | null } | null;
  secondary_sources?: { quote_online?: string }[];
  result: string[] | null;
  sources: { portal_url?: string; repo?: string; path?: string }[];
}

/** The catalogue's versions start with the post-reform catalogue; the source gives no date. */
export const CATALOGUE_EFFECTIVE_FROM = '2025-07-01';
/** Default processing time when the source gives none (no value at all). */
export const DEFAULT_DURATION = { value: 5, unit: 'working_days' } as const satisfies { value: number; unit: DurationUnit };
/** The Đồng Tháp suffix of full procedure codes: demo data, no source gives it. */
export const DEMO_CODE_SUFFIX = '.000.00.00.H20';

const unitOf = (t: SourceTime): DurationUnit | null => {
  const raw = t.unit_raw ?? null;
  if (raw === 'WORKING_DAY' || t.unit === 'ngày làm việc') return 'working_days';
  if (raw === 'DAY' || t.unit === 'ngày') return 'calendar_days';
  if (raw === 'WORKING_HOUR' || t.unit === 'giờ làm việc') return 'working_hours';
  return null;
};

const DIRECT = 'Trực tiếp';

/**
 * Duration rule, in order: the first counter ("Trực tiếp") time with a known unit; else the
 * first time of any channel with a known unit; else the first per-case time with a known unit;
 * else a value whose unit is "OTHER" counted in working days (ND 61/2018 counts working days);
 * else DEFAULT_DURATION. The last two are recorded in defaultsApplied.
 */
export function durationOf(p: Pick<NationalProcedure, 'processing_time' | 'processing_time_cases'>): { value: number; unit: DurationUnit; defaults: DefaultApplied[] } {
  const sameDay = (p.processing_time ?? []).find((t) => t.value === null && isSameDayText(t.text));
  if (sameDay) {
    return {
      value: 0, unit: 'working_days',
      defaults: [{ field: 'durationValue', default: 0, reason: `Nguồn ghi "${(sameDay.text ?? '').slice(0, 80)}…": trả trong ngày (thời hạn 0 ngày với giờ chốt 15:00).` }],
    };
  }
  const times = (p.processing_time ?? []).filter((t) => t.value !== null);
  const cases = (p.processing_time_cases ?? []).filter((t) => t.value !== null);
  const known = (ts: SourceTime[]) => ts.find((t) => unitOf(t) !== null);
  const pick = known(times.filter((t) => t.channel === DIRECT)) ?? known(times) ?? known(cases);
  if (pick) return { value: pick.value ?? 0, unit: unitOf(pick) ?? 'working_days', defaults: [] };
  const raw = times[0] ?? cases[0];
  if (raw) {
    return {
      value: raw.value ?? 0, unit: 'working_days',
      defaults: [{ field: 'durationUnit', default: 'working_days', reason: `Nguồn ghi thời hạn ${raw.value} với đơn vị "${raw.unit_raw ?? raw.unit ?? 'không rõ'}"; tính theo ngày làm việc (NĐ 61/2018/NĐ-CP).` }],
    };
  }
  return {
    value: DEFAULT_DURATION.value, unit: DEFAULT_DURATION.unit,
    defaults: [
      { field: 'durationValue', default: DEFAULT_DURATION.value, reason: 'Nguồn chưa có thời hạn giải quyết; dùng mặc định của hệ thống, cần cơ quan xác nhận.' },
      { field: 'durationUnit', default: DEFAULT_DURATION.unit, reason: 'Nguồn chưa có thời hạn giải quyết.' },
    ],
  };
}

const levelOf = (levels: string[] | null): CompetentLevel | null =>
  levels?.includes('xã') ? 'commune' : levels?.includes('huyện') ? 'district' : levels?.includes('tỉnh') ? 'province'
    : levels?.includes('trung ương') ? 'central' : null;

const clean = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();

/**
 * Whether a published group heading names a situation of the applicant ("Đăng ký thường trú vào chỗ
 * ở hợp pháp do thuê, mượn, ở nhờ", "- Trường hợp …", "a) Đối với trường hợp …") rather than a kind
 * of paper ("* Giấy tờ phải nộp:", "* Giấy tờ phải xuất trình:") or nothing.
 */
export const isSituation = (group: string | null): boolean => {
  const g = clean((group ?? '').replace(/^[\s*-]+/, '')).toLowerCase();
  return g !== '' && !/^giấy tờ phải (nộp|xuất trình)/.test(g);
};

/**
 * The distinct situations of a procedure's paper list. Two or more: the list is alternatives — the
 * papers of the applicant's situation, "một trong các trường hợp" —, so none of them is always
 * required: the counter must not refuse a complete dossier; the clerk ticks the papers of the
 * applicant's situation, each shown with its situation as its note.
 */
export const situationsOf = (groups: readonly (string | null)[]): Set<string> =>
  new Set(groups.filter(isSituation).map((g) => clean(g ?? '').replace(/:$/, '')));

const feeName = (type: string | null) => (type === 'FEE' ? 'Lệ phí' : 'Phí');

/** A small e-form per field: the applicant block plus what the field needs. */
export function eformFor(field: string): Record<string, unknown> {
  const extra: Record<string, Record<string, unknown>> = {
    'Hộ tịch': { subjectFullName: { type: 'string', title: 'Họ tên người được đăng ký', maxLength: 100 }, eventDate: { type: 'string', title: 'Ngày xảy ra sự kiện hộ tịch', format: 'date' } },
    'Đăng ký, quản lý cư trú': { residenceAddress: { type: 'string', title: 'Địa chỉ đăng ký cư trú', maxLength: 300 } },
    'Đất đai': { parcelNumber: { type: 'string', title: 'Số thửa', maxLength: 20 }, mapSheet: { type: 'string', title: 'Tờ bản đồ số', maxLength: 20 } },
    'Hoạt động xây dựng': { siteAddress: { type: 'string', title: 'Địa điểm xây dựng', maxLength: 300 }, floorAreaM2: { type: 'number', title: 'Tổng diện tích sàn (m²)', minimum: 0 } },
    'Chứng thực': { documentCount: { type: 'integer', title: 'Số bản cần chứng thực', minimum: 1, maximum: 100 } },
  };
  return { ...applicantSchema, properties: { ...applicantSchema.properties, ...(extra[field] ?? {}) } };
}

const caseName = (text: string) => {
  const first = clean(text).replace(/^[-+\s]+/, '');
  return first.length > 160 ? `${first.slice(0, 157)}…` : first;
};

/**
 * Cases with their own durations, from what the source publishes: distinct (time, text) pairs
 * of the processing times when they differ (land procedures: "Đối với trường hợp …"), else the
 * per-case times (named by their case code, the source gives no names); same-day wording
 * becomes a 0-day case with the 15:00 cut-off, plus the extension the text allows.
 */
export function casesOf(p: Pick<NationalProcedure, 'code' | 'processing_time' | 'processing_time_cases' | 'after_15h_rule'>): ProcedureCase[] {
  const cutoff = p.after_15h_rule && p.after_15h_rule.length > 0 ? '15:00' : null;
  const sameDay = (p.processing_time ?? []).find((t) => t.value === null && isSameDayText(t.text));
  if (sameDay) {
    const out: ProcedureCase[] = [{ key: `${p.code}.trong-ngay`, name: 'Trong ngày (tiếp nhận sau 15 giờ: trả trong ngày làm việc tiếp theo)', durationValue: 0, durationUnit: 'working_days', cutoff: '15:00' }];
    const extra = /kéo dài thêm không quá (\d+)\s*\(?[^)]*\)?\s*ngày làm việc/.exec(sameDay.text ?? '');
    if (extra?.[1]) {
      out.push({ key: `${p.code}.keo-dai`, name: `Nhiều bản, nhiều trang hoặc nội dung phức tạp: kéo dài thêm không quá ${Number(extra[1])} ngày làm việc`, durationValue: Number(extra[1]), durationUnit: 'working_days', cutoff: '15:00' });
    }
    return out;
  }
  const withText = new Map<string, ProcedureCase>();
  for (const t of p.processing_time ?? []) {
    const unit = unitOf(t);
    if (t.value === null || !unit || !t.text || t.text.trim() === '') continue;
    const id = `${t.value}|${unit}|${clean(t.text)}`;
    if (!withText.has(id)) withText.set(id, { key: `${p.code}.t${withText.size + 1}`, name: caseName(t.text), durationValue: t.value, durationUnit: unit, cutoff });
  }
  if (new Set([...withText.values()].map((c) => `${c.durationValue}|${c.durationUnit}`)).size >= 2) return [...withText.values()];
  const byCode = new Map<string, ProcedureCase>();
  for (const t of p.processing_time_cases ?? []) {
    const unit = unitOf(t);
    if (t.value === null || !unit || !t.case_code || byCode.has(t.case_code)) continue;
    byCode.set(t.case_code, { key: t.case_code, name: `Trường hợp ${t.case_code} ${UNNAMED_CASE_NOTE}`, durationValue: t.value, durationUnit: unit, cutoff });
  }
  return byCode.size >= 2 ? [...byCode.values()].sort((a, b) => a.key.localeCompare(b.key)) : [];
}

/**
 * Documented readings of agency texts the general reader leaves open. "Cơ quan quản lý cơ sở
 * dữ liệu hộ tịch điện tử" at commune level is the commune People's Committee that keeps the
 * civil-status register (Luật Hộ tịch 2014 art. 7, ND 87/2020); the liên thông 2.001023 is led
 * by the commune People's Committee that registers the birth (its record names the social
 * insurance as a participant).
 */
const BODY_READINGS: Record<string, { body: CompetentBody; reason: string }> = {
  '2.000635': { body: { kind: 'people_committee', level: 'commune', functionCode: null }, reason: 'Nguồn ghi "Cơ quan quản lý cơ sở dữ liệu hộ tịch điện tử"; cấp xã: UBND xã nơi đăng ký hộ tịch (Luật Hộ tịch 2014 Điều 7).' },
  '2.001023': { body: { kind: 'people_committee', level: 'commune', functionCode: null }, reason: 'Liên thông đăng ký khai sinh, thường trú, thẻ BHYT: UBND xã tiếp nhận và chủ trì (NĐ 63/2024/NĐ-CP); nguồn ghi cơ quan BHXH là bên phối hợp.' },
};

/**
 * Whether a procedure may be filed at any counter of the province (ND 118/2025 "phi địa giới").
 * The province's own list is not in the data: by default yes (DOMAIN §9.3.5); residence
 * procedures no — the Law on Residence (68/2020/QH14 art. 22.1, 28.1) has the dossier filed with
 * the residence registration body of the place of residence.
 */
export function filingAnywhereOf(field: string): { anywhere: boolean; reason: string } {
  if (/cư trú/i.test(field)) {
    return { anywhere: false, reason: 'Luật Cư trú 68/2020/QH14 Điều 22.1, 28.1: nộp hồ sơ tại cơ quan đăng ký cư trú nơi cư trú; không coi là thủ tục phi địa giới (danh mục phi địa giới của tỉnh chưa có trong dữ liệu).' };
  }
  return { anywhere: true, reason: 'Danh mục phi địa giới của tỉnh chưa có trong dữ liệu; mặc định tiếp nhận tại mọi điểm trong tỉnh (NĐ 118/2025, DOMAIN §9.3.5).' };
}

/** One national record → the import row of its first version in the catalogue. */
export function fromNationalProcedure(p: NationalProcedure): ProcedureInput {
  const defaults: DefaultApplied[] = [];
  const duration = durationOf(p);
  defaults.push(...duration.defaults);

  let competentLevel = levelOf(p.level);
  if (!competentLevel) {
    competentLevel = /cấp xã/i.test(p.agency ?? '') ? 'commune' : 'province';
    defaults.push({ field: 'competentLevel', default: competentLevel, reason: 'Nguồn không ghi cấp thực hiện; suy từ tên cơ quan (hoặc cấp tỉnh nếu không rõ).' });
  }
  let competentAgency = p.agency ? clean(p.agency) : null;
  if (!competentAgency) {
    competentAgency = 'Chưa xác định (chờ xác nhận)';
    defaults.push({ field: 'competentAgency', default: competentAgency, reason: 'Nguồn không ghi cơ quan thực hiện.' });
  }
  const reading = BODY_READINGS[p.code];
  const competentBody = reading?.body ?? competentBodyFromText(p.agency);
  if (reading) defaults.push({ field: 'competentBody', default: reading.body, reason: reading.reason });
  else if (!competentBody) defaults.push({ field: 'competentBody', default: null, reason: 'Nguồn không ghi cơ quan giải quyết đọc được; chưa định tuyến — tiếp nhận bị từ chối cho đến khi danh mục ghi cơ quan.' });
  let requiredPapers: RequiredPaper[] = [];
  if (p.documents === null) {
    defaults.push({ field: 'requiredPapers', default: [], reason: 'Nguồn chưa có thành phần hồ sơ; cán bộ tiếp nhận hướng dẫn trực tiếp.' });
  } else {
    // papers listed by situation ("Đăng ký thường trú vào chỗ ở … của mình", "… do thuê, mượn, ở nhờ"…):
    // the applicant is in one of them, so each such paper is asked only in its situation (its note)
    const alternatives = situationsOf(p.documents.map((d) => d.group)).size >= 2;
    requiredPapers = p.documents.map((d, i) => ({
      key: `p${i + 1}`, name: clean(d.name.replace(/^\s*-\s*/, '')), originals: d.originals, copies: d.copies,
      note: d.group ? clean(d.group.replace(/^\*\s*/, '').replace(/:$/, '')) : null,
      ...(alternatives && isSituation(d.group) ? { requirement: 'conditional' as const } : {}),
    }));
  }
  let fees: FeeItem[] = [];
  if (p.fees === null || (p.fees.length === 0 && p.documents === null)) {
    defaults.push({ field: 'fees', default: [], reason: 'Nguồn chưa có thông tin phí, lệ phí.' });
  } else {
    fees = p.fees.map((f): FeeItem => {
      const perPage = f.amount_vnd === null && f.text ? perPageFormula(clean(f.text)) : null;
      return {
        name: feeName(f.type_raw), amountVnd: f.amount_vnd,
        note: [f.text ? clean(f.text) : null, f.channels?.length ? `Kênh: ${f.channels.join(', ')}` : null].filter(Boolean).join('. ') || null,
        channels: feeChannelsOf(f.channels), caseKey: null, ...(perPage ?? { basis: 'fixed' }),
      };
    });
  }
  const channels = p.online?.channels ?? [...new Set((p.processing_time ?? []).flatMap((t) => (t.channel ?? '').split(' / ')))];
  const fullQuote = (p.secondary_sources ?? []).find((s) => /toàn trình/.test(s.quote_online ?? ''));
  const onlineLevel = !channels.includes('Trực tuyến') ? 'none' : fullQuote ? 'full' : 'partial';
  defaults.push(fullQuote
    ? { field: 'onlineLevel', default: 'full', reason: `Cổng DVC mới không ghi mức; nguồn thứ cấp ghi "${clean(fullQuote.quote_online ?? '')}".` }
    : { field: 'onlineLevel', default: onlineLevel, reason: 'Cổng DVC không ghi mức toàn trình/một phần; "partial" khi có kênh trực tuyến, "none" khi không.' });
  let postalAllowed = p.online?.postal_allowed ?? null;
  if (postalAllowed === null) {
    postalAllowed = channels.some((c) => c.includes('bưu chính'));
    defaults.push({ field: 'postalAllowed', default: postalAllowed, reason: 'Nguồn không ghi; suy từ kênh "Dịch vụ bưu chính" trong thời hạn.' });
  }
  defaults.push({ field: 'resultType', default: 'paper', reason: 'Nguồn không ghi hình thức kết quả (giấy/điện tử).' });
  defaults.push({ field: 'steps', default: standardSteps.map((s) => s.key), reason: 'Nguồn không mô tả quy trình nội bộ; dùng quy trình chuẩn 3 bước.' });
  defaults.push({ field: 'effectiveFrom', default: CATALOGUE_EFFECTIVE_FROM, reason: 'Nguồn không ghi ngày hiệu lực; lấy ngày danh mục sau sắp xếp đơn vị hành chính.' });
  const filing = filingAnywhereOf(clean(p.field));
  defaults.push({ field: 'filingAnywhere', default: filing.anywhere, reason: filing.reason });
  const src = p.sources[0];
  return {
    code: p.code,
    fullCode: `${p.code}${DEMO_CODE_SUFFIX}`,
    name: clean(p.name),
    field: clean(p.field),
    competentLevel,
    competentAgency,
    competentBody,
    placeTied: isPlaceTiedField(p.field),
    filingAnywhere: filing.anywhere,
    cases: casesOf(p),
    durationValue: duration.value,
    durationUnit: duration.unit,
    cutoff: (p.after_15h_rule && p.after_15h_rule.length > 0) || duration.value === 0 ? '15:00' : null,
    requiredPapers,
    fees,
    onlineLevel,
    postalAllowed,
    resultType: 'paper',
    resultDescription: p.result && p.result.length > 0 ? p.result.map(clean).join('; ') : null,
    eformSchema: eformFor(clean(p.field)),
    steps: standardSteps,
    defaultsApplied: defaults,
    source: [src?.portal_url ?? (src?.repo ? `${src.repo}/${src.path ?? ''}` : null), p.decision_no].filter(Boolean).join(' · ') || null,
    effectiveFrom: CATALOGUE_EFFECTIVE_FROM,
  };
}
