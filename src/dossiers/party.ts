// Who is who on a dossier (issue 9): the person at the counter (the applicant of the intake, from
// the ID card) files for themself, for an organisation they represent (its name, tax code with its
// check digit, and its legal representative), or for another person (named, optionally with their
// personal ID) under an authorisation paper ("giấy ủy quyền", noted by number and date). Pure.
import type { ErrorDetail } from '../platform/errors';
import { applicantKindLabels, isApplicantKind, taxCodeProblem, type ApplicantKind } from '../shared/applicant-kinds';

export interface PartyInput {
  readonly kind: ApplicantKind;
  /** organisation: the organisation the filer represents */
  readonly organisation?: { readonly name: string; readonly taxCode: string; readonly representative: string };
  /** proxy: the person the dossier is for (người ủy quyền) */
  readonly principal?: { readonly name: string; readonly personalId?: string };
  /** proxy: the authorisation paper, e.g. "Giấy ủy quyền số 12/2026/UQ ngày 01/12/2026, chứng thực tại UBND xã Mỹ Tân" */
  readonly authorisation?: string;
}

/** As recorded in the intake event and on the dossier. */
export type Party =
  | { readonly kind: 'person' }
  | { readonly kind: 'organisation'; readonly name: string; readonly taxCode: string; readonly representative: string }
  | { readonly kind: 'proxy'; readonly principalName: string; readonly principalPersonalId: string | null; readonly authorisation: string };

export const PERSON: Party = { kind: 'person' };

const clean = (s: string | undefined): string => (s ?? '').normalize('NFC').trim().replace(/\s+/g, ' ');
const badName = (s: string, max: number) => s.length < 2 || s.length > max || /[<>{}]/.test(s);
const badPersonName = (s: string) => badName(s, 100) || /[0-9]/.test(s);

/** The party as recorded, or the problems of the request (added to `problems`, Vietnamese, per field). */
export function checkParty(input: PartyInput | undefined, filerPersonalId: string, problems: ErrorDetail[]): Party {
  if (input === undefined) return PERSON;
  if (!isApplicantKind(input.kind)) {
    problems.push({ path: 'party.kind', message: 'Người nộp hồ sơ phải là: cá nhân tự nộp, tổ chức hoặc người nộp thay.' });
    return PERSON;
  }
  const stray = (path: string, present: boolean, what: string) => { if (present) problems.push({ path, message: `${what} chỉ nhập khi ${path === 'party.organisation' ? 'nộp cho tổ chức' : 'nộp thay người khác'}.` }); };
  if (input.kind !== 'organisation') stray('party.organisation', input.organisation !== undefined, 'Thông tin tổ chức');
  if (input.kind !== 'proxy') {
    stray('party.principal', input.principal !== undefined, 'Người được nộp thay');
    stray('party.authorisation', input.authorisation !== undefined, 'Giấy ủy quyền');
  }
  switch (input.kind) {
    case 'person': return PERSON;
    case 'organisation': {
      const o = input.organisation;
      const name = clean(o?.name), taxCode = clean(o?.taxCode), representative = clean(o?.representative);
      if (badName(name, 200)) problems.push({ path: 'party.organisation.name', message: 'Nhập tên tổ chức (2–200 ký tự).' });
      const taxProblem = taxCodeProblem(taxCode);
      if (taxProblem !== null) problems.push({ path: 'party.organisation.taxCode', message: taxProblem });
      if (badPersonName(representative)) problems.push({ path: 'party.organisation.representative', message: 'Nhập họ tên người đại diện theo pháp luật của tổ chức.' });
      return { kind: 'organisation', name, taxCode, representative };
    }
    case 'proxy': {
      const p = input.principal;
      const principalName = clean(p?.name), principalPersonalId = clean(p?.personalId), authorisation = clean(input.authorisation);
      if (badPersonName(principalName)) problems.push({ path: 'party.principal.name', message: 'Nhập họ tên người được nộp thay (người ủy quyền).' });
      if (principalPersonalId !== '' && !/^\d{12}$/.test(principalPersonalId)) problems.push({ path: 'party.principal.personalId', message: 'Số định danh cá nhân của người được nộp thay gồm 12 chữ số.' });
      else if (principalPersonalId === filerPersonalId) problems.push({ path: 'party.principal.personalId', message: 'Người được nộp thay phải là người khác với người nộp hồ sơ.' });
      if (authorisation.length < 3 || authorisation.length > 300) problems.push({ path: 'party.authorisation', message: 'Ghi giấy ủy quyền (số, ngày, nơi chứng thực).' });
      return { kind: 'proxy', principalName, principalPersonalId: principalPersonalId === '' ? null : principalPersonalId, authorisation };
    }
  }
}

/** A recorded party read back from an event or a row (anything else: a person). */
export function partyOf(v: unknown): Party {
  const p = v as Record<string, unknown> | null | undefined;
  if (p?.kind === 'organisation' && typeof p.name === 'string') return p as unknown as Party;
  if (p?.kind === 'proxy' && typeof p.principalName === 'string') return p as unknown as Party;
  return PERSON;
}

/**
 * Who is who on the slips: whose dossier it is ("Tiếp nhận hồ sơ của"), then who filed it and in
 * what capacity. The filer signs as "Người nộp hồ sơ".
 */
export function partyLines(party: Party, filerName: string): { subject: string; lines: { label: string; value: string }[] } {
  switch (party.kind) {
    case 'person': return { subject: filerName, lines: [] };
    case 'organisation': return {
      subject: `${party.name} (MST ${party.taxCode})`,
      lines: [{ label: 'Người đại diện theo pháp luật', value: party.representative }, { label: 'Người nộp hồ sơ', value: filerName }],
    };
    case 'proxy': return {
      subject: party.principalPersonalId ? `${party.principalName} (số định danh ${party.principalPersonalId})` : party.principalName,
      lines: [{ label: 'Người nộp thay', value: filerName }, { label: 'Theo giấy ủy quyền', value: party.authorisation }],
    };
  }
}

export const partyKindLabel = (party: Party): string => applicantKindLabels.vi[party.kind];
