/**
 * Which form set a dossier's slips follow, chosen by its receipt date (issue 9): TT 01/2018/TT-VPCP
 * before the switch date, TT 03/2025/TT-VPCP (Phụ lục I) from it. The switch date is
 * configuration (`MOTCUA_FORM_SET_2025_FROM`); the documented default is 2025-07-01, the day
 * Nghị định 118/2025/NĐ-CP replaced the ND 61/2018 regime and its implementing TT 03/2025/TT-VPCP
 * took effect with it (DOMAIN §1.1, §3.1). Pure.
 */
import type { FormSet } from './model';

export const FORM_SET_2025_FROM_DEFAULT = '2025-07-01';
export const FORM_SET_2025_SOURCE = 'Nghị định 118/2025/NĐ-CP và Thông tư 03/2025/TT-VPCP (hiệu lực 01/07/2025)';

/** The form set in force on the receipt day ('YYYY-MM-DD', Vietnam time). */
export function formSetFor(receiptDay: string, switchDate: string = FORM_SET_2025_FROM_DEFAULT): FormSet {
  return receiptDay < switchDate ? '2018' : '2025';
}
