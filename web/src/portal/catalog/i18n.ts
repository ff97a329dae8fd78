// Texts of the portal's procedure catalogue: search, a procedure's page, its eligibility questions.
import { defineBundle } from '../../i18n/bundle';
import vi from './i18n.vi.json';
import en from './i18n.en.json';

export const useProcedureInfoT = defineBundle('portalCatalog', vi, en);
export type ProcedureInfoT = ReturnType<typeof useProcedureInfoT>;
