// The paper checklist of a procedure at the counter. Pure.
import type { PaperSource, RequiredPaper } from './api';

export interface PaperRow {
  readonly key: string;
  readonly name: string;
  readonly note: string | null;
  /** required by the published list (conditional papers are not) */
  readonly required: boolean;
  /** submitted only in the case its note names (a situation's paper); a paper only shown is not */
  readonly conditional?: boolean;
  readonly included: boolean;
  readonly originals: number;
  readonly copies: number;
  /** the scan of this paper, composed into one file (POST /api/v1/files/compose) */
  readonly fileId: number | null;
  /** a document of the applicant's store used instead of a new scan */
  readonly reusedDocumentId: number | null;
}

/** Whether a listed paper is always required: the catalogue decides (src/catalog/model.ts paperRequirement). */
export const isPaperRequired = (p: RequiredPaper): boolean => p.requirement === 'required';

export function checklistOf(papers: readonly RequiredPaper[]): PaperRow[] {
  return papers.map((p) => {
    const required = isPaperRequired(p);
    // every paper starts unticked: the clerk checks each one handed in (issue 9)
    return { key: p.key, name: p.name, note: p.note, required, conditional: p.requirement === 'conditional', included: false, originals: p.originals, copies: p.copies, fileId: null, reusedDocumentId: null };
  });
}

/**
 * Where the paper comes from: reused from the store, scanned when its scan is attached — a paper
 * counts as digitized only then (issue 12 §2) —, else paper only.
 */
export function paperSource(row: Pick<PaperRow, 'fileId' | 'reusedDocumentId'>): PaperSource {
  if (row.reusedDocumentId !== null) return 'reused';
  return row.fileId !== null ? 'scanned' : 'paper';
}

/** The papers to send: the rows ticked, with their counts, source and the scan or stored document. */
export function papersToSend(rows: readonly PaperRow[]) {
  return rows.filter((r) => r.included).map((r) => {
    const source = paperSource(r);
    return {
      key: r.key, originals: Math.max(0, Math.trunc(r.originals)), copies: Math.max(0, Math.trunc(r.copies)), source, digitized: source !== 'paper',
      ...(source === 'reused' && r.reusedDocumentId !== null ? { reusedDocumentId: r.reusedDocumentId } : {}),
      ...(source === 'scanned' && r.fileId !== null ? { fileId: r.fileId } : {}),
    };
  });
}

/** Required papers left unticked. */
export function missingPapers(rows: readonly PaperRow[]): PaperRow[] {
  return rows.filter((r) => r.required && !r.included);
}

/**
 * The situations of a list published by situation (src/catalog/national.ts situationsOf: 1.004222's
 * "vào chỗ ở hợp pháp thuộc quyền sở hữu của mình", "… do thuê, mượn, ở nhờ"…): the notes of its
 * conditional papers, when there are two or more — the applicant is in one of them. Papers only
 * shown ("Giấy tờ phải xuất trình", 1.001193) are no situation.
 */
export function situationsOf(rows: readonly PaperRow[]): string[] {
  const notes = [...new Set(rows.filter((r) => r.conditional === true && r.note).map((r) => r.note ?? ''))];
  return notes.length >= 2 ? notes : [];
}

/** The rows the clerk goes through for the applicant's situation: its papers and those of every situation; all while none is chosen. */
export function rowsOfSituation(rows: readonly PaperRow[], situation: string | null): PaperRow[] {
  const situations = situationsOf(rows);
  if (situation === null || situations.length === 0) return [...rows];
  return rows.filter((r) => r.note === situation || r.note === null || !situations.includes(r.note));
}

/** A list by situation asks for one of them: the situation chosen and at least one of its papers handed in. */
export function situationMissing(rows: readonly PaperRow[], situation: string | null): 'choose' | 'paper' | null {
  if (situationsOf(rows).length === 0) return null;
  if (situation === null) return 'choose';
  return rows.some((r) => r.note === situation && r.included) ? null : 'paper';
}

/**
 * The papers form 02 asks for ("Điền các giấy tờ bắt buộc chưa đánh dấu"): the always-required papers
 * not ticked and, for a list by situation, the chosen situation's papers not ticked — or
 * 'chooseSituation' while the applicant's situation is not chosen (nothing to fill yet).
 */
export function papersToSupplement(rows: readonly PaperRow[], situation: string | null): PaperRow[] | 'chooseSituation' {
  const situations = situationsOf(rows);
  if (situations.length === 0) return missingPapers(rows);
  if (situation === null) return 'chooseSituation';
  return rows.filter((r) => !r.included && (r.required || r.note === situation));
}
