// F766 indicator 1.3 (DOMAIN §6.2): a published procedure is complete when it states its name,
// sequence, method, dossier components and quantity, time limit, target users and implementing
// agency (ND 63/2010 art. 8.2). Pure. The catalogue holds four of the seven parts; the import
// records what its source left out in `defaultsApplied` (src/catalog/national.ts), so a part is
// "missing" when the source did not give it. Sequence (trình tự), method (cách thức) and target
// users (đối tượng) are not imported: they are "notHeld" and cannot fail a procedure, which the
// indicator's explanation says.
import type { ProcedureInput } from './model';
import labels from './labels.vi.json';

export const publicationParts = ['name', 'sequence', 'method', 'papers', 'timeLimit', 'targetUsers', 'agency'] as const;
export type PublicationPart = (typeof publicationParts)[number];
export type PartState = 'present' | 'missing' | 'notHeld';

export const publicationPartLabels = labels.publicationPart satisfies Record<PublicationPart, string>;

export const partsNotHeld: readonly PublicationPart[] = ['sequence', 'method', 'targetUsers'];

export interface Completeness {
  readonly parts: Readonly<Record<PublicationPart, PartState>>;
  readonly missing: readonly PublicationPart[];
  /** no part the catalogue holds is missing */
  readonly complete: boolean;
}

export function publicationCompleteness(p: Pick<ProcedureInput, 'name' | 'requiredPapers' | 'durationValue' | 'competentAgency' | 'defaultsApplied'>): Completeness {
  const defaulted = new Set(p.defaultsApplied.map((d) => d.field));
  const papersGiven = !defaulted.has('requiredPapers') && p.requiredPapers.length > 0
    && p.requiredPapers.every((x) => x.name.trim() !== '' && Number.isInteger(x.originals) && Number.isInteger(x.copies) && x.originals >= 0 && x.copies >= 0);
  const held: Record<Exclude<PublicationPart, 'sequence' | 'method' | 'targetUsers'>, boolean> = {
    name: p.name.trim() !== '',
    papers: papersGiven,
    timeLimit: !defaulted.has('durationValue') && p.durationValue >= 0, // 0: within the day
    agency: !defaulted.has('competentAgency') && p.competentAgency.trim() !== '',
  };
  const parts = Object.fromEntries(publicationParts.map((part) => [part,
    partsNotHeld.includes(part) ? 'notHeld' : held[part as keyof typeof held] ? 'present' : 'missing'])) as Record<PublicationPart, PartState>;
  const missing = publicationParts.filter((part) => parts[part] === 'missing');
  return { parts, missing, complete: missing.length === 0 };
}
