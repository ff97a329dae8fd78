// Printing use cases: a slip of one dossier and the ledger of a period. The dossier is read
// through dossiers/ (scope-checked: outside the actor's scope it does not exist), the header
// through directory/, durations and fees through catalog/; the pure renderers do the rest.
import { trackingPinFor } from '../tracking/references';
import { can } from '../accounts/policy';
import { getProcedure } from '../catalog/service';
import { getServicePoint, getUnit, listAgencies, type ServicePointView } from '../directory/service';
import { getDossier, getDossierPrintFacts, searchDossiers, type DossierDetail, type DossierPrintFacts, type DossierReadContext } from '../dossiers/service';
import { partyLines } from '../dossiers/model';
import { formSetFor } from './form-set';
import { receiptTerms } from './receipt-terms';
import type { ServiceContext } from '../platform/context';
import { conflict, forbidden, unauthenticated, validationFailed } from '../platform/errors';
import type {
  Applicant, ApologySlipData, ControlSlipData, FeeLine, FormHeader, LedgerData, LedgerRow, ProcedureRef, ReceiptSlipData,
  RefusalSlipData, ResultDelivery, StopNoticeData, SupplementSlipData, Timeliness,
} from './model';
import { renderLedgerXlsx } from './ledger-xlsx';
import { renderApologySlip } from './pdf/apology';
import { renderControlSlip } from './pdf/control';
import { renderLedgerPdf } from './pdf/ledger';
import { renderReceiptSlip } from './pdf/receipt';
import { renderRefusalSlip } from './pdf/refusal';
import { renderStopNotice } from './pdf/stop-notice';
import { renderSupplementSlip } from './pdf/supplement';
import { vnDateOfInstant } from '../shared/civil-date';
import { parsePeriod } from '../platform/period';
import labels from './labels.vi.json';

export const slipKinds = ['receipt', 'supplement', 'refusal', 'apology', 'stop', 'control'] as const;
export type SlipKind = (typeof slipKinds)[number];

/** Printing needs the public address of the tracking page (QR codes). */
export interface FormsContext extends DossierReadContext {
  readonly publicUrl: string;
  /** first receipt day of the 2025 form set (config; default FORM_SET_2025_FROM_DEFAULT) */
  readonly formSet2025From?: string;
}

/** The events each slip is printed from; the newest one counts. */
const slipEvents = {
  receipt: ['received', 'receive'],
  supplement: ['requestSupplement'],
  refusal: ['refuse', 'reject'],
  apology: ['apologize'],
  stop: ['stop', 'withdraw'],
  control: ['forward'],
} as const satisfies Record<SlipKind, readonly string[]>;

const slipNotAvailableText = labels.slipNotAvailable satisfies Record<SlipKind, string>;

const slipNotAvailable = (kind: SlipKind) => conflict('SLIP_NOT_AVAILABLE', slipNotAvailableText[kind]);

/** The ledger covers at most a year (a leap year included). */
export const LEDGER_MAX_DAYS = 366;
/** Beyond this many dossiers the period must be split. */
export const LEDGER_MAX_ROWS = 10_000;
const PAGE = 500;

/** The civil date in Vietnam (UTC+7) of an instant. */
const vnDay = (at: Date): string => vnDateOfInstant(at.getTime());
/** Midnight starting a Vietnam civil date, as an instant. */

type TimelineEvent = DossierDetail['timeline'][number];

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
const instant = (v: unknown): Date | undefined => {
  const d = typeof v === 'string' ? new Date(v) : undefined;
  return d && !Number.isNaN(d.getTime()) ? d : undefined;
};

function lastEvent(d: DossierDetail, actions: readonly string[]): TimelineEvent | undefined {
  for (let i = d.timeline.length - 1; i >= 0; i--) {
    const e = d.timeline[i];
    if (e && actions.includes(e.action)) return e;
  }
  return undefined;
}

const firstEvent = (d: DossierDetail, actions: readonly string[]): TimelineEvent | undefined =>
  d.timeline.find((e) => actions.includes(e.action));

/** "Ủy ban nhân dân tỉnh Đồng Tháp" → "UBND TỈNH ĐỒNG THÁP". */
export const parentAgencyLabel = (name: string): string =>
  name.normalize('NFC').replace(/^(ủy|uỷ) ban nhân dân\s+/iu, 'UBND ').toLocaleUpperCase('vi');

/** "Tỉnh Đồng Tháp" → "Đồng Tháp". */
export const placeLabel = (unitName: string): string => unitName.normalize('NFC').replace(/^(tỉnh|thành phố)\s+/iu, '');

interface Place {
  readonly header: FormHeader;
  readonly servicePoint: ServicePointView | null;
}

/** Header of a form: the province UBND, the receiving service point (else agency), the province. */
export async function formHeaderOf(
  ctx: ServiceContext, where: { provinceCode: string | null; servicePointCode: string | null }, fallbackUnit: string, issuedAt: Date,
): Promise<FormHeader> {
  return (await placeOf(ctx, where, fallbackUnit, issuedAt)).header;
}

async function placeOf(
  ctx: ServiceContext, where: { provinceCode: string | null; servicePointCode: string | null }, fallbackUnit: string, issuedAt: Date,
): Promise<Place> {
  const day = vnDay(issuedAt);
  const { provinceCode, servicePointCode } = where;
  const [unit, agencies, servicePoint] = await Promise.all([
    provinceCode ? getUnit(ctx, provinceCode).catch(() => null) : null,
    provinceCode ? listAgencies(ctx, { level: 'province', kind: 'people_committee', unit: provinceCode, validOn: day, limit: 1 }) : null,
    servicePointCode ? getServicePoint(ctx, servicePointCode).catch(() => null) : null,
  ]);
  const province = unit?.versions.find((v) => v.validTo === null) ?? unit?.versions.at(-1);
  const agency = agencies?.items[0];
  const parentAgencyName = agency ? parentAgencyLabel(agency.name) : province ? parentAgencyLabel(`UBND ${province.name}`) : '';
  return {
    header: {
      parentAgencyName,
      unitName: servicePoint?.name ?? fallbackUnit,
      placeName: province ? placeLabel(province.name) : '',
      issuedAt,
    },
    servicePoint,
  };
}

const applicantOf = (d: DossierDetail, facts: DossierPrintFacts): Applicant => {
  const email = facts.applicant.email ?? text(d.formData.email);
  // who is who: the organisation or the person filed for, then the filer in their capacity
  const { subject, lines } = partyLines(d.party, d.applicant.name);
  return {
    name: subject,
    ...(lines.length > 0 ? { roles: lines, filer: d.applicant.name } : {}),
    address: facts.applicant.address ?? text(d.formData.address) ?? '',
    phone: d.applicant.phone ?? '',
    ...(email ? { email } : {}),
  };
};

const actorName = (facts: DossierPrintFacts, e: TimelineEvent | undefined): string => (e ? facts.actorNames[e.seq] ?? '' : '');

const trackingUrlOf = (publicUrl: string, code: string): string =>
  `${publicUrl.replace(/\/+$/, '')}/tra-cuu?ma=${encodeURIComponent(code)}`;

export type Slip =
  | { readonly kind: 'receipt'; readonly data: ReceiptSlipData }
  | { readonly kind: 'supplement'; readonly data: SupplementSlipData }
  | { readonly kind: 'refusal'; readonly data: RefusalSlipData }
  | { readonly kind: 'apology'; readonly data: ApologySlipData }
  | { readonly kind: 'stop'; readonly data: StopNoticeData }
  | { readonly kind: 'control'; readonly data: ControlSlipData };

/** Renders one slip of a dossier as PDF bytes; 404 outside scope, 409 when the dossier has no such event. */
export async function renderDossierSlip(ctx: FormsContext, code: string, kind: SlipKind): Promise<Uint8Array> {
  const slip = await dossierSlip(ctx, code, kind);
  switch (slip.kind) {
    case 'receipt': return renderReceiptSlip(slip.data);
    case 'supplement': return renderSupplementSlip(slip.data);
    case 'refusal': return renderRefusalSlip(slip.data);
    case 'apology': return renderApologySlip(slip.data);
    case 'stop': return renderStopNotice(slip.data);
    case 'control': return renderControlSlip(slip.data);
  }
}

/** The data of one slip of a dossier, from its newest matching event. */
export async function dossierSlip(ctx: FormsContext, code: string, kind: SlipKind): Promise<Slip> {
  const d = await getDossier(ctx, code);
  // the control slip (forms 05/06) is the agencies' hand-over record, not addressed to the applicant
  if (kind === 'control' && ctx.actor && can(ctx.actor, 'portal.self')) {
    throw forbidden('SLIP_NOT_FOR_APPLICANT', 'Phiếu kiểm soát quá trình giải quyết là hồ sơ nội bộ của cơ quan, không cấp cho người nộp hồ sơ.');
  }
  const facts = (await getDossierPrintFacts(ctx, [code])).get(code);
  const event = lastEvent(d, slipEvents[kind]);
  if (!facts || !event) throw slipNotAvailable(kind);
  const issuedAt = ctx.clock.now();
  const where = { provinceCode: facts.provinceCode, servicePointCode: facts.receivingServicePointCode };
  const place = await placeOf(ctx, where, d.receivingAgency.name, issuedAt);
  const { servicePoint } = place;
  // the form set in force when the dossier was received (TT 01/2018 or TT 03/2025)
  const receiptDay = vnDay(instant(d.receivedAt) ?? instant(d.submittedAt) ?? issuedAt);
  const header = { ...place.header, formSet: formSetFor(receiptDay, ctx.formSet2025From) };
  const applicant = applicantOf(d, facts);
  const procedure: ProcedureRef = { name: d.procedure.name, code: d.procedure.code };
  const trackingUrl = trackingUrlOf(ctx.publicUrl, d.code);

  switch (kind) {
    case 'receipt': {
      const receivedAt = instant(event.payload.receivedAt) ?? instant(d.receivedAt) ?? new Date(event.at);
      const dueAt = instant(event.payload.dueAt) ?? instant(d.originalDueAt) ?? instant(d.dueAt);
      if (!dueAt) throw slipNotAvailable(kind);
      const catalogue = await getProcedure(ctx.db, d.procedure.code, vnDay(receivedAt));
      // the chosen case's time and this channel's fees (catalogue depth, issue 9)
      const terms = receiptTerms(catalogue, d.channel, facts.caseKey);
      const counterText = servicePoint ? `${servicePoint.name}, ${servicePoint.address}` : d.receivingAgency.name;
      // as chosen at intake (form 01 item 6); dossiers received before that was recorded: as before
      const resultDelivery: ResultDelivery = d.delivery
        ? { method: d.delivery.method, text: d.delivery.method === 'post' ? d.delivery.address ?? '' : d.delivery.method === 'counter' ? counterText : '' }
        : d.channel === 'online' && !servicePoint ? { method: 'online', text: '' } : { method: 'counter', text: counterText };
      return { kind, data: {
        header, code: d.code, copyLabel: 'Giao khách hàng', applicant, procedure,
        // a paper's electronic copy as recorded: reused from the store, or scanned with its file attached
        papers: d.papers.map((p) => {
          const digital = p.source === 'reused' ? 'reused' as const : p.fileId !== null ? 'scanned' as const : null;
          return { name: p.name, originals: p.originals, copies: p.copies, ...(digital ? { digital } : {}) };
        }),
        setCount: 1,
        duration: terms.duration, ...(terms.caseName ? { caseName: terms.caseName } : {}),
        receivedAt, dueAt, resultDelivery, fees: terms.fees,
        ...(d.ledger ? { ledger: { book: d.ledger.book, serial: String(d.ledger.serial) } } : {}),
        receiverName: actorName(facts, event), trackingUrl, trackingPin: await trackingPinFor(ctx.db, d.code),
      } };
    }
    case 'supplement': {
      const items = Array.isArray(event.payload.items) ? event.payload.items.filter((i): i is string => typeof i === 'string') : [];
      const guideName = actorName(facts, event);
      return { kind, data: {
        header, code: d.code, applicant, procedure, items, reason: text(event.payload.reason) ?? '',
        contact: { name: guideName, phone: servicePoint?.phone ?? '' }, guideName, trackingUrl,
      } };
    }
    case 'refusal':
      return { kind, data: {
        header, code: d.code, applicant, procedure, reason: text(event.payload.reason) ?? '',
        stage: event.action === 'reject' ? 'appraisal' : 'intake', signerName: actorName(facts, event),
      } };
    case 'apology': {
      const newDueAt = instant(event.payload.newDueAt);
      const originalDueAt = instant(event.payload.originalDueAt) ?? instant(d.originalDueAt);
      const receivedAt = instant(d.receivedAt);
      if (!newDueAt || !originalDueAt || !receivedAt) throw slipNotAvailable(kind);
      return { kind, data: {
        header, number: '…', applicant, receivedAt, code: d.code, procedure, originalDueAt,
        reason: text(event.payload.reason) ?? '', newDueAt, agencyName: d.competentAgency.name,
        signerName: actorName(facts, event), trackingUrl,
      } };
    }
    case 'stop': {
      const signerName = actorName(facts, event);
      return { kind, data: {
        header, code: d.code, applicant, procedure, requestedAt: new Date(event.at),
        reason: text(event.payload.reason) ?? (event.action === 'withdraw' ? 'Người nộp hồ sơ đề nghị rút hồ sơ.' : ''),
        ...(signerName ? { signerName } : {}),
      } };
    }
    case 'control': {
      const place = servicePoint ? `${servicePoint.name}, ${servicePoint.address}` : d.receivingAgency.name;
      return { kind, data: {
        header, code: d.code, applicant, resultPlace: place,
        rows: d.controlSlip.map((r) => ({
          from: r.from, to: r.to, at: new Date(r.at),
          ...(r.result ? { result: r.result satisfies Timeliness } : {}),
          ...(r.note ? { note: r.note } : {}),
          ...(r.trackingNumber ? { trackingNumber: r.trackingNumber } : {}),
          ...(r.handedBy ? { handedBy: r.handedBy } : {}),
          ...(r.receivedBy ? { receivedBy: r.receivedBy } : {}),
          ...(r.step ? { step: {
            ...(r.step.allotted ? { allotted: r.step.allotted } : {}),
            ...(r.step.dueAt ? { dueAt: new Date(r.step.dueAt) } : {}),
            ...(r.step.doneAt ? { doneAt: new Date(r.step.doneAt) } : {}),
          } } : {}),
        })),
      } };
    }
  }
}

export interface LedgerPeriod {
  /** civil dates (UTC+7), both included */
  readonly from: string;
  readonly to: string;
}

export type LedgerFormat = 'pdf' | 'xlsx';

function checkPeriod(period: LedgerPeriod): { from: Date; to: Date } {
  const { start, end } = parsePeriod(period.from, period.to, LEDGER_MAX_DAYS);
  // the period as printed: from midnight of the first day to the last minute of the last day
  return { from: new Date(start), to: new Date(end - 60_000) };
}

/** The ledger data of the dossiers received in the actor's scope during the period. */
export async function ledgerData(ctx: ServiceContext, period: LedgerPeriod): Promise<LedgerData> {
  if (!ctx.actor) throw unauthenticated('UNAUTHENTICATED', 'Vui lòng đăng nhập.');
  if (!can(ctx.actor, 'dossiers.read')) throw forbidden('FORBIDDEN', 'Bạn không có quyền xem sổ theo dõi hồ sơ.');
  const bounds = checkPeriod(period);
  const codes = new Set<string>();
  for (let offset = 0; ; offset += PAGE) {
    const page = await searchDossiers(ctx, { from: period.from, to: period.to, limit: PAGE, offset });
    if (page.total > LEDGER_MAX_ROWS) {
      throw validationFailed('LEDGER_TOO_LARGE', `Khoảng thời gian có hơn ${LEDGER_MAX_ROWS} hồ sơ; vui lòng chọn khoảng ngắn hơn.`);
    }
    for (const item of page.items) codes.add(item.code);
    if (page.items.length < PAGE) break;
  }
  const details = await mapLimited([...codes], 8, (code) => getDossier(ctx, code).catch(() => null));
  const facts = new Map<string, DossierPrintFacts>();
  const list = [...codes];
  for (let i = 0; i < list.length; i += PAGE) {
    for (const [code, f] of await getDossierPrintFacts(ctx, list.slice(i, i + PAGE))) facts.set(code, f);
  }
  const rows = details
    .filter((d): d is DossierDetail => d !== null && d.receivedAt !== null)
    .map((d) => ledgerRow(d, facts.get(d.code)))
    .sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime() || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const issuedAt = ctx.clock.now();
  const { header } = await placeOf(ctx, ledgerPlace(ctx, facts), ledgerUnitName(ctx, details), issuedAt);
  return { header, period: bounds, rows };
}

/** Ledger of the period as PDF (A4 landscape) or XLSX bytes. */
export async function renderLedger(ctx: ServiceContext, period: LedgerPeriod, format: LedgerFormat): Promise<Uint8Array> {
  const data = await ledgerData(ctx, period);
  return format === 'pdf' ? renderLedgerPdf(data) : renderLedgerXlsx(data);
}

function ledgerRow(d: DossierDetail, facts: DossierPrintFacts | undefined): LedgerRow {
  const forwarded = firstEvent(d, ['forward']);
  const resultBack = lastEvent(d, ['markResultReady', 'reject']);
  const returned = instant(d.returnedAt) ?? instant(lastEvent(d, ['return'])?.at);
  const received = lastEvent(d, ['received', 'receive']);
  const dueAt = instant(received?.payload.dueAt) ?? instant(d.dueAt) ?? instant(d.receivedAt);
  const notes = [d.statusLabel];
  if (d.originalDueAt && d.dueAt && d.originalDueAt !== d.dueAt) notes.push(`Hẹn lại: ${vnDay(new Date(d.dueAt)).split('-').reverse().join('/')}`);
  return {
    code: d.code,
    procedureName: d.procedure.name,
    setCount: 1,
    applicantName: d.applicant.name,
    applicantAddress: facts?.applicant.address ?? text(d.formData.address) ?? '',
    applicantPhone: d.applicant.phone ?? '',
    leadAgencyName: d.competentAgency.name,
    receivedAt: new Date(d.receivedAt ?? d.submittedAt),
    dueAt: dueAt ?? new Date(d.submittedAt),
    ...(forwarded ? { forwardedAt: new Date(forwarded.at) } : {}),
    ...(resultBack ? { resultReceivedAt: new Date(resultBack.at) } : {}),
    ...(returned ? { returnedAt: returned } : {}),
    note: notes.join('; '),
  };
}

/**
 * Where a ledger is kept: the province of the actor's scope (first segment of its unit path), else
 * of its dossiers; a clerk's book is their service point's (that of the dossiers they received).
 */
function ledgerPlace(ctx: ServiceContext, facts: Map<string, DossierPrintFacts>): { provinceCode: string | null; servicePointCode: string | null } {
  const scope = ctx.actor?.scope;
  const fromScope = scope && 'unitPath' in scope ? scope.unitPath.split('/').find((s) => s !== '') ?? null : null;
  const first = [...facts.values()][0];
  const own = scope?.kind === 'servicePoint' ? [...facts.values()].find((f) => f.receivingServicePointCode !== null) : undefined;
  return { provinceCode: fromScope ?? first?.provinceCode ?? null, servicePointCode: own?.receivingServicePointCode ?? null };
}

function ledgerUnitName(ctx: ServiceContext, details: readonly (DossierDetail | null)[]): string {
  const first = details.find((d): d is DossierDetail => d !== null);
  if (ctx.actor?.scope.kind === 'agency' && first) return first.competentAgency.name;
  if (ctx.actor?.scope.kind === 'servicePoint' && first) return first.receivingAgency.name;
  return 'Bộ phận tiếp nhận và trả kết quả';
}

/** Runs `fn` over `items` with at most `limit` calls in flight, keeping the order. */
async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
