// Online submission (issue 15 §2, §3): the draft of an online dossier and the pure rules of its
// "check your answers" page — every problem listed at once, in the citizen's words — and of the
// fee that must be paid before a full online (level 4) procedure may be submitted. No I/O, no clock.
import type { FeeQuote } from '../catalog/fees';
import { quoteFees } from '../catalog/fees';
import { chooseCase } from '../catalog/cases';
import type { ProcedureForIntake } from '../catalog/references';
import { checkApplicant, checkPapers, chooseDelivery, type ApplicantInput, type DeliveryInput, type IntakeInput, type PaperInput } from '../dossiers/model';
import type { ErrorDetail } from '../platform/errors';
import { validateEform } from '../shared/eform-validation';

/** A paper of an online submission: uploaded (a file of `POST /api/v1/files`) or reused from the applicant's document store. */
export interface DraftPaper {
  readonly key: string;
  readonly source: 'uploaded' | 'reused';
  readonly fileId?: number;
  readonly reusedDocumentId?: number;
}

/** What a draft holds; every field may still be incomplete until submit. */
export interface DraftContent {
  readonly procedureCode: string;
  readonly caseKey: string | null;
  readonly placeUnitCode: string | null;
  readonly applicant: Partial<ApplicantInput>;
  readonly formData: Record<string, unknown>;
  readonly papers: DraftPaper[];
  readonly delivery: DeliveryInput | null;
  readonly storeConsent: boolean;
}

/** What of the procedure the review needs (the catalogue's version in force). */
export type ProcedureFacts = Pick<ProcedureForIntake, 'code' | 'onlineLevel' | 'postalAllowed' | 'placeTied' | 'cases' | 'durationValue' | 'durationUnit'
  | 'cutoff' | 'requiredPapers' | 'fees' | 'eformSchema'>;

const APPLICANT_FIELDS = ['personalId', 'name', 'phone', 'unitCode'] as const;
const applicantLabels = { personalId: 'Số định danh cá nhân', name: 'Họ và tên', phone: 'Số điện thoại', unitCode: 'Xã, phường nơi cư trú' } as const satisfies Record<(typeof APPLICANT_FIELDS)[number], string>;

/** The applicant as the intake needs it, or null with the missing fields added to `problems`. */
function completeApplicant(a: Partial<ApplicantInput>, problems: ErrorDetail[]): ApplicantInput | null {
  const missing = APPLICANT_FIELDS.filter((f) => typeof a[f] !== 'string' || (a[f] as string).trim() === '');
  for (const f of missing) problems.push({ path: `applicant.${f}`, message: `Chưa nhập ${applicantLabels[f].toLowerCase()}.` });
  if (missing.length > 0) return null;
  return a as ApplicantInput;
}

/** Each paper has the file it claims: an upload its file, a reuse its stored document. */
function paperProblems(papers: readonly DraftPaper[]): ErrorDetail[] {
  return papers.flatMap((p, i) => {
    if (p.source === 'uploaded' && p.fileId === undefined) return [{ path: `papers/${i}/fileId`, message: `Giấy tờ "${p.key}": chưa tải tệp lên.` }];
    if (p.source === 'reused' && p.reusedDocumentId === undefined) return [{ path: `papers/${i}/reusedDocumentId`, message: `Giấy tờ "${p.key}": chưa chọn giấy tờ trong kho.` }];
    return [];
  });
}

/**
 * Every problem of a draft against the procedure in force ("check your answers"): the applicant,
 * online availability, the papers (each required one present, each with its file), the e-form
 * (the shared Ajv validator), the case, the place, and the result delivery. Empty: it may be submitted.
 */
export function reviewProblems(d: DraftContent, procedure: ProcedureFacts): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const applicant = completeApplicant(d.applicant, problems);
  if (applicant) checkApplicant(applicant, problems);
  const email = d.applicant.email?.trim() ?? '';
  if (email !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) problems.push({ path: 'applicant.email', message: 'Địa chỉ thư điện tử không đúng (ví dụ: ten@gmail.com).' });
  if (procedure.onlineLevel === 'none') problems.push({ path: 'procedureCode', message: 'Thủ tục này chưa cung cấp dịch vụ công trực tuyến; vui lòng nộp tại quầy hoặc qua bưu chính.' });
  // the online draft does not ask the applicant's situation yet (catalog/situations.ts): not checked here
  checkPapers(procedure, d.papers.map(toPaperInput), problems, undefined);
  problems.push(...paperProblems(d.papers));
  problems.push(...validateEform(procedure.eformSchema, d.formData).map((i) => ({ path: `/formData${i.path}`, message: i.message })));
  const choice = chooseCase(procedure, d.caseKey);
  if (!choice.ok) problems.push({ path: 'caseKey', message: choice.message });
  if (procedure.placeTied && !d.placeUnitCode) problems.push({ path: 'placeUnitCode', message: 'Thủ tục gắn với địa điểm: cần chọn xã, phường nơi có đất đai, công trình hoặc địa điểm kinh doanh.' });
  if (d.delivery === null) problems.push({ path: 'delivery.method', message: 'Chưa chọn cách nhận kết quả (trực tuyến, tại quầy hoặc qua bưu chính).' });
  else chooseDelivery(d.delivery, 'online', procedure, problems);
  return problems;
}

const toPaperInput = (p: DraftPaper): PaperInput => ({
  key: p.key, source: p.source, digitized: true,
  ...(p.fileId !== undefined ? { fileId: p.fileId } : {}), ...(p.reusedDocumentId !== undefined ? { reusedDocumentId: p.reusedDocumentId } : {}),
});

/** The dossiers' intake request of a reviewed draft (channel online). */
export function intakeOf(d: DraftContent): IntakeInput {
  return {
    procedureCode: d.procedureCode, channel: 'online', applicant: d.applicant as ApplicantInput, papers: d.papers.map(toPaperInput), formData: d.formData,
    ...(d.caseKey !== null ? { caseKey: d.caseKey } : {}),
    ...(d.placeUnitCode !== null ? { placeUnitCode: d.placeUnitCode } : {}),
    ...(d.delivery !== null ? { delivery: d.delivery } : {}),
    ...(d.storeConsent ? { storeConsent: true } : {}),
  };
}

export interface FeeDue {
  readonly quote: FeeQuote;
  /**
   * A full online (level 4, "toàn trình") procedure with a fee is paid online before it is
   * submitted (ND 43/2011 art. 3.4, DOMAIN §4.1; issue 15 §4); a partial one is paid at the
   * counter or by post, as before.
   */
  readonly paymentRequired: boolean;
}

/** The fee of an online submission of the procedure's case: items of the online channel; required before submit at level 4. */
export function feeDue(procedure: Pick<ProcedureFacts, 'onlineLevel' | 'fees'>, caseKey: string | null): FeeDue {
  const quote = quoteFees(procedure.fees, { channel: 'online', caseKey });
  const payable = quote.totalVnd > 0 || quote.described.length > 0;
  return { quote, paymentRequired: procedure.onlineLevel === 'full' && payable };
}

/** What the payments capability says of a draft's payment (its `paymentStateOf` answer). */
export interface PaymentState {
  readonly paidVnd: number;
  readonly dueVnd: number;
  readonly paid: boolean;
  readonly receiptNumbers: string[];
}

/** The one-time code's purpose of an assisted draft's confirmation (src/appointments/one-time-codes.ts). */
export const confirmationPurpose = (draftId: number): string => `online-assisted:${draftId}`;
