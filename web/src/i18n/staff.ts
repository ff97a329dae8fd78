// The signed-in app's shared texts (navigation, sign-in, home and its capability cards, roles,
// password): loaded with App.tsx, not with a public portal page, and merged into i18next's
// resources before the app renders. English has exactly the Vietnamese keys (the compiler checks).
import i18next from 'i18next';
import vi from './staff.vi.json';
import en from './staff.en.json';

const english: typeof vi = en;

export function registerStaffTexts(): void {
  i18next.addResourceBundle('vi', 'translation', vi, true, false);
  i18next.addResourceBundle('en', 'translation', english, true, false);
}
