// What the portal reads and writes (src/appointments/routes.ts and portal-routes.ts). Types are the
// server's answer schemas (type-only imports: nothing of the server is bundled).
import type { Static } from '@fastify/type-provider-typebox';
import { api } from '../api/client';
import type { PortalServicePointsResponse } from '../../../src/appointments/portal-routes';
import type {
  BookingResponse, BookingWithLinkResponse, CodeSentSchema, HomeCommunesResponse, PhoneVerificationSchema, PickupResponse, SlotListResponse,
} from '../../../src/appointments/schemas';

export type ServicePointHit = PortalServicePointsResponse['items'][number];
export type SlotList = SlotListResponse;
export type Slot = SlotList['slots'][number];
export type Booking = BookingResponse;
export type BookingWithLink = BookingWithLinkResponse;
export type CodeSent = Static<typeof CodeSentSchema>;
export type PhoneVerification = Static<typeof PhoneVerificationSchema>;
export type Pickup = PickupResponse;
/** At the counter: to file a dossier, or to pick up a result. */
export type CounterPurpose = 'intake' | 'pickup';
/** …or a courier's visit at home. */
export type Purpose = CounterPurpose | 'home';
/** A commune where couriers visit homes, with the service point that sends them. */
export type HomeCommune = HomeCommunesResponse['items'][number];

const base = '/api/v1/appointments';
const q = (params: Record<string, string>) => new URLSearchParams(params).toString();

export const findServicePoints = (text: string, signal?: AbortSignal) =>
  api.get<PortalServicePointsResponse>(`/api/v1/portal/service-points?${q({ q: text })}`, signal);
export const findHomeCommunes = (text: string, signal?: AbortSignal) =>
  api.get<HomeCommunesResponse>(`/api/v1/portal/home-communes?${q({ q: text })}`, signal);
/** `communeCode`: a visit at home, the address's commune. */
export const listSlots = (servicePointCode: string, procedureCode: string, signal?: AbortSignal, purpose: Purpose = 'intake', from?: string, communeCode?: string) =>
  api.get<SlotList>(`${base}/slots?${q({ servicePointCode, procedureCode, purpose, ...(from ? { from } : {}), ...(communeCode ? { communeCode } : {}) })}`, signal);
export const sendPhoneCode = (phone: string) => api.post<CodeSent>(`${base}/phone-codes`, { phone });
export const verifyPhoneCode = (phone: string, code: string) => api.post<PhoneVerification>(`${base}/phone-codes/verify`, { phone, code });
export const createBooking = (body: {
  servicePointCode: string; procedureCode: string; purpose: Purpose; startsAt: string; name: string; personalId?: string; phone: string; phoneVerification: string;
  dossierCode?: string; address?: string; communeCode?: string;
}) => api.post<BookingWithLink>(`${base}/bookings`, body);
/** Where and from when the signed-in citizen may pick up a dossier's result. */
export const fetchPickup = (dossierCode: string, signal?: AbortSignal) => api.get<Pickup>(`${base}/pickups/${encodeURIComponent(dossierCode)}`, signal);
export const bookingByLink = (code: string, token: string, signal?: AbortSignal) =>
  api.get<Booking>(`${base}/bookings/${encodeURIComponent(code)}?${q({ token })}`, signal);
export const cancelBooking = (code: string, token: string) => api.post<BookingWithLink>(`${base}/bookings/${encodeURIComponent(code)}/cancel`, { token });
export const rescheduleBooking = (code: string, token: string, startsAt: string) =>
  api.post<BookingWithLink>(`${base}/bookings/${encodeURIComponent(code)}/reschedule`, { token, startsAt });
export const calendarUrl = (code: string, token: string) => `${base}/bookings/${encodeURIComponent(code)}/calendar.ics?${q({ token })}`;
export const manageUrl = (code: string, token: string) => `/dat-lich/${encodeURIComponent(code)}?${q({ t: token })}`;

/** The booking page with the procedure already chosen (linked from a procedure's page, `/thu-tuc/<code>`). */
export const PROCEDURE_PARAM = 'thu-tuc';
export const bookingPathFor = (procedureCode: string) => `/dat-lich?${q({ [PROCEDURE_PARAM]: procedureCode })}`;
/** The procedure code a booking page was opened with, if any. */
export const procedureOfSearch = (search: string): string | null => new URLSearchParams(search).get(PROCEDURE_PARAM)?.trim() || null;
/** The pickup booking of a dossier's result (linked from the dossier's page): `/dat-lich?ho-so=<code>`. */
export const DOSSIER_PARAM = 'ho-so';
export const pickupPathFor = (dossierCode: string) => `/dat-lich?${q({ [DOSSIER_PARAM]: dossierCode })}`;
export const dossierOfSearch = (search: string): string | null => new URLSearchParams(search).get(DOSSIER_PARAM)?.trim() || null;
