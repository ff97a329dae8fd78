// What the payment pages read and write (src/payments/routes.ts): a subject's fees and payment
// state, a payment order (the redirect to the gateway), and an order's verified outcome.
// The answers' types are the server's response schemas (type-only imports: nothing is bundled).
import { api } from '../../api/client';
import type { PaymentOrderResponse, PaymentOutcomeResponse, PaymentStateResponse } from '../../../../src/payments/routes';

export type Outcome = PaymentOutcomeResponse;
export type PayState = PaymentStateResponse;
export type PaySubject = { readonly kind: 'dossier' | 'draft'; readonly id: string };

/** The page the gateway sends the payer back to (src/payments/gateway-callbacks.ts PAY_RESULT_PAGE). */
export const payResultPath = '/thanh-toan/ket-qua';

export const fetchOutcome = (orderId: string, signal?: AbortSignal) =>
  api.get<Outcome>(`/api/v1/public/payments/orders/${encodeURIComponent(orderId)}`, signal);
export const fetchPayState = (s: PaySubject, signal?: AbortSignal) =>
  api.get<PayState>(`/api/v1/payments/state?kind=${s.kind}&id=${encodeURIComponent(s.id)}`, signal);
export const createOrder = (subject: PaySubject) =>
  api.post<PaymentOrderResponse>('/api/v1/payments/orders', { subject, returnUrl: payResultPath });
export const receiptPdfUrl = (receiptId: number) => `/api/v1/payments/receipts/${receiptId}/receipt.pdf`;
