// What to tell the user about a failed request. In Vietnamese the server's message is shown as
// it is (it may carry specifics); in another language a known code is translated.
import type { TFunction } from 'i18next';
import { ApiError, clientErrorCodes } from '../api/client';
import type { Messages } from '../i18n/vi';
import { currentLanguage } from '../i18n';

type KnownCode = keyof Messages['errors'];

const isKnownCode = (code: string, t: TFunction): code is KnownCode =>
  t(`errors.${code as KnownCode}`, { defaultValue: '' }) !== '';

export function errorMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    if (currentLanguage() === 'vi' && error.message) return error.message;
    if (isKnownCode(error.code, t)) return t(`errors.${error.code}`);
    return error.message || t('errors.INTERNAL');
  }
  return t(`errors.${clientErrorCodes.network}`);
}

/** Field-level messages the server attached (`details`), joined for a summary. */
export function errorDetails(error: unknown): readonly string[] {
  return error instanceof ApiError ? error.details.map((d) => d.message) : [];
}
