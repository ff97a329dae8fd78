// Opening hours per counter (src/appointments/counter-hours.ts): read and replace a point's
// counters' own hours. Types are the server's answer schemas (type-only import).
import { api, request } from '../api/client';
import type { CounterHoursResponse, CourierAreasResponse } from '../../../src/appointments/schemas';

export type CounterHours = CounterHoursResponse;
export type CounterHoursItem = CounterHours['items'][number];

const url = (code: string) => `/api/v1/appointments/service-points/${encodeURIComponent(code)}/counter-hours`;
export const fetchCounterHours = (code: string, signal?: AbortSignal) => api.get<CounterHours>(url(code), signal);
export const saveCounterHours = (code: string, items: readonly CounterHoursItem[]) => request<CounterHours>('PUT', url(code), { body: { items } });

/** Visits at home: the communes each courier of the point visits (src/appointments/home-areas.ts). */
export type CourierAreas = CourierAreasResponse;
const areasUrl = (code: string) => `/api/v1/appointments/service-points/${encodeURIComponent(code)}/courier-areas`;
export const fetchCourierAreas = (code: string, signal?: AbortSignal) => api.get<CourierAreas>(areasUrl(code), signal);
export const saveCourierAreas = (code: string, items: readonly { courierId: number; communeCodes: readonly string[] }[]) =>
  request<CourierAreas>('PUT', areasUrl(code), { body: { items } });
