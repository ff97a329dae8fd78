// An agency's telephone as the directory keeps it (migration 0241) and the courier dials it (a tel:
// link on the stop at the agency): a Vietnamese landline with its area code ("0277 3852 111"), a mobile
// ("0912 345 678"), a hotline ("1900 1234") or +84 — 8 to 15 digits, grouped by spaces, dots, dashes or
// parentheses, at most 30 characters. Pure: the API (src/directory/rows.ts) and the admin screen check the same.

export const AGENCY_PHONE_MAX = 30;

/** Why a phone is not one (Vietnamese), or null; an empty one is no phone and fine. */
export function agencyPhoneProblem(phone: string): string | null {
  const p = phone.trim();
  if (p === '') return null;
  if (p.length > AGENCY_PHONE_MAX) return `Số điện thoại dài quá ${AGENCY_PHONE_MAX} ký tự.`;
  if (!/^\+?[0-9 .()-]+$/.test(p)) return 'Số điện thoại chỉ gồm chữ số, có thể có dấu + ở đầu và dấu cách, dấu chấm, gạch ngang, ngoặc đơn (vd. 0277 3852 111).';
  const digits = p.replace(/[^0-9]/g, '').length;
  if (digits < 8 || digits > 15) return `Số điện thoại cần từ 8 đến 15 chữ số (đang có ${digits}; vd. 0277 3852 111).`;
  return null;
}
