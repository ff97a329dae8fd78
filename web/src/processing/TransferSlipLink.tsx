// "In Phiếu chuyển xử lý" of one member of a bundle (issue 17 §3, ND 61 art. 19.6): the PDF naming
// the task, its time and deadline, from and to which agency (GET /api/v1/bundles/{code}/transfer-slips/{member}.pdf).
import { useBundleT } from './bundle-i18n';

export const transferSlipUrl = (bundleCode: string, memberKey: string): string =>
  `/api/v1/bundles/${encodeURIComponent(bundleCode)}/transfer-slips/${encodeURIComponent(memberKey)}.pdf`;

export function TransferSlipLink({ bundleCode, memberKey, name }: { readonly bundleCode: string; readonly memberKey: string; readonly name: string }) {
  const b = useBundleT();
  return (
    <a href={transferSlipUrl(bundleCode, memberKey)} target="_blank" rel="noopener" aria-label={b('transferSlipOf', { name })} data-transfer-slip={memberKey}>
      {b('transferSlip')}
    </a>
  );
}
