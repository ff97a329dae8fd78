// What to tell the user about a failed request. In Vietnamese the server's message is shown as
// it is (it may carry specifics); in another language a known code is translated.
import i18next, { type TFunction } from 'i18next';
import { ApiError } from '../api/client';
import type { Messages } from '../i18n/vi';
import { currentLanguage } from '../i18n';

type KnownCode = keyof Messages['errors'];

const isKnownCode = (code: string): code is KnownCode => i18next.exists(`errors.${code}`);

export function errorMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    if (currentLanguage() === 'vi' && error.message) return error.message;
    if (isKnownCode(error.code)) return t(`errors.${error.code}`);
    return error.message || t('errors.INTERNAL');
  }
  return t('errors.INTERNAL');
}

/** Field-level messages the server attached (`details`), joined for a summary. */
export function errorDetails(error: unknown): readonly string[] {
  return error instanceof ApiError ? error.details.map((d) => d.message) : [];
}

/** A failed request as shown to the user: the sentence and the server's per-field messages. */
export interface ShownError {
  readonly text: string;
  readonly details: readonly string[];
}

export function shownError(error: unknown, t: TFunction): ShownError {
  return { text: errorMessage(error, t), details: errorDetails(error) };
}
