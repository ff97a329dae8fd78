// i18next set up with Vietnamese first; the choice is kept in localStorage and mirrored in <html lang>.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { vi, type Messages } from './vi';

export const languages = ['vi', 'en'] as const;
export type Language = (typeof languages)[number];

const storageKey = 'motcua.language';

const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (languages as readonly string[]).includes(value);

function storedLanguage(): Language {
  try {
    const saved = window.localStorage.getItem(storageKey);
    return isLanguage(saved) ? saved : 'vi';
  } catch {
    return 'vi'; // storage disabled: stay with the default
  }
}

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : 'vi';
}

// The app's English texts are fetched only when English is chosen, so that a first visit (in
// Vietnamese) downloads one language (each screen's own bundle carries both: bundle.ts).
let englishLoaded = false;
async function loadLanguage(language: Language): Promise<void> {
  if (language === 'vi' || englishLoaded) return;
  const { en } = await import('./en');
  i18next.addResourceBundle('en', 'translation', en, true, false);
  englishLoaded = true;
}

export async function setLanguage(language: Language): Promise<void> {
  await loadLanguage(language);
  await i18next.changeLanguage(language);
}

export async function initI18n(): Promise<typeof i18next> {
  i18next.on('languageChanged', (lng) => {
    const language = isLanguage(lng) ? lng : 'vi';
    document.documentElement.lang = language;
    try {
      window.localStorage.setItem(storageKey, language);
    } catch {
      // storage disabled: the choice lasts for this page only
    }
  });
  const language = storedLanguage();
  await i18next.use(initReactI18next).init({
    resources: { vi: { translation: vi } },
    partialBundledLanguages: true,
    lng: 'vi',
    fallbackLng: 'vi',
    supportedLngs: [...languages],
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  if (language !== 'vi') await setLanguage(language);
  document.documentElement.lang = currentLanguage();
  return i18next;
}
