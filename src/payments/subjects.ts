// How payments find what a subject is, through the owners' public reads (DESIGN §2): a dossier
// by its code in the actor's scope (dossiers' getDossier, which answers 404 outside it), with the
// case chosen at intake and the province it belongs to (online receipts are searched under it).
import { getDossier, getDossierPrintFacts } from '../dossiers/service';
import { unitPathsByCode } from '../directory/references';
import type { ServiceContext } from '../platform/context';
import { isDomainError } from '../platform/errors';
import type { SubjectInfo } from './model';

export async function dossierSubject(ctx: ServiceContext, code: string): Promise<SubjectInfo | null> {
  try {
    const d = await getDossier(ctx, code);
    const facts = (await getDossierPrintFacts(ctx, [code])).get(code);
    if (!facts) return null;
    const provincePaths = await unitPathsByCode(ctx.db, facts.provinceCode);
    return {
      payer: { name: d.applicant.name, ...(d.applicant.personalId ? { personalId: d.applicant.personalId } : {}), ...(d.applicant.phone ? { phone: d.applicant.phone } : {}) },
      procedureCode: d.procedure.code, caseKey: facts.caseKey, unitPath: provincePaths[0] ?? null, dossierCode: d.code, shipmentId: null,
      provinceCode: facts.provinceCode,
    };
  } catch (e) {
    if (isDomainError(e) && (e.kind === 'NotFound' || e.kind === 'Forbidden')) return null;
    throw e;
  }
}
