// Texts of the transfer-postage statement.
import { defineBundle } from '../../i18n/bundle';
import vi from './i18n.vi.json';
import en from './i18n.en.json';

export const useStatementT = defineBundle('postalTransferPostage', vi, en);
export type StatementT = ReturnType<typeof useStatementT>;
