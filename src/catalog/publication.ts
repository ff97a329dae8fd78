// Indicator 1.3 over the catalogue: the procedures of a province in force on a date, how many
// are complete (src/catalog/completeness.ts), and which parts the incomplete ones miss.
import type { Database } from '../platform/db/connect';
import { publicationCompleteness, type PublicationPart } from './completeness';
import type { DefaultApplied, RequiredPaper } from './model';

export interface PublicationFigures {
  readonly onDate: string;
  /** procedures in force with every part the catalogue holds */
  readonly complete: number;
  /** procedures in force */
  readonly total: number;
  readonly incomplete: readonly { code: string; name: string; missing: readonly PublicationPart[] }[];
}

/** `provinceCode` null: every province's catalogue (a national scope). */
export async function publicationFigures(db: Database, provinceCode: string | null, onDate: string): Promise<PublicationFigures> {
  let query = db.selectFrom('procedures')
    .select(['code', 'name', 'required_papers', 'duration_value', 'competent_agency', 'defaults_applied'])
    .where('effective_from', '<=', onDate)
    .where((eb) => eb.or([eb('effective_to', 'is', null), eb('effective_to', '>', onDate)]));
  if (provinceCode !== null) query = query.where('province_code', '=', provinceCode);
  const rows = await query.orderBy('code').execute();
  const incomplete: { code: string; name: string; missing: readonly PublicationPart[] }[] = [];
  for (const r of rows) {
    const c = publicationCompleteness({
      name: r.name, requiredPapers: r.required_papers as RequiredPaper[], durationValue: Number(r.duration_value),
      competentAgency: r.competent_agency, defaultsApplied: r.defaults_applied as DefaultApplied[],
    });
    if (!c.complete) incomplete.push({ code: r.code, name: r.name, missing: c.missing });
  }
  return { onDate, complete: rows.length - incomplete.length, total: rows.length, incomplete };
}
