// How a version's durations and fees read on the screen ("Trong ngày (nhận trước 15:00 …)",
// "2.000 đ/trang; từ trang 3: 1.000 đ/trang; tối đa 200.000 đ/bản"). Pure apart from the texts.
import type { DurationUnit, Fee } from './api';
import type { CatalogAdminT } from './i18n';

/** "10.000 đ": an amount in đồng with Vietnamese thousands separators. */
export const formatVnd = (amount: number, t: CatalogAdminT): string =>
  t('vnd', { amount: amount.toLocaleString('vi-VN') });

export function durationText(value: number, unit: DurationUnit, cutoff: string | null, t: CatalogAdminT): string {
  // a 0 duration is same day, and its cut-off is never ignored (15:00 when none is stated)
  if (value === 0) return t('sameDay', { cutoff: cutoff ?? '15:00' });
  const main = t('duration', { value: value.toLocaleString('vi-VN'), unit: t(`unit_${unit}`) });
  return cutoff ? `${main}, ${t('cutoffAt', { cutoff })}` : main;
}

export function feeAmountText(fee: Fee, t: CatalogAdminT): string {
  if (fee.amountVnd === null) return fee.note ? t('amountInWords', { note: fee.note }) : '—';
  const amount = formatVnd(fee.amountVnd, t);
  const basis = fee.basis ?? 'fixed';
  if (basis === 'fixed') return t('fixedAmount', { amount });
  if (basis === 'per_copy') return t('perCopy', { amount });
  const parts = [t('perPage', { amount }), ...(fee.tiers ?? []).map((tier) => t('tierItem', { page: tier.fromPage, amount: formatVnd(tier.amountVnd, t) }))];
  if (fee.maxPerCopyVnd != null) parts.push(t('maxPerCopy', { amount: formatVnd(fee.maxPerCopyVnd, t) }));
  return parts.join('; ');
}

/** The label of a field of a version (the audit's and the dry run's field names), or the name itself. */
export function fieldLabel(field: string, t: CatalogAdminT): string {
  const key = `f_${field}`;
  const known = ['name', 'field', 'competentLevel', 'competentAgency', 'competentBody', 'placeTied', 'filingAnywhere', 'cases', 'durationValue',
    'durationUnit', 'cutoff', 'requiredPapers', 'fees', 'onlineLevel', 'postalAllowed', 'resultType', 'resultDescription', 'fullCode',
    'eformSchema', 'steps', 'defaultsApplied', 'source', 'effectiveFrom'];
  return known.includes(field) ? t(key as 'f_name') : field;
}
