// The paper checklist of a procedure at the counter. Pure.
import type { PaperSource, RequiredPaper } from './api';

export interface PaperRow {
  readonly key: string;
  readonly name: string;
  readonly note: string | null;
  /** required by the published list (conditional papers are not) */
  readonly required: boolean;
  readonly included: boolean;
  readonly originals: number;
  readonly copies: number;
  readonly source: PaperSource;
}

/** Whether a listed paper is always required: the catalogue decides (src/catalog/model.ts paperRequirement). */
export const isPaperRequired = (p: RequiredPaper): boolean => p.requirement === 'required';

export function checklistOf(papers: readonly RequiredPaper[]): PaperRow[] {
  return papers.map((p) => {
    const required = isPaperRequired(p);
    // every paper starts unticked: the clerk checks each one handed in (issue 9)
    return { key: p.key, name: p.name, note: p.note, required, included: false, originals: p.originals, copies: p.copies, source: 'paper' };
  });
}

/** The papers to send: the rows ticked, with their counts and source. */
export function papersToSend(rows: readonly PaperRow[]) {
  return rows.filter((r) => r.included).map((r) => ({
    key: r.key, originals: Math.max(0, Math.trunc(r.originals)), copies: Math.max(0, Math.trunc(r.copies)), source: r.source, digitized: r.source !== 'paper',
  }));
}

/** Required papers left unticked. */
export function missingPapers(rows: readonly PaperRow[]): PaperRow[] {
  return rows.filter((r) => r.required && !r.included);
}
