// What the courier's screens read and write (src/postal routes; the list in src/postal/README.md).
// The answers' types are the server's response schemas (type-only imports: nothing is bundled).
import { api, request } from '../api/client';
import type { DayPlanResponse } from '../../../src/postal/day-plan-routes';
import type { ChargesResponse, HandoverAgenciesResponse } from '../../../src/postal/courier-routes';
import type { DraftAnswerResponse, HandoverRecordResponse, ShipmentResponse } from '../../../src/postal/schemas';
import type { DossierTransfersResponse, ForwardByPostResponse, TransferAgenciesResponse, TransferPostageResponse } from '../../../src/postal/transfer-routes';

export type Shipment = ShipmentResponse;
export type Leg = Shipment['legs'][number];
export type DayPlan = DayPlanResponse;
export type DayStop = DayPlan['stops'][number];
export type Charges = ChargesResponse;
export type HandoverRecord = HandoverRecordResponse;
export type DraftAnswer = DraftAnswerResponse;
export type HandoverAgency = HandoverAgenciesResponse['items'][number];

export interface Position { readonly lat: number; readonly lon: number }
export interface Signature { readonly name: string; readonly personalId?: string; readonly image: string }
export type PaymentMethod = 'cash' | 'transfer' | 'card' | 'qr';

export interface DraftBody {
  readonly idCardQr?: string;
  readonly applicant?: { personalId?: string; name?: string; phone?: string; birthDate?: string; address?: string };
  readonly formData?: Record<string, unknown>;
  readonly papers?: readonly { key: string; source: 'scanned' | 'paper'; originals?: number; copies?: number; digitized?: boolean; fileId?: number }[];
  readonly delivery?: { method: 'counter' | 'post' | 'online'; address?: string };
  readonly caseKey?: string;
  /** a list by situation: the applicant's situation (the server requires it before sealing) */
  readonly situation?: string | null;
  readonly weightGrams?: number;
}

const enc = encodeURIComponent;
const withPosition = <B extends object>(body: B, position: Position | null) => (position ? { ...body, position } : body);

export const fetchDayPlan = (signal?: AbortSignal) => api.get<DayPlan>('/api/v1/postal/day-plan', signal);
export const fetchShipments = (query: string, signal?: AbortSignal) => api.get<{ items: Shipment[] }>(`/api/v1/postal/shipments?${query}`, signal).then((r) => r.items);
export const fetchShipment = (id: number, signal?: AbortSignal) => api.get<Shipment>(`/api/v1/postal/shipments/${id}`, signal);
export const assignToMe = (trackingNumber: string) => api.post<Shipment>(`/api/v1/postal/legs/${enc(trackingNumber)}/assign`, {});
export const saveDraft = (id: number, body: DraftBody) => request<DraftAnswer>('PUT', `/api/v1/postal/shipments/${id}/draft`, { body });
export const fetchCharges = (id: number, weightGrams: number, signal?: AbortSignal) =>
  api.get<Charges>(`/api/v1/postal/shipments/${id}/charges?weightGrams=${weightGrams}`, signal);

export interface CollectBody {
  readonly items: readonly { kind: 'fee' | 'postage'; label: string; amountVnd: number }[];
  readonly paymentMethod: PaymentMethod;
  readonly applicantSignature: Signature;
  readonly courierSignature: Signature;
}
export const collectPickup = (id: number, body: CollectBody, position: Position | null) =>
  api.post<Shipment>(`/api/v1/postal/shipments/${id}/collect`, withPosition(body, position));

export const fetchHandoverAgencies = (signal?: AbortSignal) => api.get<{ items: HandoverAgency[] }>('/api/v1/postal/handover-agencies', signal).then((r) => r.items);
export interface HandoverBody {
  readonly agencyId: number;
  readonly trackingNumbers: readonly string[];
  readonly receiver: { name: string; personalId?: string };
  readonly courierSignature: Signature;
  readonly receiverSignature: Signature;
  readonly remittedVnd?: number;
}
export const signHandover = (body: HandoverBody) => api.post<HandoverRecord>('/api/v1/postal/handovers', body);

export const collectResult = (trackingNumber: string, body: { agencySignature: Signature; courierSignature: Signature }, position: Position | null) =>
  api.post<Shipment>(`/api/v1/postal/legs/${enc(trackingNumber)}/collect-result`, withPosition(body, position));
export type AttemptBody =
  | { readonly outcome: 'delivered'; readonly recipient: { name: string; personalId: string; authorisation?: string }; readonly signature: Signature }
  | { readonly outcome: 'failed'; readonly reason: string };
export const recordAttempt = (trackingNumber: string, body: AttemptBody, position: Position | null) =>
  api.post<Shipment>(`/api/v1/postal/legs/${enc(trackingNumber)}/attempts`, withPosition(body, position));
export const returnToAgency = (trackingNumber: string, body: { agencySignature: Signature }, position: Position | null) =>
  api.post<Shipment>(`/api/v1/postal/legs/${enc(trackingNumber)}/return-to-agency`, withPosition(body, position));

export const notePdfUrl = (trackingNumber: string) => `/api/v1/postal/legs/${enc(trackingNumber)}/note.pdf`;
export const recordPdfUrl = (id: number) => `/api/v1/postal/handovers/${id}/record.pdf`;

export const collectTransfer = (trackingNumber: string, body: { weightGrams: number; senderSignature: Signature; courierSignature: Signature }, position: Position | null) =>
  api.post<Shipment>(`/api/v1/postal/legs/${enc(trackingNumber)}/collect-transfer`, withPosition(body, position));
/** What a transfer's parcel of that weight costs the sending agency (shown before both sign). */
export const fetchTransferPostage = (trackingNumber: string, weightGrams: number, signal?: AbortSignal) =>
  api.get<TransferPostageResponse>(`/api/v1/postal/legs/${enc(trackingNumber)}/transfer-postage?weightGrams=${weightGrams}`, signal);
export const handOverTransfer = (trackingNumber: string, body: { receiver: { name: string; personalId?: string }; receiverSignature: Signature; courierSignature: Signature }, position: Position | null) =>
  api.post<Shipment>(`/api/v1/postal/legs/${enc(trackingNumber)}/hand-over-transfer`, withPosition(body, position));

export type DossierTransfer = DossierTransfersResponse['items'][number];
export const fetchDossierTransfers = (code: string, signal?: AbortSignal) =>
  api.get<DossierTransfersResponse>(`/api/v1/postal/dossiers/${enc(code)}/transfers`, signal).then((r) => r.items);
export const fetchTransferAgencies = (signal?: AbortSignal) => api.get<TransferAgenciesResponse>('/api/v1/postal/transfer-agencies', signal).then((r) => r.items);
export const requestTransfer = (body: { dossierCodes: string[]; toAgencyId: number; contents: string; note?: string }) => api.post<Shipment>('/api/v1/postal/transfers', body);

export type ForwardByPost = ForwardByPostResponse;
export const fetchForwardByPost = (code: string, signal?: AbortSignal) => api.get<ForwardByPost>(`/api/v1/postal/dossiers/${enc(code)}/forward-by-post`, signal);
export const forwardByPost = (code: string, body: { courierId?: number; note?: string }) => api.post<Shipment>(`/api/v1/postal/dossiers/${enc(code)}/forward-by-post`, body);
