// What the incidents screen reads and writes (src/postal/incident-routes.ts; shapes in src/postal/README.md).
import { api } from '../../api/client';
import type { IncidentResponse } from '../../../../src/postal/schemas';

export type Incident = IncidentResponse;
export type IncidentKind = Incident['kind'];
export type IncidentStatus = Incident['status'];
export const incidentKinds = ['lost', 'damaged', 'late', 'complaint'] as const satisfies readonly IncidentKind[];

export interface IncidentBody {
  readonly kind: IncidentKind;
  readonly description: string;
  readonly reportedBy: string;
  readonly reporterPhone?: string;
}
export interface ResolveBody {
  readonly resolution: string;
  readonly compensation?: { readonly amountVnd: number; readonly recipientName: string; readonly paymentMethod: 'cash' | 'transfer' };
}

export const fetchIncidents = (status: IncidentStatus, signal?: AbortSignal) =>
  api.get<{ items: Incident[] }>(`/api/v1/postal/incidents?status=${status}&limit=200`, signal).then((r) => r.items);
export const recordIncident = (trackingNumber: string, body: IncidentBody) =>
  api.post<Incident>(`/api/v1/postal/legs/${encodeURIComponent(trackingNumber.trim().toUpperCase())}/incidents`, body);
export const resolveIncident = (id: number, body: ResolveBody) => api.post<Incident>(`/api/v1/postal/incidents/${id}/resolve`, body);
