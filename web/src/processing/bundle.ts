// A screen's own texts, merged into the app's i18next resources under a namespace key the first
// time the screen renders (the shell's vi.ts/en.ts stay untouched), with a typed `t`.
import i18next from 'i18next';
import { useTranslation } from 'react-i18next';

export type Vars = Readonly<Record<string, string | number>>;
export type BundleT<K extends string> = (key: K, vars?: Vars) => string;

export function defineBundle<const M extends Record<string, string>>(
  namespace: string,
  vi: M,
  en: { readonly [K in keyof M]: string },
): () => BundleT<keyof M & string> {
  let registered = false;
  const register = () => {
    if (registered) return;
    i18next.addResourceBundle('vi', 'translation', { [namespace]: vi }, true, false);
    i18next.addResourceBundle('en', 'translation', { [namespace]: en }, true, false);
    registered = true;
  };
  return function useBundleT() {
    register();
    const { t } = useTranslation();
    const translate = t as unknown as (key: string, options?: Record<string, unknown>) => string;
    return (key, vars) => translate(`${namespace}.${key}`, vars ? { ...vars } : undefined);
  };
}
