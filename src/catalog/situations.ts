// The applicant's situation ("trường hợp") of a paper list published by situation (national.ts
// situationsOf: 1.004222 "Đăng ký thường trú" lists 15 papers under 6 situations — one's own home,
// rented or borrowed, a religious establishment…). The applicant is in one of them: intake asks
// which, and wants that situation's papers. Pure; every intake path checks papers through it
// (dossiers/model.ts checkPapers).
import { paperRequirement, type RequiredPaper } from './model';

/** What is wrong with the situation of a dossier, each with its stable code. */
export const situationProblemCodes = ['SITUATION_REQUIRED', 'SITUATION_UNKNOWN', 'SITUATION_NOT_APPLICABLE', 'SITUATION_PAPER_MISSING'] as const;
export type SituationProblemCode = (typeof situationProblemCodes)[number];

export interface SituationProblem {
  readonly code: SituationProblemCode;
  /** the request field at fault */
  readonly path: 'situation' | 'papers';
  /** Vietnamese, naming the situation and its papers */
  readonly message: string;
}

/** A situation's text as compared: NFC, spaces collapsed, no trailing colon. */
export const situationText = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ').trim().replace(/:$/, '');

/** A paper's note as a situation ('' when it has none: stored lists may lack the field). */
const noteOf = (p: RequiredPaper): string => (typeof p.note === 'string' ? situationText(p.note) : '');

/**
 * The situations of a paper list: the notes of its conditional papers, when there are two or more
 * (one note is a heading, not a choice: 1.001193's "Giấy tờ phải nộp"). Papers only shown and
 * papers always required are no situation. The counter reads the same (web/src/counter/checklist.ts).
 */
export function situationsOfPapers(papers: readonly RequiredPaper[]): string[] {
  const notes = papers.filter((p) => paperRequirement(p) === 'conditional').map(noteOf).filter((n) => n !== '');
  const distinct = [...new Set(notes)];
  return distinct.length >= 2 ? distinct : [];
}

const shortName = (name: string): string => (name.length > 120 ? `${name.slice(0, 117)}…` : name);

/**
 * Whether the chosen situation and the papers handed in fit the list. A list without situations
 * takes no situation (null: fine). A list by situation needs one of its situations and at least one
 * of that situation's papers: the published lists do not say which of a situation's papers are
 * indispensable (1.004222 files the vehicle papers under "one's own home", the declaration CT01
 * under two situations only, "Đối với Quân đội …" / "Đối với Công an …" as alternatives), so one
 * of them is the least the server can ask — as the counter does.
 */
export function situationProblem(papers: readonly RequiredPaper[], situation: string | null | undefined, submittedKeys: Iterable<string>): SituationProblem | null {
  const situations = situationsOfPapers(papers);
  const chosen = situation === null || situation === undefined || situation.trim() === '' ? null : situationText(situation);
  if (situations.length === 0) {
    return chosen === null ? null
      : { code: 'SITUATION_NOT_APPLICABLE', path: 'situation', message: 'Thủ tục này không chia thành phần hồ sơ theo trường hợp; bỏ trống trường hợp.' };
  }
  if (chosen === null) {
    return { code: 'SITUATION_REQUIRED', path: 'situation', message: `Chưa chọn trường hợp của người nộp (một trong ${situations.length} trường hợp: ${situations.map((s) => `"${shortName(s)}"`).join('; ')}).` };
  }
  if (!situations.includes(chosen)) {
    return { code: 'SITUATION_UNKNOWN', path: 'situation', message: `Trường hợp "${shortName(chosen)}" không có trong thành phần hồ sơ của thủ tục.` };
  }
  const submitted = new Set(submittedKeys);
  const own = papers.filter((p) => noteOf(p) === chosen);
  if (own.some((p) => submitted.has(p.key))) return null;
  return {
    code: 'SITUATION_PAPER_MISSING', path: 'papers',
    message: `Trường hợp "${shortName(chosen)}": thiếu giấy tờ của trường hợp này — cần ít nhất một trong: ${own.map((p) => shortName(p.name)).join('; ')}.`,
  };
}
