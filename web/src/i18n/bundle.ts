// The one way a screen has its own texts: a Vietnamese bundle (the source of its keys) and an
// English one with exactly the same keys — each a JSON file beside the screen (`i18n.vi.json`,
// `i18n.en.json`: data a translator edits) — merged into the app's i18next resources under a
// namespace key the first time the screen renders, with a typed `t`.
//
// Plurals follow i18next: a text that depends on a number has `<key>_one` and `<key>_other`
// variants (Vietnamese has one form, so both may be the same) and is asked for as `t('<key>',
// { count })`: "1 working day", "3 working days", "3 ngày làm việc".
import i18next from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export type Vars = Readonly<Record<string, string | number>>;

/** The base of a plural key: `x` for `x_one` / `x_other`. */
type PluralBase<K> = K extends `${infer B}_other` ? B : never;

export interface BundleT<K extends string> {
  (key: K, vars?: Vars): string;
  /** a plural text: chosen by `count` in the current language */
  (key: PluralBase<K>, vars: Vars & { readonly count: number }): string;
}

/** The keys of a bundle, derived from its hook (for a type that names one of its texts). */
export type BundleKey<U extends () => unknown> = ReturnType<U> extends BundleT<infer K> ? K : never;

/**
 * The English texts are checked against the Vietnamese ones: every key present, no key more —
 * whether they are written inline or as a constant — so no bundle restates its key type.
 */
export function defineBundle<const M extends Record<string, string>, const E extends { readonly [K in keyof M]: string }>(
  namespace: string,
  vi: M,
  en: E & { readonly [K in Exclude<keyof E, keyof M>]: never },
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
    // the same function while the language stays, so that memoised values depending on it hold
    return useMemo(() => {
      const translate = t as unknown as (key: string, options?: Record<string, unknown>) => string;
      return ((key: string, vars?: Vars) => translate(`${namespace}.${key}`, vars ? { ...vars } : undefined)) as BundleT<keyof M & string>;
    }, [t]);
  };
}
