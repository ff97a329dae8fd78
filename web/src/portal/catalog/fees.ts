// How a fee reads on the portal: its fixed amount ("50.000 đồng"), its formula (per page, per
// copy, from the shared fee terms), or the catalogue's words when no figure is published.
import { feeFormulaText, type FeeTermItem, type FeeTermLine } from '../../../../src/shared/fee-terms';
import type { ProcedureInfoT } from './i18n';

export function feeAmountText(t: ProcedureInfoT, fee: FeeTermItem): string {
  if (fee.amountVnd === null) return fee.note ?? '—';
  if (fee.amountVnd === 0) return t('free');
  return feeFormulaText(fee) ?? t('amount', { amount: fee.amountVnd.toLocaleString('vi-VN') });
}

export function feeLineText(t: ProcedureInfoT, line: FeeTermLine): string {
  if (Number.isNaN(line.amountVnd)) return line.formula ?? '—';
  return line.amountVnd === 0 ? t('free') : t('amount', { amount: line.amountVnd.toLocaleString('vi-VN') });
}
