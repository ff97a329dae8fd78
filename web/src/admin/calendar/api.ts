// The calendar endpoints as the screen reads them (src/calendar/routes.ts).
import { api, request } from '../../api/client';

export type DayKind = 'workday' | 'weekend' | 'dayOff' | 'makeUp';

export interface DatedReason {
  readonly date: string;
  readonly reason: string;
}

export interface CalendarDay {
  readonly date: string;
  /** 0 = Sunday … 6 = Saturday */
  readonly weekday: number;
  readonly isWorkingDay: boolean;
  readonly kind: DayKind;
  readonly reason: string | null;
  readonly lunar: { readonly day: number; readonly month: number; readonly year: number; readonly leap: boolean };
}

export interface CalendarYear {
  readonly year: number;
  readonly provisional: boolean;
  readonly source: string;
  readonly version: number | 'official' | 'statutory';
  readonly versionTag: string;
  readonly note: string | null;
  readonly daysOff: readonly DatedReason[];
  readonly makeUpDays: readonly DatedReason[];
  readonly days: readonly CalendarDay[];
}

export interface ScheduleVersion {
  readonly year: number;
  readonly version: number;
  readonly origin: 'stored' | 'official';
  readonly inForce: boolean;
  readonly source: string;
  readonly note: string | null;
  readonly daysOff: readonly DatedReason[];
  readonly makeUpDays: readonly DatedReason[];
  readonly createdAt: string | null;
  readonly createdByName: string | null;
}

export interface ScheduleInput {
  readonly source: string;
  readonly daysOff: readonly DatedReason[];
  readonly makeUpDays: readonly DatedReason[];
  readonly note?: string | null;
}

export const fetchCalendarYear = (year: number, signal?: AbortSignal) =>
  api.get<CalendarYear>(`/api/v1/calendar/${year}`, signal);

export const fetchVersions = (year: number, signal?: AbortSignal) =>
  api.get<{ items: readonly ScheduleVersion[] }>(`/api/v1/calendar/${year}/versions`, signal).then((r) => r.items);

export const saveSchedule = (year: number, input: ScheduleInput) =>
  request<ScheduleVersion>('PUT', `/api/v1/admin/calendar/${year}`, { body: input });

export const importSchedules = (schedules: unknown) =>
  request<{ items: readonly ScheduleVersion[] }>('POST', '/api/v1/admin/calendar/import', { body: schedules }).then((r) => r.items);
