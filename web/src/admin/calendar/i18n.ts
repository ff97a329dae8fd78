// Texts of the working-calendar screen (`calendarAdmin` keys, see ../../i18n/bundle.ts).
import { defineBundle } from '../../i18n/bundle';
import calendarVi from './i18n.vi.json';
import en from './i18n.en.json';

// English: exactly the same keys (checked by defineBundle)
export const useCalendarT = defineBundle('calendarAdmin', calendarVi, en);

export type CalendarT = ReturnType<typeof useCalendarT>;
