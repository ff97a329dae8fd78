// The directory endpoints as the administration screens read and write them
// (src/directory/routes.ts for reads, src/directory/admin-routes.ts for changes).
import { api, request } from '../../api/client';
import type { Page } from '../../api/types';

export type UnitLevel = 'province' | 'district' | 'commune';
export const unitKinds = ['tinh', 'thanh_pho_tw', 'huyen', 'quan', 'thi_xa', 'thanh_pho', 'xa', 'phuong', 'thi_tran', 'dac_khu'] as const;
export type UnitKind = (typeof unitKinds)[number];
export const agencyKinds = ['people_committee', 'department', 'public_service_centre', 'police', 'social_insurance', 'other'] as const;
export type AgencyKind = (typeof agencyKinds)[number];
/** how dossiers reach an agency's desk (src/directory/model.ts agencyHandovers) */
export const agencyHandovers = ['paper', 'electronic'] as const;
export type AgencyHandover = (typeof agencyHandovers)[number];
export const agencyLevels = ['central', 'province', 'district', 'commune'] as const;
export type AgencyLevel = (typeof agencyLevels)[number];
export const servicePointKinds = ['post_office', 'centre'] as const;
export type ServicePointKind = (typeof servicePointKinds)[number];

// The answers' types are the server's response schemas (src/directory/routes.ts, Static<>).
import type { AgencyView as Agency, OpeningHoursView as OpeningHours, ServicePointView as ServicePoint, UnitLinkView as UnitLink, UnitView as Unit } from '../../../../src/directory/routes';

export type { Agency, OpeningHours, ServicePoint, Unit, UnitLink };

export type UnitVersion = Unit & { readonly successors: readonly UnitLink[]; readonly predecessors: readonly UnitLink[] };

export interface Counter {
  readonly code: string;
  readonly name: string;
  readonly active: boolean;
}

export interface Change {
  readonly at: string;
  readonly actorName: string | null;
  readonly action: string;
  readonly payload: Readonly<Record<string, unknown>>;
}

const query = (params: Record<string, string | undefined>) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
};

export const fetchUnits = (p: { q?: string; level?: string; validOn?: string; parent?: string }, signal?: AbortSignal) =>
  api.get<Page<Unit>>(`/api/v1/units${query({ ...p, limit: '200' })}`, signal);
export const fetchUnit = (code: string, signal?: AbortSignal) =>
  api.get<{ code: string; versions: readonly UnitVersion[] }>(`/api/v1/units/${encodeURIComponent(code)}`, signal);
export const createUnit = (body: Record<string, unknown>) => request<{ code: string; validFrom: string }>('POST', '/api/v1/admin/units', { body });
export const updateUnit = (code: string, validFrom: string, body: Record<string, unknown>) =>
  request<{ code: string; validFrom: string }>('PATCH', `/api/v1/admin/units/${encodeURIComponent(code)}/${validFrom}`, { body });

export const fetchAgencies = (p: { q?: string; level?: string; kind?: string; validOn?: string }, signal?: AbortSignal) =>
  api.get<Page<Agency>>(`/api/v1/agencies${query({ ...p, limit: '300' })}`, signal);
export const createAgency = (body: Record<string, unknown>) => request<{ identifier: string }>('POST', '/api/v1/admin/agencies', { body });
export const updateAgency = (identifier: string, validFrom: string, body: Record<string, unknown>) =>
  request<{ identifier: string }>('PATCH', `/api/v1/admin/agencies/${encodeURIComponent(identifier)}/${validFrom}`, { body });

export const fetchServicePoints = (p: { q?: string; kind?: string; validOn?: string }, signal?: AbortSignal) =>
  api.get<Page<ServicePoint>>(`/api/v1/service-points${query(p)}`, signal);
export const fetchServicePoint = (code: string, signal?: AbortSignal) =>
  api.get<ServicePoint & { counters: readonly Counter[] }>(`/api/v1/service-points/${encodeURIComponent(code)}`, signal);
export const createServicePoint = (body: Record<string, unknown>) => request<{ code: string }>('POST', '/api/v1/admin/service-points', { body });
export const updateServicePoint = (code: string, body: Record<string, unknown>) =>
  request<{ code: string }>('PATCH', `/api/v1/admin/service-points/${encodeURIComponent(code)}`, { body });

export const fetchHistory = (entity: 'unit' | 'agency' | 'servicePoint', key: string, signal?: AbortSignal) =>
  api.get<{ items: readonly Change[] }>(`/api/v1/admin/directory/history${query({ entity, key })}`, signal).then((r) => r.items);
