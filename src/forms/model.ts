/**
 * Data each printed form needs (DOMAIN §3). Plain values only: the caller pulls them from the
 * dossier, the procedure catalogue and the directory; nothing here reads a clock or a database.
 */

/** Which legal form set the slip follows: TT 01/2018/TT-VPCP or TT 03/2025/TT-VPCP (Phụ lục I). */
export type FormSet = '2018' | '2025';

/** Left/right header of every form and the place-date line. */
export interface FormHeader {
  /** Parent agency, upper case, e.g. 'UBND TỈNH ĐỒNG THÁP'. */
  parentAgencyName: string;
  /** The one-stop unit, e.g. 'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG' or 'BƯU ĐIỆN – VĂN HÓA XÃ …'. */
  unitName: string;
  /** Place in the date line, e.g. 'Đồng Tháp'. */
  placeName: string;
  /** Print date ("Đồng Tháp, ngày … tháng … năm …"); also the PDF creation date. */
  issuedAt: Date;
  /** Form set in force when the dossier was received; default '2025'. */
  formSet?: FormSet;
}

export interface Applicant {
  /** whose dossier it is: the person, the organisation (with its tax code) or the person filed for */
  name: string;
  /** who filed it and in what capacity, e.g. "Người đại diện theo pháp luật", "Người nộp thay", "Theo giấy ủy quyền" */
  roles?: { label: string; value: string }[];
  /** the person who filed and signs as "Người nộp hồ sơ", when not `name` */
  filer?: string;
  address: string;
  phone: string;
  email?: string;
}

export interface ProcedureRef {
  /** Name from the National TTHC Database, e.g. 'Đăng ký khai sinh'. */
  name: string;
  /** National procedure code, e.g. '1.001193.000.00.00.H20' (optional on the slip). */
  code?: string;
}

export type DurationUnit = 'working_days' | 'working_hours' | 'calendar_days';

export interface Duration {
  value: number;
  unit: DurationUnit;
}

export interface PaperLine {
  name: string;
  originals: number;
  copies: number;
  /** its electronic copy: scanned at intake, or reused from the applicant's document store; absent: paper only */
  digital?: 'scanned' | 'reused';
}

export type ResultDeliveryMethod = 'counter' | 'post' | 'online';

export interface ResultDelivery {
  method: ResultDeliveryMethod;
  /** Place or address, e.g. the counter name or the postal address. */
  text: string;
}

export interface FeeLine {
  name: string;
  amountVnd: number;
  /** how the amount is computed when it is not a fixed figure (per page, per copy, in words); printed instead of the amount */
  formula?: string;
}

/** "Vào Sổ theo dõi hồ sơ, Quyển số: … Số thứ tự: …". */
export interface LedgerRef {
  book: string;
  serial: string;
}

/** Mẫu 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả. */
export interface ReceiptSlipData {
  header: FormHeader;
  code: string;
  /** "Số: …/TNHS" [U]; omitted when absent. */
  number?: string;
  /** Copy label "(Liên: …)", e.g. 'Giao khách hàng' or 'Lưu'. */
  copyLabel?: string;
  applicant: Applicant;
  procedure: ProcedureRef;
  papers: PaperLine[];
  /** Số lượng hồ sơ (bộ), usually 1. */
  setCount: number;
  duration: Duration;
  /** the case ("trường hợp") chosen at intake whose time and fees are printed; absent: the procedure's own */
  caseName?: string;
  receivedAt: Date;
  dueAt: Date;
  resultDelivery: ResultDelivery;
  fees: FeeLine[];
  ledger?: LedgerRef;
  receiverName: string;
  /** Public status page; printed as a QR code. */
  trackingUrl: string;
  /** The 6-digit PIN that public tracking asks for with the code (src/tracking/pin.ts). */
  trackingPin: string;
}

/** Mẫu 02: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ. */
export interface SupplementSlipData {
  header: FormHeader;
  /** Mã hồ sơ; absent for an outcome at the counter, which creates no dossier (src/counter). */
  code?: string;
  /** "Số: …" of a counter outcome, e.g. '0007/PYCBS'. */
  number?: string;
  applicant: Applicant;
  procedure: ProcedureRef;
  /** Everything to add or fix, all at once (ND 61/2018 art. 15.3). */
  items: string[];
  reason: string;
  contact: { name: string; phone: string };
  guideName: string;
  trackingUrl: string;
}

/** Intake refusal (Mẫu 03) or refusal after appraisal (ND 61/2018 art. 19.8). */
export type RefusalStage = 'intake' | 'appraisal';

/** Mẫu 03: Phiếu từ chối tiếp nhận giải quyết hồ sơ / Phiếu từ chối giải quyết hồ sơ. */
export interface RefusalSlipData {
  header: FormHeader;
  /** Mã hồ sơ; absent for a refusal at the counter, which creates no dossier (src/counter). */
  code?: string;
  /** "Số: …" of a counter outcome, e.g. '0003/TCTN'. */
  number?: string;
  applicant: Applicant;
  procedure: ProcedureRef;
  reason: string;
  stage: RefusalStage;
  signerName: string;
  /** Defaults per stage; the title of the appraisal signer is [U]. */
  signerTitle?: string;
}

/** Mẫu 04: Phiếu xin lỗi và hẹn lại ngày trả kết quả (2018) / Văn bản xin lỗi … (2025). */
export interface ApologySlipData {
  header: FormHeader;
  /** "Số: …/PXL". */
  number: string;
  applicant: Applicant;
  receivedAt: Date;
  code: string;
  procedure: ProcedureRef;
  originalDueAt: Date;
  reason: string;
  newDueAt: Date;
  /** The agency that caused the delay and apologises. */
  agencyName: string;
  signerName: string;
  /** Default 'THỦ TRƯỞNG CƠ QUAN' [U]. */
  signerTitle?: string;
  trackingUrl: string;
}

/** TT 03/2025 Mẫu 05: Thông báo dừng giải quyết hồ sơ. */
export interface StopNoticeData {
  header: FormHeader;
  code: string;
  applicant: Applicant;
  procedure: ProcedureRef;
  requestedAt: Date;
  reason: string;
  signerName?: string;
}

export type Timeliness = 'early' | 'onTime' | 'late';

/** One hand-over of the paper dossier ("Giao: … Nhận: …"). */
export interface ControlSlipRow {
  from: string;
  to: string;
  at: Date;
  result?: Timeliness;
  note?: string;
  /** the post's tracking number when the post carried the papers */
  trackingNumber?: string;
  /** who signed for giving and for taking */
  handedBy?: string;
  receivedBy?: string;
  /** a step with its own time (a bundle member's start, issue 17 §3): `result` judges it against it */
  step?: ControlSlipStep;
}

export interface ControlSlipStep {
  /** the step's allotted time (the member procedure's own duration) */
  allotted?: Duration;
  dueAt?: Date;
  doneAt?: Date;
}

/** Mẫu 05 (2018) / 06 (2025): Phiếu kiểm soát quá trình giải quyết hồ sơ. */
export interface ControlSlipData {
  header: FormHeader;
  code: string;
  applicant: Applicant;
  /** Where the result is to be collected. */
  resultPlace: string;
  rows: ControlSlipRow[];
}

export interface LedgerRow {
  code: string;
  procedureName: string;
  setCount: number;
  applicantName: string;
  applicantAddress: string;
  applicantPhone: string;
  /** Cơ quan chủ trì giải quyết. */
  leadAgencyName: string;
  receivedAt: Date;
  dueAt: Date;
  forwardedAt?: Date;
  resultReceivedAt?: Date;
  returnedAt?: Date;
  note?: string;
}

/** Mẫu 06 (2018) / 07 (2025): Sổ theo dõi hồ sơ (A4 landscape). Columns are [U] (DOMAIN §11.4). */
export interface LedgerData {
  header: FormHeader;
  period: { from: Date; to: Date };
  rows: LedgerRow[];
}

/**
 * Phiếu chuyển xử lý (ND 61/2018 art. 19.6, DOMAIN §1.4 step 4): a bundle's dossier passed from one
 * agency to the next — paper with this slip, electronic at once — naming the task, its time and deadline.
 */
export interface TransferSlipData {
  header: FormHeader;
  /** the bundle (parent) code and its group of procedures */
  bundleCode: string;
  bundleName: string;
  /** the member dossier handed over */
  code: string;
  applicant: Applicant;
  from: string;
  to: string;
  /** the lead agency (cơ quan chủ trì) */
  lead: string;
  /** what the receiving agency is to do */
  task: string;
  mode: 'electronic' | 'paper';
  allotted?: Duration;
  /** the step's deadline; absent while it waits for the previous agency's result */
  dueAt?: Date;
  /** the previous result it waits for or received (e.g. "Số đăng ký khai sinh: 125/2026") */
  facts: string[];
  /** when the hand-off happened; absent: not yet */
  handedAt?: Date;
}
