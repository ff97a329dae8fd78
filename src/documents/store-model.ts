// The applicant's document store (issue 12 §4, DOMAIN §10.3): which documents it holds, which of
// them may be offered again, and which papers of a procedure it already holds. Pure: no I/O, no
// clock (today is an argument).
//
// Catalogue paper keys are per procedure ("p1", "p2"…), so a paper of one procedure is matched to a
// stored document of another by the KIND of document its name describes (an identity card, a
// birth certificate, a land-use certificate…). Forms and requests ("Tờ khai", "Đơn đề nghị") are
// filled for one dossier and are never offered again; an unrecognised name matches only the same
// paper of the same procedure.

/** Kinds of documents that stay true beyond one dossier, recognised from a paper's or result's name. */
export const documentTypes = [
  'identity', 'birthCertificate', 'birthNotice', 'deathNotice', 'marriageCertificate', 'maritalStatus',
  'residenceProof', 'landCertificate', 'buildingPermit', 'authorisation', 'civilStatusExtract',
] as const;
export type DocumentType = (typeof documentTypes)[number];

export const documentTypeLabels: Readonly<Record<DocumentType, string>> = {
  identity: 'Giấy tờ tùy thân (căn cước, hộ chiếu)',
  birthCertificate: 'Giấy khai sinh',
  birthNotice: 'Giấy chứng sinh',
  deathNotice: 'Giấy báo tử',
  marriageCertificate: 'Giấy chứng nhận kết hôn',
  maritalStatus: 'Giấy xác nhận tình trạng hôn nhân',
  residenceProof: 'Giấy tờ chứng minh nơi cư trú',
  landCertificate: 'Giấy chứng nhận quyền sử dụng đất',
  buildingPermit: 'Giấy phép xây dựng',
  authorisation: 'Văn bản ủy quyền',
  civilStatusExtract: 'Trích lục hộ tịch',
};

/** Names filled for one dossier: never reused. */
const ONE_DOSSIER = /^(tờ khai|mẫu (hộ tịch )?điện tử|đơn |văn bản đề nghị|phiếu |bản vẽ|hồ sơ thiết kế|nội dung|đề nghị)/;

/** First match wins: the more specific phrases come first. */
const PATTERNS: readonly (readonly [DocumentType, RegExp])[] = [
  ['maritalStatus', /xác nhận tình trạng hôn nhân/],
  ['marriageCertificate', /(giấy )?chứng nhận kết hôn/],
  ['landCertificate', /giấy chứng nhận (quyền sử dụng đất|quyền sở hữu nhà|đã cấp)|^giấy chứng nhận$/],
  ['buildingPermit', /giấy phép xây dựng/],
  ['birthNotice', /giấy chứng sinh/],
  ['deathNotice', /giấy báo tử/],
  ['civilStatusExtract', /trích lục/],
  ['birthCertificate', /giấy khai sinh/],
  ['identity', /căn cước|hộ chiếu|chứng minh nhân dân/],
  ['residenceProof', /(chứng minh|xác nhận)( thông tin)? (về )?(nơi )?cư trú/],
  ['authorisation', /văn bản ủy quyền|giấy ủy quyền/],
];

/** The name as compared: NFC, lower case, without the list's leading dashes and pluses, "uỷ" spelled "ủy". */
export const normalizedName = (name: string): string =>
  name.normalize('NFC').toLowerCase().replace(/^[\s*+\-–]+/, '').replace(/uỷ/g, 'ủy').replace(/\s+/g, ' ').trim();

/**
 * The kind of document a paper's or result's name describes, from its first clause (the
 * alternatives after a semicolon do not count); null for forms and for names not recognised.
 */
export function documentTypeOf(name: string): DocumentType | null {
  const first = normalizedName(name).split(';')[0] ?? '';
  if (ONE_DOSSIER.test(first)) return null;
  for (const [type, re] of PATTERNS) if (re.test(first)) return type;
  return null;
}

/** Who holds a store: a person by their 12-digit personal ID, an organisation by its tax code. */
export interface Holder {
  readonly kind: 'person' | 'organisation';
  readonly id: string;
}

/** The holder of a dossier's papers, from its intake event: the organisation it was filed for, else the applicant. */
export function holderOfIntake(payload: Readonly<Record<string, unknown>>): Holder | null {
  const party = payload.party as { kind?: unknown; taxCode?: unknown } | undefined;
  if (party?.kind === 'organisation' && typeof party.taxCode === 'string') return { kind: 'organisation', id: party.taxCode };
  return typeof payload.personalId === 'string' && /^[0-9]{12}$/.test(payload.personalId) ? { kind: 'person', id: payload.personalId } : null;
}

/** What the store keeps of one document. */
export interface StoredDocument {
  readonly id: number;
  readonly paperKey: string | null;
  readonly docType: DocumentType | null;
  readonly title: string;
  readonly fileId: number;
  readonly sourceKind: 'digitized' | 'result';
  readonly sourceDossierCode: string;
  readonly sourceProcedureCode: string;
  /** YYYY-MM-DD; null: not known */
  readonly validFrom: string | null;
  readonly validUntil: string | null;
}

export interface Consent {
  readonly givenAt: string;
  readonly purpose: string;
  readonly givenVia: 'counter' | 'postal' | 'portal';
}

/** The purpose the applicant agrees to, word for word as recorded with the consent. */
export const STORE_CONSENT_PURPOSE = 'Lưu giữ giấy tờ đã số hóa và kết quả điện tử vào kho dữ liệu của cá nhân, tổ chức để sử dụng lại khi thực hiện thủ tục hành chính sau này, không phải nộp lại.';

/** Why a stored document cannot be offered today (null: it can). */
export type NotReusable = 'noConsent' | 'expired' | 'notYetValid' | 'oneDossierOnly';

/** Whether a name is that of a form or request filled for one dossier. */
export const isOneDossierPaper = (name: string): boolean => ONE_DOSSIER.test(normalizedName(name).split(';')[0] ?? '');

export function whyNotReusable(doc: Pick<StoredDocument, 'docType' | 'paperKey' | 'title' | 'validFrom' | 'validUntil'>, consent: Consent | null, today: string): NotReusable | null {
  if (consent === null) return 'noConsent';
  if (doc.docType === null && isOneDossierPaper(doc.title)) return 'oneDossierOnly';
  if (doc.validUntil !== null && doc.validUntil < today) return 'expired';
  if (doc.validFrom !== null && doc.validFrom > today) return 'notYetValid';
  if (doc.docType === null && doc.paperKey === null) return 'oneDossierOnly';
  return null;
}

export interface RequiredPaperRef {
  readonly key: string;
  readonly name: string;
}

/**
 * Whether a stored document may stand for a paper of a procedure: the same kind of document, or,
 * for a name not recognised, the same paper of the same procedure (a repeat filing).
 */
export function documentFits(doc: Pick<StoredDocument, 'docType' | 'paperKey' | 'sourceKind' | 'sourceProcedureCode'>, procedureCode: string, paper: RequiredPaperRef): boolean {
  const wanted = documentTypeOf(paper.name);
  if (wanted !== null) return doc.docType === wanted;
  if (isOneDossierPaper(paper.name)) return false;
  return doc.sourceKind === 'digitized' && doc.paperKey === paper.key && doc.sourceProcedureCode === procedureCode;
}

export interface HeldPaper {
  readonly paperKey: string;
  readonly paperName: string;
  /** the stored documents that may be reused for it, newest first */
  readonly documentIds: number[];
}

/** The papers of a procedure the store already holds, with the documents that may be reused for each (newest first). */
export function heldForProcedure(
  procedureCode: string, papers: readonly RequiredPaperRef[], docs: readonly StoredDocument[], consent: Consent | null, today: string,
): HeldPaper[] {
  const usable = docs.filter((d) => whyNotReusable(d, consent, today) === null);
  return papers.flatMap((p) => {
    const ids = usable.filter((d) => documentFits(d, procedureCode, p)).sort((a, b) => b.id - a.id).map((d) => d.id);
    return ids.length > 0 ? [{ paperKey: p.key, paperName: p.name, documentIds: ids }] : [];
  });
}

/** Why a reuse at intake is refused (Vietnamese, for the 400's detail), or null when it may be reused. */
export function reuseProblem(
  doc: (StoredDocument & { readonly holder: Holder }) | null, holder: Holder | null, procedureCode: string, paper: RequiredPaperRef, consent: Consent | null, today: string,
): string | null {
  if (doc === null || holder === null || doc.holder.kind !== holder.kind || doc.holder.id !== holder.id) return 'Không tìm thấy giấy tờ này trong kho dữ liệu của người nộp.';
  const why = whyNotReusable(doc, consent, today);
  if (why === 'noConsent') return 'Người nộp chưa đồng ý lưu giữ và sử dụng lại giấy tờ trong kho dữ liệu.';
  if (why === 'expired') return `Giấy tờ trong kho đã hết hiệu lực (${doc.validUntil ?? ''}).`;
  if (why === 'notYetValid') return `Giấy tờ trong kho chưa có hiệu lực (${doc.validFrom ?? ''}).`;
  if (why !== null || !documentFits(doc, procedureCode, paper)) return `Giấy tờ "${doc.title}" trong kho không dùng thay được cho "${paper.name}".`;
  return null;
}
