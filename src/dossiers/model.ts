// The dossiers' types and the pure rules of their use cases' input: what an intake and an action
// may carry, and the checks that need no I/O and no clock (time is an argument). The state
// machine itself is in lifecycle.ts.
import { paperRequirement } from '../catalog/model';
import { situationProblem } from '../catalog/situations';
import type { ProcedureForIntake } from '../catalog/references';
import type { ErrorDetail } from '../platform/errors';
import type { DeliveryInput } from './delivery';
import type { PartyInput } from './party';

// who is who on a dossier and the result delivery (their own files; public through this module)
export { partyLines, type Party } from './party';
export type { Delivery, DeliveryMethod, DeliveryInput } from './delivery';
// the result-delivery rule, for the online capability's check-your-answers (src/online)
export { chooseDelivery, deliveryMethods } from './delivery';
import type { DislikeReason, Status } from './lifecycle';

// ── Intake ─────────────────────────────────────────────────────────────────────────────────────

export const channels = ['counter', 'online', 'postal'] as const;
export type Channel = (typeof channels)[number];
export const paperSources = ['scanned', 'uploaded', 'reused', 'national_db', 'prior_result', 'paper'] as const;
export type PaperSource = (typeof paperSources)[number];

export interface PaperInput {
  readonly key: string;
  readonly originals?: number;
  readonly copies?: number;
  readonly source: PaperSource;
  readonly digitized?: boolean;
  readonly fileId?: number;
  /** source `reused`: the document of the applicant's store it is taken from (its file is the paper's) */
  readonly reusedDocumentId?: number;
}

export interface ApplicantInput {
  readonly personalId: string;
  readonly name: string;
  readonly phone: string;
  readonly email?: string;
  readonly birthDate?: string;
  readonly address?: string;
  /** statistics code of the applicant's commune (phi địa giới: decides the competent agency) */
  readonly unitCode: string;
}

export interface IntakeInput {
  readonly procedureCode: string;
  /** default by role: clerk → counter, courier → postal, citizen → online */
  readonly channel?: Channel;
  readonly applicant: ApplicantInput;
  readonly papers: readonly PaperInput[];
  readonly formData: Record<string, unknown>;
  /** the procedure's case ("trường hợp") whose processing time applies; absent: the procedure's own */
  readonly caseKey?: string;
  /**
   * The applicant's situation when the paper list is published by situation (catalog/situations.ts:
   * 1.004222's "Đăng ký thường trú vào chỗ ở hợp pháp thuộc quyền sở hữu của mình"…), as the list
   * names it: required there, with at least one of its papers; refused for any other list.
   */
  readonly situation?: string;
  /**
   * Statistics code of the commune where the land, works or business location is: required for a
   * procedure tied to a place (catalogue `placeTied`), refused for any other (DOMAIN §9.3.5).
   */
  readonly placeUnitCode?: string;
  /** who is who: the applicant files for themself (absent), for an organisation, or for another person */
  readonly party?: PartyInput;
  /** how the applicant will receive the result (form 01 item 6); absent: online → online, else at the counter */
  readonly delivery?: DeliveryInput;
  /**
   * Kept in the request schema for forward compatibility (F766 `TaiKhoanDuocXacThucVoiVNeID`),
   * but ignored: there is no VNeID integration yet, so a client's claim cannot be trusted and
   * every dossier records `false`. Set it from the VNeID login once one exists, never from the body.
   */
  readonly vneidAuthenticated?: boolean;
  /** the applicant agrees that their digitized papers and results be kept in their document store and reused (asked at the counter) */
  readonly storeConsent?: boolean;
}

/**
 * Form 01's ledger entry: "Vào Sổ theo dõi hồ sơ, Quyển số: 01/2026, Số thứ tự: 125". motcua keeps
 * one electronic book per service point and year [U: our decision — TT 01/2018 art. 10 opens paper
 * ledgers per year and numbers them from 01 with no gap], so the book is "01/<year>".
 */
export interface LedgerEntry {
  readonly book: string;
  readonly year: number;
  readonly serial: number;
}

export const ledgerEntry = (year: number | null, serial: number | null): LedgerEntry | null =>
  year === null || serial === null ? null : { book: `01/${year}`, year, serial };

export interface IntakeResult {
  readonly code: string;
  readonly status: Status;
  readonly syncCode: number;
  readonly channel: Channel;
  readonly receivedAt: string | null;
  readonly dueAt: string | null;
  readonly calendarVersion: string | null;
  readonly procedureCode: string;
  readonly receivingAgency: string;
  readonly competentAgency: string;
  /** received at a service point: the receipt ledger's book and serial (null online) */
  readonly ledger: LedgerEntry | null;
  /** true when this is the stored result of an earlier request with the same idempotency key */
  readonly replayed: boolean;
}

/** A paper as the dossier records it: the catalogue's name and counts unless the request says otherwise. */
export interface PaperRecord {
  readonly key: string;
  readonly name: string;
  readonly originals: number;
  readonly copies: number;
  readonly source: string;
  readonly digitized: boolean;
  readonly fileId: number | null;
  /** the stored document a `reused` paper comes from */
  readonly reusedDocumentId: number | null;
}

const PERSONAL_ID_RE = /^[0-9]{12}$/;
const PHONE_RE = /^(0|\+84)[0-9]{9,10}$/;
export const IDEMPOTENCY_KEY_RE = /^[\x21-\x7e]{8,128}$/;
/** The phone and name as stored: no spaces or dots in the number, the name NFC and trimmed. */
export const normalizedApplicant = (a: ApplicantInput): { phone: string; name: string } =>
  ({ phone: a.phone.replace(/[ .]/g, ''), name: a.name.normalize('NFC').trim() });

export function checkApplicant(a: ApplicantInput, problems: ErrorDetail[]): void {
  const { phone, name } = normalizedApplicant(a);
  if (!PERSONAL_ID_RE.test(a.personalId)) problems.push({ path: 'applicant.personalId', message: 'Số định danh cá nhân phải gồm 12 chữ số.' });
  if (!PHONE_RE.test(phone)) problems.push({ path: 'applicant.phone', message: 'Số điện thoại không hợp lệ.' });
  if (name.length < 2 || name.length > 100 || /[0-9<>{}]/.test(name)) problems.push({ path: 'applicant.name', message: 'Họ và tên không hợp lệ.' });
  if (a.birthDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(a.birthDate)) problems.push({ path: 'applicant.birthDate', message: 'Ngày sinh phải có dạng YYYY-MM-DD.' });
}

/**
 * The papers against the procedure's list: each listed, none twice, every always-required one
 * present, and — for a list by situation — the applicant's situation chosen with at least one of its
 * papers (catalog/situations.ts situationProblem; its problem carries its code). Every intake path
 * checks papers here: the counter, the postal hand-over and a bundle's members (intake.ts
 * validIntake), online filing (src/online), the courier's door e-form (src/postal).
 * `situation`: the one chosen, null when none was; undefined where the path does not ask it yet
 * (see each caller) — then the situation is not checked.
 */
export function checkPapers(procedure: Pick<ProcedureForIntake, 'requiredPapers'>, papers: readonly PaperInput[], problems: ErrorDetail[], situation: string | null | undefined): void {
  const listed = new Map(procedure.requiredPapers.map((p) => [p.key, p]));
  const seen = new Set<string>();
  for (const [i, p] of papers.entries()) {
    if (!listed.has(p.key)) problems.push({ path: `papers/${i}/key`, message: `Thành phần hồ sơ "${p.key}" không có trong danh mục của thủ tục.` });
    if (seen.has(p.key)) problems.push({ path: `papers/${i}/key`, message: `Thành phần hồ sơ "${p.key}" bị lặp.` });
    seen.add(p.key);
  }
  const missing = procedure.requiredPapers.filter((p) => paperRequirement(p) === 'required' && !seen.has(p.key));
  for (const m of missing) problems.push({ path: 'papers', message: `Thiếu thành phần hồ sơ: ${m.name}` });
  const s = situation === undefined ? null : situationProblem(procedure.requiredPapers, situation, seen);
  if (s) problems.push({ path: s.path, message: s.message, code: s.code });
}

/** The error of a list of problems: a single problem with its own code is answered with that code, else `code`. */
export const problemsCode = (problems: readonly ErrorDetail[], code: string): string =>
  problems.length === 1 && problems[0]?.code !== undefined ? problems[0].code : code;

/** Whether the procedure takes dossiers on this channel. */
export function checkChannel(procedure: Pick<ProcedureForIntake, 'postalAllowed' | 'onlineLevel'>, channel: Channel, problems: ErrorDetail[]): void {
  if (channel === 'postal' && !procedure.postalAllowed) problems.push({ path: 'channel', message: 'Thủ tục này không nhận hồ sơ qua dịch vụ bưu chính công ích.' });
  if (channel === 'online' && procedure.onlineLevel === 'none') problems.push({ path: 'channel', message: 'Thủ tục này chưa cung cấp dịch vụ công trực tuyến.' });
}

/**
 * When the dossier is received: now at a counter; for a postal one, when the courier and the
 * agency's receiver signed the hand-over record (QĐ 45/2016/QĐ-TTg art. 7.2, DOMAIN §5.2 step 7:
 * the legal filing time) — given by the postal capability's hand-over (`receivePostalDossier`),
 * never by an HTTP client, else now; not yet for an online one (null).
 */
export function receiptTime(channel: Channel, legalReceiptAt: Date | undefined, now: Date): Date | null {
  if (channel === 'online') return null;
  if (channel === 'counter') return now;
  return legalReceiptAt ?? now;
}

/**
 * The papers as recorded: the catalogue's name and counts fill in what the request leaves out. A
 * paper is digitized only when its scan is attached — its own file or the stored document it
 * reuses (issue 12 §2: "Đã scan" without a file is not digitization), whatever the request says.
 */
export const paperRecords = (procedure: Pick<ProcedureForIntake, 'requiredPapers'>, papers: readonly PaperInput[]): PaperRecord[] =>
  papers.map((p) => {
    const listed = procedure.requiredPapers.find((r) => r.key === p.key);
    return {
      key: p.key, name: listed?.name ?? p.key, originals: p.originals ?? listed?.originals ?? 0, copies: p.copies ?? listed?.copies ?? 0,
      source: p.source, digitized: p.fileId !== undefined || p.reusedDocumentId !== undefined, fileId: p.fileId ?? null, reusedDocumentId: p.reusedDocumentId ?? null,
    };
  });

/** True if any string inside contains a NUL (PostgreSQL text and jsonb cannot store it). */
export function hasNul(value: unknown, depth = 0): boolean {
  if (depth > 32) return true;
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some((v) => hasNul(v, depth + 1));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).some(([k, v]) => k.includes('\u0000') || hasNul(v, depth + 1));
  }
  return false;
}

// ── Actions ────────────────────────────────────────────────────────────────────────────────────

export interface Signature {
  readonly name: string;
  /** ISO instant the recipient signed */
  readonly signedAt: string;
}

export const paymentChannels = ['counter', 'postal', 'transfer', 'online_national', 'online_provincial'] as const;
export type PaymentChannel = (typeof paymentChannels)[number];

export interface ActionInput {
  /** the version the user saw; a stale one is refused (optimistic concurrency) */
  readonly expectedVersion?: number;
  readonly reason?: string;
  readonly note?: string;
  /** requestSupplement: what to add, all at once (ND 61 art. 15.3) */
  readonly items?: readonly string[];
  /** requestSupplement: by when the applicant should bring it (ISO; optional, shown on public tracking) */
  readonly supplementDueAt?: string;
  /** supplementReceived: the papers that came, each one of the request's items — all of them (the complete supplement restarts the clock) */
  readonly receivedPapers?: readonly string[];
  /** apologize: the new appointment (ISO) */
  readonly newDueAt?: string;
  /** markResultReady: the number of the result (a registration number), which a bundle feeds to its next member */
  readonly resultNumber?: string;
  /** consult: the body asked and the reply deadline */
  readonly consultedAgency?: string;
  readonly replyDueAt?: string;
  /** assign: the officer or approver of the competent agency (default: the acting officer) */
  readonly officerId?: number;
  /** requestPayment */
  readonly amountVnd?: number;
  /**
   * paymentReceived: how the fee was paid. F766 `DuocThanhToanTrucTuyen`: 1 on the national
   * portal, 2 through the provincial or ministry gateway; cash or transfer at the counter or to
   * the postal worker is not online.
   */
  readonly paymentChannel?: PaymentChannel;
  /** return */
  readonly channel?: 'counter' | 'post' | 'online';
  readonly signature?: Signature;
  /** rate: 1–5 stars (≤ 2 is a "dislike", F766 5.4), what was wrong, and a comment */
  readonly stars?: number;
  readonly dislike?: readonly DislikeReason[];
  readonly comment?: string;
  /**
   * attachResult: the signed result file, as the documents capability checked it (src/documents/results.ts,
   * POST /api/v1/dossiers/{code}/result-files); not part of the generic action route's body.
   */
  readonly resultFile?: ResultFileInput;
}

export interface ResultFileInput {
  readonly fileId: number;
  readonly sha256: string;
  readonly mediaType: string;
  /** the result's name, e.g. "Giấy khai sinh" */
  readonly title: string;
  /** the kind of document (src/documents/store-model.ts), for the applicant's store */
  readonly docType: string | null;
  /** YYYY-MM-DD; the result's validity, when it has one */
  readonly validFrom?: string;
  readonly validUntil?: string;
}

export interface ActionResult {
  readonly code: string;
  readonly status: Status;
  readonly syncCode: number;
  readonly version: number;
  readonly dueAt: string | null;
}

/** ND 61 art. 19.4: a supplement during appraisal is notified within 3 working days of receipt. */
export const SUPPLEMENT_NOTICE_WORKING_DAYS = 3;
