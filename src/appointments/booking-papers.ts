// The papers to bring to a booking (issue 14 §3): the procedure's list and what of it the
// applicant's document store already holds — only to the signed-in citizen whose verified personal
// ID is the booking's; to anyone else nothing of the store, not even a count (model.ts storeDisclosure).
import { procedureForIntake } from '../catalog/references';
import type { Actor } from '../platform/actor';
import type { ServiceContext } from '../platform/context';
import { papersHeldFor } from '../documents/service';
import type { IsoDate } from '../shared/civil-date';
import type { PaperToBring, StoreHeld } from './booking-view';
import { storeDisclosure } from './model';

export interface ProcedurePapers {
  readonly name: string;
  /** the procedure takes dossiers by post (a visit at home collects it: QĐ 45 art. 1.2) */
  readonly postalAllowed: boolean;
  readonly papers: readonly (Omit<PaperToBring, 'inStore'> & { readonly key: string })[];
}

export async function procedurePapers(ctx: ServiceContext, procedureCode: string, day: IsoDate): Promise<ProcedurePapers> {
  const procedure = await procedureForIntake(ctx.db, procedureCode, day);
  return {
    name: procedure.name,
    postalAllowed: procedure.postalAllowed,
    papers: procedure.requiredPapers.map((p) => ({ key: p.key, name: p.name, originals: p.originals, copies: p.copies, requirement: p.requirement })),
  };
}

/** The papers as the answer shows them, with what the store holds as far as the reader may know it. */
export async function papersToBring(
  ctx: ServiceContext, actor: Actor | null, procedureCode: string, list: ProcedurePapers, personalId: string | null, today: IsoDate,
): Promise<{ papers: PaperToBring[]; store: StoreHeld | null }> {
  const disclosure = storeDisclosure(actor, personalId);
  const plain = (inStore: (key: string) => boolean | null) =>
    list.papers.map(({ key, ...p }) => ({ ...p, inStore: inStore(key) }));
  if (disclosure === 'none' || personalId === null) return { papers: plain(() => null), store: null };
  const held = new Set((await papersHeldFor(ctx.db, personalId, procedureCode, list.papers, today)).map((h) => h.paperKey));
  return { papers: plain((key) => held.has(key)), store: { held: held.size, of: list.papers.length } };
}
