// What the queue screens read and write (src/appointments/queue-routes.ts): the counter's calls,
// the kiosk (its token in a header, no sign-in) and the display. Types are the server's response
// schemas (type-only imports: nothing of the server is bundled).
import { api, request } from '../api/client';
import type {
  CounterQueueResponse, DisplayBoardResponse, IssuedTicketResponse, KioskInfoResponse, OpenedKioskResponse, QueueTicketResponse,
} from '../../../src/appointments/queue-routes';

export type CounterQueue = CounterQueueResponse;
export type QueueTicket = QueueTicketResponse;
export type IssuedTicket = IssuedTicketResponse;
export type DisplayBoard = DisplayBoardResponse;
export type TicketAction = 'recall' | 'served' | 'noShow';

const base = '/api/v1/counter-queue';

export const counterQueue = (counter: string | null, signal?: AbortSignal) =>
  api.get<CounterQueue>(counter ? `${base}?counter=${encodeURIComponent(counter)}` : base, signal);
export const callNext = (counterCode: string) => api.post<QueueTicket>(`${base}/calls`, { counterCode });
export const actOnTicket = (id: number, action: TicketAction) => api.post<QueueTicket>(`${base}/tickets/${id}/${action}`);

export const openKiosk = () => api.post<OpenedKioskResponse>(`${base}/kiosks`);
const kioskHeaders = (token: string) => ({ 'x-kiosk-token': token });
export const kioskInfo = (token: string) => request<KioskInfoResponse>('GET', `${base}/kiosk`, { headers: kioskHeaders(token) });
export const takeTicket = (token: string, body: { bookingCode?: string; priority?: boolean }) =>
  request<IssuedTicket>('POST', `${base}/kiosk/tickets`, { headers: kioskHeaders(token), body });

export const displayBoard = (code: string, signal?: AbortSignal) => api.get<DisplayBoard>(`${base}/display/${encodeURIComponent(code)}`, signal);
export const displayEventsUrl = (code: string) => `${base}/display/${encodeURIComponent(code)}/events`;
