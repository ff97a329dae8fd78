// For tests that file a dossier of any procedure: the least a list asks (catalog/situations.ts) — its
// always-required papers and, for a list by situation, its first situation with that situation's first paper.
import { paperRequirement, type RequiredPaper } from './model';
import { situationsOfPapers, situationText } from './situations';

export function leastPapers(papers: readonly RequiredPaper[]): { keys: string[]; situation?: string } {
  const required = papers.filter((p) => paperRequirement(p) === 'required').map((p) => p.key);
  const situation = situationsOfPapers(papers)[0];
  if (situation === undefined) return { keys: required };
  const first = papers.find((p) => typeof p.note === 'string' && situationText(p.note) === situation);
  return { keys: [...required, ...(first ? [first.key] : [])], situation };
}
