// What the cashier's screens read and write (src/payments/cashier-routes.ts, reconciliation-routes.ts):
// the shift, payments at the counter, receipts and refunds, the day's reconciliation.
// The answers' types are the server's response schemas (type-only imports: nothing is bundled).
import { api } from '../api/client';
import type { ReceiptResponse, ShiftResponse } from '../../../src/payments/cashier-routes';
import type { ReconciliationResponse } from '../../../src/payments/reconciliation-routes';
import type { PaymentStateResponse } from '../../../src/payments/routes';

export type Receipt = ReceiptResponse;
export type Shift = ShiftResponse;
export type Reconciliation = ReconciliationResponse;
export type DossierDue = PaymentStateResponse;
export interface Refund { readonly receiptNumber: string; readonly amountVnd: number; readonly method: string }
export interface ReceiptQuery { number?: string; payer?: string; dossierCode?: string; from?: string; to?: string }

const enc = encodeURIComponent;
const query = (q: Record<string, string | undefined>) =>
  Object.entries(q).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].trim() !== '').map(([k, v]) => `${k}=${enc(v.trim())}`).join('&');

export const currentShift = (signal?: AbortSignal) => api.get<{ shift: Shift | null }>('/api/v1/payments/shifts/current', signal);
export const openShift = (openingCashVnd: number) => api.post<Shift>('/api/v1/payments/shifts', { openingCashVnd });
export const closeShift = (countedCashVnd: number, note: string) =>
  api.post<Shift>('/api/v1/payments/shifts/current/close', { countedCashVnd, ...(note.trim() ? { note: note.trim() } : {}) });
export const dossierDue = (code: string) => api.get<DossierDue>(`/api/v1/payments/state?kind=dossier&id=${enc(code)}`);
export const takePayment = (dossierCode: string, paymentMethod: 'cash' | 'card') =>
  api.post<{ id: number; number: string; amountVnd: number }>('/api/v1/payments/counter', { dossierCode, paymentMethod });
export const searchReceipts = (q: ReceiptQuery, signal?: AbortSignal) =>
  api.get<{ items: Receipt[] }>(`/api/v1/payments/receipts?${query({ ...q })}`, signal);
export const refund = (receiptId: number, reason: string, amountVnd?: number) =>
  api.post<Refund>(`/api/v1/payments/receipts/${receiptId}/refunds`, { reason, ...(amountVnd ? { amountVnd } : {}) });
export const receiptPdfUrl = (id: number) => `/api/v1/payments/receipts/${id}/receipt.pdf`;
export const reconciliationOf = (day: string, signal?: AbortSignal) => api.get<Reconciliation>(`/api/v1/payments/reconciliation?day=${day}`, signal);
export const reconciliationXlsxUrl = (day: string) => `/api/v1/payments/reconciliation?day=${day}&format=xlsx`;
export const importSettlement = (day: string, csv: string) => api.post<unknown>('/api/v1/payments/settlements', { day, csv });

/** Đồng as people read them: "1.250.000". */
export const money = (n: number) => n.toLocaleString('vi-VN');
/** Whole đồng typed with or without dots ("1.250.000", "1250000"); null when not a whole amount. */
export function parseMoney(text: string): number | null {
  const s = text.replace(/[.\s,]/g, '');
  return /^\d{1,12}$/.test(s) ? Number(s) : null;
}
