// The citizen's reads: their own dossiers (GET /api/v1/dossiers, which the server restricts to
// the signed-in citizen's personal ID — no filter is needed or trusted) and procedure names.
import { api } from '../api/client';
import type { DossierListItem } from '../processing/api';

/** Dossiers per page (the search route's largest page). */
export const MY_DOSSIERS_LIMIT = 200;

export interface MyDossiers {
  /** `rated`: already rated (the list offers the rating only where it is still possible) */
  readonly items: readonly (DossierListItem & { readonly rated: boolean })[];
  /** how many dossiers the citizen has; more than `items` when the list is cut at the limit */
  readonly total: number;
  readonly totalIsLowerBound?: boolean;
}

/** Newest received first (dossiers not yet received, online and awaiting the counter, before them), from `offset`. */
export const fetchMyDossiers = (offset: number, signal?: AbortSignal) =>
  api.get<MyDossiers>(`/api/v1/dossiers?limit=${MY_DOSSIERS_LIMIT}${offset > 0 ? `&offset=${offset}` : ''}`, signal);

export const fetchProcedureName = (code: string, signal?: AbortSignal) =>
  api.get<{ name: string }>(`/api/v1/procedures/${encodeURIComponent(code)}`, signal).then((p) => p.name);
